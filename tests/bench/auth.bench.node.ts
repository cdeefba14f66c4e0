// What checking an access token costs: authenticated GET /me per second against a real
// PostgreSQL through the HTTP API (50 offices, each asking in turn), and the microseconds of
// the signature check alone, in-process.
import { startCentral } from '../../src-central/central.node.ts';
import { MIGRATIONS_DIR, validatedDesk, type Desk } from '../central/centralTestClient.node.ts';
import { postgresMissing, startPostgres } from '../support/postgres.node.ts';
import { report, timed } from './placements.bench.node.ts';

const CLIENTS = 50;
const PER_CLIENT = 200;

export async function benchAuth(): Promise<void> {
  const missing = postgresMissing();
  if (missing) {
    console.log(`auth: skipped (${missing})`);
    return;
  }
  const cluster = await startPostgres();
  try {
    const databaseUrl = await cluster.createDatabase('bench_auth');
    const central = await startCentral({ databaseUrl, migrationsDir: MIGRATIONS_DIR, sweepEveryMs: 0, poolSize: 20, seedMonths: 1 });
    try {
      const desks: Desk[] = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => validatedDesk(central, `Bench ${i}`)));
      console.log(`auth (HTTP → central service → PostgreSQL 15, ${CLIENTS} concurrent offices, pool of 20 connections)`);
      for (const round of ['warm-up', 'GET /me']) {
        const latencies: number[] = [];
        const started = performance.now();
        await Promise.all(desks.map(async (desk) => {
          for (let i = 0; i < PER_CLIENT; i += 1) {
            const answer = await timed(latencies, () => desk.authed('GET', '/me'));
            if (answer.status !== 200) throw new Error(`/me ${answer.status}`);
          }
        }));
        if (round !== 'warm-up') report(round, latencies, performance.now() - started, '', 'authenticated requests');
      }
    } finally {
      await central.close();
    }
  } finally {
    await cluster.stop();
  }
}
