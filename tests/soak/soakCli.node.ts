// `npm run soak`: the long soak, on a PostgreSQL cluster of its own (loopback only), bounded in
// time and in actions. `npm run soak -- --offices 20 --actions 150 --minutes 5 --seed 7`.
import { parseArgs } from 'node:util';
import { postgresMissing, startPostgres } from '../support/postgres.node.ts';
import { TEST_PG_URL_ENV } from '../support/testCentral.node.ts';
import { printSoak } from './soakReport.node.ts';
import { runSoak } from './soakRun.node.ts';

const { values } = parseArgs({
  options: { offices: { type: 'string', default: '20' }, actions: { type: 'string', default: '150' }, minutes: { type: 'string', default: '5' }, seed: { type: 'string', default: '7' } },
});
const missing = postgresMissing();
if (missing) {
  console.error(`soak: cannot run (${missing})`);
  process.exit(2);
}
const cluster = await startPostgres();
process.env[TEST_PG_URL_ENV] = cluster.url;
let failed = true;
try {
  const started = process.memoryUsage.rss();
  const report = await runSoak({
    offices: Number(values.offices), actions: Number(values.actions), maxMs: Number(values.minutes) * 60_000, seed: Number(values.seed),
    slots: 40, venueCancellations: 3, daysPassing: 6,
  });
  console.log(printSoak(report));
  console.log(`  resident memory of this process (the service and every desk core): ${Math.round(started / 2 ** 20)} MiB at start, ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MiB at the end`);
  const f = report.findings;
  failed = [...f.mirrors, ...f.lostOrTwice, ...f.seats, ...f.tickets].length > 0;
} finally {
  await cluster.stop();
}
process.exit(failed ? 1 : 0);
