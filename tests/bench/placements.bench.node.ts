// Option placements per second against a real PostgreSQL through the HTTP API, 50 offices
// pushing at once: spread over distinct slots (no contention but the version counter), and
// all on one hot slot (each office places 8 people and cancels them again when it got them);
// then one desktop back online pushing the 100 placements it queued, alone on the service.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startCentral } from '../../src-central/central.node.ts';
import { group, MIGRATIONS_DIR, validatedDesk, type Desk } from '../central/centralTestClient.node.ts';
import { postgresMissing, startPostgres } from '../support/postgres.node.ts';
import { pgbenchTps } from './pgbenchLimit.node.ts';

const CLIENTS = 50;
const PER_CLIENT = 20;
const QUEUED = 100;
const PUSHES = 5;

export function percentile(sortedMs: number[], p: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))]!;
}

/** Prints the figures and returns the rate, per second. */
export function report(label: string, latencies: number[], elapsedMs: number, extra = '', what = 'placements'): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  const rate = latencies.length / (elapsedMs / 1000);
  console.log(`  ${label}: ${latencies.length} ${what} in ${(elapsedMs / 1000).toFixed(2)} s = ${Math.round(rate)}/s, `
    + `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms${extra}`);
  return rate;
}

export async function timed<T>(latencies: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  latencies.push(performance.now() - started);
  return result;
}

export async function bookableSlots(databaseUrl: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT id FROM slots WHERE venue_id IN ('conciergerie', 'sainte-chapelle') AND starts_at > now() + interval '70 days' ORDER BY id LIMIT $1", [count]);
    return rows.map((r: { id: string }) => r.id);
  } finally {
    await client.end();
  }
}

export async function benchPlacements(): Promise<void> {
  const missing = postgresMissing();
  if (missing) {
    console.log(`placements: skipped (${missing})`);
    return;
  }
  const cluster = await startPostgres();
  try {
    const databaseUrl = await cluster.createDatabase('bench');
    // 50 offices sign up from this one address: the sign-up limit would stop the eleventh.
    const central = await startCentral({ databaseUrl, migrationsDir: MIGRATIONS_DIR, sweepEveryMs: 0, poolSize: 20, rateLimitFactor: 1000 });
    try {
      const desks: Desk[] = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => validatedDesk(central, `Bench ${i}`)));
      const slots = await bookableSlots(databaseUrl, CLIENTS * PER_CLIENT + 1 + QUEUED * PUSHES);
      const queuedSlots = slots.splice(CLIENTS * PER_CLIENT + 1);
      const hot = slots.pop()!;
      console.log(`placements (HTTP → central service → PostgreSQL 15, ${CLIENTS} concurrent offices, pool of 20 connections)`);

      let latencies: number[] = [];
      let started = performance.now();
      await Promise.all(desks.map(async (desk, d) => {
        for (let i = 0; i < PER_CLIENT; i += 1) {
          const result = await timed(latencies, () => desk.place(slots[d * PER_CLIENT + i]!, group(10)));
          if (result.status !== 'applied') throw new Error(`distinct slots: ${result.code}`);
        }
      }));
      const distinct = report('distinct slots', latencies, performance.now() - started);

      latencies = [];
      let applied = 0;
      started = performance.now();
      await Promise.all(desks.map(async (desk) => {
        for (let i = 0; i < PER_CLIENT; i += 1) {
          const result = await timed(latencies, () => desk.place(hot, group(8)));
          if (result.status === 'applied') {
            applied += 1;
            await desk.cancel(result.option!.id);
          }
        }
      }));
      const hotRate = report('one hot slot  ', latencies, performance.now() - started, ` (${applied} seated and cancelled again, the rest SLOT_FULL with alternatives)`);

      latencies = [];
      started = performance.now();
      for (let p = 0; p < PUSHES; p += 1) {
        const mutations = queuedSlots.slice(p * QUEUED, (p + 1) * QUEUED).map((slotId, i) => ({
          id: i + 1, name: 'option.place', args: { optionId: randomUUID(), slotId, composition: group(10) },
        }));
        const answer = await timed(latencies, () => desks[0]!.push(mutations, randomUUID()));
        const results = (answer.body as { results?: { status: string }[] }).results ?? [];
        if (answer.status !== 200 || results.filter((r) => r.status === 'applied').length !== QUEUED) throw new Error(`push of ${QUEUED}: ${answer.status}`);
      }
      report(`push of ${QUEUED} queued placements (one desktop, one request)`, latencies, performance.now() - started, '', 'pushes');

      const limit = await pgbenchTps(cluster, CLIENTS);
      const share = (rate: number) => `${((rate / limit) * 100).toFixed(0)} %`;
      console.log(`  PostgreSQL itself (pgbench simple-update, ${CLIENTS} clients, same cluster): ${Math.round(limit)} tps; `
        + `distinct slots ${share(distinct)} of it, one hot slot ${share(hotRate)}`);
    } finally {
      await central.close();
    }
  } finally {
    await cluster.stop();
  }
}
