// What checking an access token costs: authenticated GET /me per second against a real
// PostgreSQL through the HTTP API (50 offices at a time, then one), and the microseconds of
// the check's two parts alone, in-process: the signature and claims, and the look-up of
// signed-out sessions in PostgreSQL.
import { randomBytes, randomUUID } from 'node:crypto';
import { sessionEnded } from '../../src-central/accounts/revokedSessions.node.ts';
import { createAccessTokens } from '../../src-central/accounts/tokens.node.ts';
import { startCentral } from '../../src-central/central.node.ts';
import { openStore } from '../../src-central/store/database.node.ts';
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
    // 50 offices sign up from this one address: the sign-up limit would stop the eleventh.
    const central = await startCentral({ databaseUrl, migrationsDir: MIGRATIONS_DIR, sweepEveryMs: 0, poolSize: 20, seedMonths: 1, rateLimitFactor: 1000 });
    try {
      const desks: Desk[] = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => validatedDesk(central, `Bench ${i}`)));
      console.log(`auth (HTTP → central service → PostgreSQL 15, ${CLIENTS} concurrent offices, pool of 20 connections)`);
      const round = async (label: string | null, clients: Desk[], perClient: number) => {
        const latencies: number[] = [];
        const started = performance.now();
        await Promise.all(clients.map(async (desk) => {
          for (let i = 0; i < perClient; i += 1) {
            const answer = await timed(latencies, () => desk.authed('GET', '/me'));
            if (answer.status !== 200) throw new Error(`/me ${answer.status}`);
          }
        }));
        if (label) report(label, latencies, performance.now() - started, '', 'authenticated requests');
      };
      await round(null, desks, PER_CLIENT);
      await round(`GET /me, ${CLIENTS} at a time`, desks, PER_CLIENT);
      await round('GET /me, one at a time', desks.slice(0, 1), 2_000);
    } finally {
      await central.close();
    }
    await benchCheckParts(databaseUrl);
  } finally {
    await cluster.stop();
  }
}

/** Median microseconds of `work`, run `times` times one after another. */
async function medianMicros(times: number, work: () => unknown): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await work();
    took.push((performance.now() - started) * 1000);
  }
  return took.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

async function benchCheckParts(databaseUrl: string): Promise<void> {
  const tokens = createAccessTokens({ current: randomBytes(32), retired: [] });
  const now = new Date();
  const token = tokens.issue({ officeId: randomUUID(), sessionId: randomUUID() }, now);
  const verify = await medianMicros(50_000, () => tokens.verify(token, now));
  const store = await openStore({ databaseUrl, migrationsDir: MIGRATIONS_DIR, poolSize: 2 });
  try {
    const lookUp = await medianMicros(5_000, () => sessionEnded(store.db, randomUUID()));
    console.log(`  the check alone, median: signature and claims ${verify.toFixed(1)} µs, signed-out session look-up ${lookUp.toFixed(0)} µs`);
  } finally {
    await store.close();
  }
}
