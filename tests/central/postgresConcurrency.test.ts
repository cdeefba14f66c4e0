// Capacity under real concurrency, on a real PostgreSQL: 50 offices race for one 26-place
// slot through the HTTP API, and pairs of offices race to grow their options on one slot.
// The negative control removes the guard and the CHECK and must see an oversell — the proof
// that this test can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startCentral, type RunningCentral } from '../../src-central/central.node.ts';
import { postgresMissing, startPostgres, type TempPostgres } from '../support/postgres.node.ts';
import { group, MIGRATIONS_DIR, validatedDesk, type Desk } from './centralTestClient.node.ts';

const missing = postgresMissing();
if (missing && !process.env.CI) console.warn(`Skipping the PostgreSQL concurrency suite: ${missing}`);

const OFFICES = 50;
const SLOT = 'conciergerie:2025-04-15T12:00:00.000Z';
const clock = () => new Date('2025-01-10T09:00:00Z');

let cluster: TempPostgres;

async function slotState(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: [slot] } = await client.query('SELECT held, capacity FROM slots WHERE id = $1', [SLOT]);
    const { rows: [sum] } = await client.query(
      "SELECT coalesce(sum(head_count), 0)::int AS held, count(*)::int AS options FROM options WHERE slot_id = $1 AND state = 'active'", [SLOT]);
    return { held: slot.held as number, capacity: slot.capacity as number, activeHeads: sum.held as number, activeOptions: sum.options as number };
  } finally {
    await client.end();
  }
}

/** 50 offices, each on its own desktop, all placing 10 people on SLOT at the same moment. */
async function race(central: RunningCentral) {
  const desks: Desk[] = await Promise.all(Array.from({ length: OFFICES }, (_, i) => validatedDesk(central, `Agence ${i}`)));
  return Promise.all(desks.map((desk) => desk.place(SLOT, group(10))));
}

describe.skipIf(missing !== null && !process.env.CI)('capacity on PostgreSQL under concurrency', () => {
  beforeAll(async () => {
    if (missing) throw new Error(`The PostgreSQL concurrency suite cannot run: ${missing}`);
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('seats exactly two groups of 10 on a 26-place slot, and offers the other 48 alternatives', async () => {
    const databaseUrl = await cluster.createDatabase('guarded');
    const central = await startCentral({ databaseUrl, migrationsDir: MIGRATIONS_DIR, now: clock, sweepEveryMs: 0, poolSize: 60 });
    try {
      const results = await race(central);
      const applied = results.filter((r) => r.status === 'applied');
      const full = results.filter((r) => r.code === 'SLOT_FULL');
      expect(applied).toHaveLength(2);
      expect(full).toHaveLength(48);
      expect(full.every((r) => (r.alternatives?.length ?? 0) > 0)).toBe(true);
      expect(await slotState(databaseUrl)).toEqual({ held: 20, capacity: 26, activeHeads: 20, activeOptions: 2 });
    } finally {
      await central.close();
    }
  }, 60_000);

  it('lets exactly one of two offices grow into room for only one grow, on every slot, held matching the options', async () => {
    const databaseUrl = await cluster.createDatabase('resize');
    const central = await startCentral({ databaseUrl, migrationsDir: MIGRATIONS_DIR, now: clock, sweepEveryMs: 0, poolSize: 40 });
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // Ten slots; on each, two offices hold 10 of 26 seats and both ask for 5 more at once.
      const slotIds = Array.from({ length: 10 }, (_, i) => `conciergerie:2025-04-15T${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00.000Z`);
      const desks = await Promise.all(Array.from({ length: 20 }, (_, i) => validatedDesk(central, `Agence ${i}`)));
      const held = await Promise.all(desks.map(async (desk, i) => {
        const placed = await desk.place(slotIds[i % 10]!, group(10));
        expect(placed.status).toBe('applied');
        return { desk, optionId: placed.option!.id };
      }));
      const results = await Promise.all(held.map(({ desk, optionId }) => desk.resize(optionId, group(15))));
      for (let s = 0; s < slotIds.length; s++) {
        const pair = [results[s]!, results[s + 10]!];
        expect(pair.filter((r) => r.status === 'applied')).toHaveLength(1);
        expect(pair.filter((r) => r.code === 'SLOT_FULL')).toHaveLength(1);
      }
      const { rows } = await client.query(`
        SELECT s.id, s.held, coalesce(sum(o.head_count), 0)::int AS heads
        FROM slots s LEFT JOIN options o ON o.slot_id = s.id AND o.state = 'active'
        WHERE s.id = ANY($1) GROUP BY s.id, s.held`, [slotIds]);
      expect(rows).toHaveLength(10);
      expect(rows.every((r) => r.held === 25 && r.heads === 25)).toBe(true);
    } finally {
      await client.end();
      await central.close();
    }
  }, 60_000);

  it('answers 503 when the database fails mid-push, advancing nothing, and applies the retry once', async () => {
    const databaseUrl = await cluster.createDatabase('failing');
    const central = await startCentral({ databaseUrl, migrationsDir: MIGRATIONS_DIR, now: clock, sweepEveryMs: 0 });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const desk = await validatedDesk(central);
      const mutation = { id: 1, name: 'option.place', args: { optionId: crypto.randomUUID(), slotId: SLOT, composition: group(10) } };
      // The result cannot be recorded: the seats taken in the same transaction must not stay taken.
      await admin.query('ALTER TABLE mutation_results RENAME TO mutation_results_away');
      const failed = await desk.push([mutation]);
      expect([failed.status, failed.body.error.code]).toEqual([503, 'UNAVAILABLE']);
      expect(JSON.stringify(failed.body)).not.toMatch(/mutation_results/);
      expect((await slotState(databaseUrl)).held).toBe(0);

      await admin.query('ALTER TABLE mutation_results_away RENAME TO mutation_results');
      const retried = await desk.push([mutation]);
      expect(retried.body).toMatchObject({ lastMutationId: 1, results: [{ status: 'applied' }] });
      expect(await slotState(databaseUrl)).toMatchObject({ held: 10, activeOptions: 1 });
    } finally {
      await admin.end();
      await central.close();
    }
  }, 60_000);

  it('control: without the guard and the CHECK, the same race oversells', async () => {
    const databaseUrl = await cluster.createDatabase('unguarded');
    const central = await startCentral({
      databaseUrl, migrationsDir: MIGRATIONS_DIR, now: clock, sweepEveryMs: 0, poolSize: 60, unsafeNoCapacityGuard: true,
    });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      await admin.query('ALTER TABLE slots DROP CONSTRAINT slots_capacity');
      const results = await race(central);
      const state = await slotState(databaseUrl);
      expect(results.filter((r) => r.status === 'applied').length).toBeGreaterThan(2);
      expect(state.held).toBeGreaterThan(state.capacity);
    } finally {
      await admin.end();
      await central.close();
    }
  }, 60_000);
});
