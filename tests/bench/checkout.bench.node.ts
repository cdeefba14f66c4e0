// Checkouts per second against a real PostgreSQL through the HTTP API: 50 offices each pay
// their held options one by one by card (authorize, confirm in one locked transaction with
// seats held → sold and one signed ticket per person, capture).
import { startCentral } from '../../src-central/central.node.ts';
import { Desk, group, MIGRATIONS_DIR, validatedDesk } from '../central/centralTestClient.node.ts';
import { applyToAll, checkout, checkoutRequest, companion } from '../central/orderTestKit.node.ts';
import { startCentralProcess } from '../support/centralProcess.node.ts';
import { postgresMissing, startPostgres } from '../support/postgres.node.ts';
import { startCpuMeter, type CpuSpent } from './cpuMeter.node.ts';
import { recordFigure } from './figures.node.ts';
import { keepAliveCall } from './keepAliveCall.node.ts';
import { pgbenchTps } from './pgbenchLimit.node.ts';
import { bookableSlots, rateText, report, timed } from './placements.bench.node.ts';

const CLIENTS = 50;
/** 1,000 checkouts in all: a run of some seconds, long enough for its rate to hold still. */
const PER_CLIENT = 20;
/** 16 visitors and a guide: the seed's Sainte-Chapelle group, 17 tickets per order. */
const GROUP = group(16, 1);
/** Connections of the API process: as for placements, more backends than cores only queue for the CPU. */
const POOL = Number(process.env.BENCH_CHECKOUT_POOL ?? 4);

/** Where a checkout's CPU goes, and the rate the cores could give at that cost with no wait at all. */
function cpuBudget(spent: CpuSpent, checkouts: number): string {
  const per = (ms: number) => (ms / checkouts).toFixed(2);
  const total = spent.byProcess.central! + spent.byProcess.load! + spent.rest;
  const ceiling = (spent.cores * 1000) / (total / checkouts);
  return `CPU a checkout: ${per(total)} ms (central service ${per(spent.byProcess.central!)}, PostgreSQL and the rest ${per(spent.rest)}, `
    + `load generator ${per(spent.byProcess.load!)}); the cores were ${(spent.busyShare * 100).toFixed(0)}% busy: `
    + `at that cost ${spent.cores} cores give at most ${ceiling.toFixed(0)}/s`;
}

export async function benchCheckout(): Promise<void> {
  const missing = postgresMissing();
  if (missing) {
    console.log(`checkout: skipped (${missing})`);
    return;
  }
  const cluster = await startPostgres();
  try {
    const databaseUrl = await cluster.createDatabase('bench_checkout');
    // 50 offices sign up from this one address through an in-process service: the sign-up limit
    // of the API process would stop the eleventh. Their sessions hold on the API process.
    const setup = await startCentral({ databaseUrl, migrationsDir: MIGRATIONS_DIR, sweepEveryMs: 0, rateLimitFactor: 1000 });
    const signedUp: Desk[] = [];
    try {
      for (let i = 0; i < CLIENTS; i += 1) signedUp.push(await validatedDesk(setup, `Bench ${i}`));
    } finally {
      await setup.close();
    }
    const central = await startCentralProcess(databaseUrl, 'bench-admin', { GUICHET_DB_POOL: String(POOL) });
    try {
      const desks = signedUp.map((desk) => new Desk(central.url, desk.session, desk.email, keepAliveCall));
      const slots = await bookableSlots(databaseUrl, CLIENTS * PER_CLIENT);
      const held = await Promise.all(desks.map(async (desk, d) => {
        const guide = await companion(desk, 'guide');
        const options: string[] = [];
        for (let i = 0; i < PER_CLIENT; i += 1) {
          const placed = await desk.place(slots[d * PER_CLIENT + i]!, GROUP);
          if (placed.status !== 'applied') throw new Error(`place: ${placed.code}`);
          options.push(placed.option!.id);
        }
        return { guide, options };
      }));
      const limit = await pgbenchTps(cluster, CLIENTS);
      console.log(`checkout (HTTP → central service → PostgreSQL 15, ${CLIENTS} concurrent offices, one API process with a pool of ${POOL} connections, card, 17 tickets per order)`);

      console.log(`  PostgreSQL itself (pgbench simple-update, ${CLIENTS} clients, same cluster): ${Math.round(limit)} tps`);
      const latencies: number[] = [];
      const cpu = startCpuMeter({ central: central.pid, load: process.pid });
      const started = performance.now();
      await Promise.all(desks.map(async (desk, d) => {
        for (const optionId of held[d]!.options) {
          const items = [{ kind: 'option' as const, optionId, designations: applyToAll(GROUP, held[d]!.guide) }];
          // Read, not parsed with the contract's schema: on these two cores the load generator's
          // CPU is the service's (the answer's shape is the tests' business, tests/central).
          const answer = await timed(latencies, () => checkout(desk, checkoutRequest(items)));
          const tickets = (answer.body as { tickets?: unknown[] }).tickets ?? [];
          if (answer.status !== 200 || tickets.length !== 17) throw new Error(`checkout ${answer.status}, ${tickets.length} tickets: ${JSON.stringify(answer.body).slice(0, 300)}`);
        }
      }));
      const rate = report('one option per order', latencies, performance.now() - started, ` (${latencies.length * 17} tickets signed)`, 'checkouts');
      const spent = cpu.stop();
      const budget = spent && cpuBudget(spent, latencies.length);
      if (budget) console.log(`  ${budget}`);
      recordFigure({
        what: 'checkouts by card, 17 tickets each, 50 offices', measured: rateText(rate), target: '≥ 400/s', met: rate.perSecond >= 400,
        limit: `pgbench ${Math.round(limit)} tps (${((rate.perSecond / limit) * 100).toFixed(1)} %)`,
        ...(budget ? { whyMissed: budget } : {}),
      });
    } finally {
      await central.stop();
    }
  } finally {
    await cluster.stop();
  }
}
