// Capacity under real concurrency, on a real PostgreSQL: 50 offices race for one 26-place
// slot through the HTTP API, and pairs of offices race to grow their options on one slot.
// The negative control removes the guard and the CHECK and must see an oversell — the proof
// that this test can fail. Then the expiry sweeper and checkouts race for options at the
// very instant they expire: an option ends expired or paid, never both — and its control,
// checking the options without locking them, must see the two collide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { startCentral, type RunningCentral } from '../../src-central/central.node.ts';
import { createTestCardProvider } from '../../src-central/payments/testCardProvider.node.ts';
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

/**
 * 30 Conciergerie slots, each held by two offices with 10 people; at each pair's expiry
 * instant the sweeper runs while both offices pay. Returns what PostgreSQL holds afterwards.
 */
async function expiryRace(databaseUrl: string, unsafeNoCheckoutLock = false) {
  // A server clock that runs at real speed from wherever the test sets it, so that "the
  // expiry instant" falls between the checkout's steps and the sweep's, as in production.
  let offset = Date.parse('2025-01-10T09:00:00Z') - Date.now();
  const now = () => new Date(Date.now() + offset);
  const setNow = (ms: number) => {
    offset = ms - Date.now();
  };
  const acquirer = createTestCardProvider(now);
  const central = await startCentral({
    databaseUrl, migrationsDir: MIGRATIONS_DIR, now, sweepEveryMs: 0, poolSize: 30, paymentProvider: acquirer, unsafeNoCheckoutLock,
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const slotIds = Array.from({ length: 30 }, (_, i) => new Date(Date.parse('2025-04-15T07:30:00Z') + i * 15 * 60_000))
      .map((at) => `conciergerie:${at.toISOString()}`);
    const desks = [await validatedDesk(central, 'Agence Matin'), await validatedDesk(central, 'Agence Soir')];
    const rounds: { expiresAt: number; optionIds: string[] }[] = [];
    // One desk's mutations go in order; the two desks place side by side.
    for (const slotId of slotIds) {
      const placed = await Promise.all(desks.map((desk) => desk.place(slotId, group(10))));
      expect(placed.every((p) => p.status === 'applied')).toBe(true);
      rounds.push({ expiresAt: Date.parse(placed[0]!.option!.expiresAt), optionIds: placed.map((p) => p.option!.id) });
    }

    const answers: { status: number; code?: string }[] = [];
    let failedSweeps = 0;
    for (const { expiresAt, optionIds } of rounds) {
      setNow(expiresAt - 60_000);
      await Promise.all(desks.map((desk) => desk.signInAgain()));
      // From a few milliseconds before the expiry instant to just after it.
      setNow(expiresAt - 25 + Math.floor(Math.random() * 30));
      // A sweep that fails (a deadlock) is counted, not thrown: the control run expects some.
      const sweeping = (async () => {
        for (let i = 0; i < 20; i++) await central.sweepExpired().catch(() => { failedSweeps += 1; });
      })();
      const paying = desks.map((desk, d) => desk.authed('POST', '/orders/checkout', {
        orderId: crypto.randomUUID(), termsAccepted: true, items: [{ kind: 'option', optionId: optionIds[d], designations: [] }],
        payment: { method: 'card', card: { number: TEST_CARDS.approved, expiry: '12/29', cvc: '123', holder: 'Camille Martin' } },
      }));
      const [, ...paid] = await Promise.all([sweeping, ...paying]);
      answers.push(...paid.map((a) => ({ status: a.status, code: a.body?.error?.code })));
      // Whatever the checkouts left active lapses once the instant has passed.
      while (now().getTime() <= expiresAt) await new Promise((resolve) => setTimeout(resolve, 2));
      await central.sweepExpired().catch(() => { failedSweeps += 1; });
    }

    const { rows: options } = await client.query(`
      SELECT o.id, o.state, o.order_id, (SELECT count(*)::int FROM tickets t WHERE t.option_id = o.id) AS tickets
      FROM options o WHERE o.slot_id = ANY($1)`, [slotIds]);
    const { rows: [orderCount] } = await client.query("SELECT count(*)::int AS n FROM orders WHERE state = 'paid'");
    // Each slot's seats against its options: none held any more, sold exactly the paid ones.
    const { rows: slotRows } = await client.query(`
      SELECT s.id, s.held, s.sold, coalesce(sum(o.head_count) FILTER (WHERE o.state = 'confirmed'), 0)::int AS paid_heads
      FROM slots s LEFT JOIN options o ON o.slot_id = s.id WHERE s.id = ANY($1) GROUP BY s.id`, [slotIds]);
    return { answers, failedSweeps, options, paidOrders: orderCount.n as number, slotRows, ledger: acquirer.ledger };
  } finally {
    await client.end();
    await central.close();
  }
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

  it('never lets the expiry sweep and a checkout both win an option at its expiry instant', async () => {
    const { answers, failedSweeps, options, paidOrders, slotRows, ledger } = await expiryRace(await cluster.createDatabase('expiry_race'));
    expect(failedSweeps).toBe(0);
    expect(answers.every((a) => a.status === 200 || (a.status === 409 && a.code === 'OPTIONS_NOT_HELD'))).toBe(true);
    expect(options).toHaveLength(60);
    const paid = options.filter((o) => o.state === 'confirmed');
    const expired = options.filter((o) => o.state === 'expired');
    // Either paid — with its order and its ten tickets — or expired with neither: never both, never neither.
    expect(paid.length + expired.length).toBe(60);
    expect(paid.every((o) => o.order_id !== null && o.tickets === 10)).toBe(true);
    expect(expired.every((o) => o.order_id === null && o.tickets === 0)).toBe(true);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(paid.length);
    expect(paidOrders).toBe(paid.length);
    expect(slotRows.every((r) => r.held === 0 && r.sold === r.paid_heads)).toBe(true);
    // Charged exactly for what was sold: every other authorization voided.
    expect(ledger.filter((e) => e.state === 'captured')).toHaveLength(paid.length);
    expect(ledger.filter((e) => e.state === 'authorized')).toEqual([]);
    const voided = ledger.filter((e) => e.state === 'voided').length;
    console.info(`expiry race: ${paid.length} paid, ${expired.length} expired (${voided} after their card was authorized, voided) of 60 options`);
  }, 180_000);

  it('control: checking the options without locking them, the same race counts seats twice or deadlocks', async () => {
    const databaseUrl = await cluster.createDatabase('expiry_race_unlocked');
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      // Migrated and seeded on the race's clock, so that its slots exist.
      await startCentral({ databaseUrl, migrationsDir: MIGRATIONS_DIR, now: clock, sweepEveryMs: 0 }).then((c) => c.close());
      // Without the CHECK as backstop, what the race does stays in the table to be seen.
      await admin.query('ALTER TABLE slots DROP CONSTRAINT slots_capacity');
      const { slotRows, failedSweeps, answers } = await expiryRace(databaseUrl, true);
      const broken = slotRows.filter((r) => r.held !== 0 || r.sold !== r.paid_heads).length;
      const failedCheckouts = answers.filter((a) => a.status >= 500).length;
      console.info(`expiry race without the lock: ${broken} of 30 slots with seats counted twice, ${failedSweeps} sweeps and ${failedCheckouts} checkouts deadlocked`);
      // Either symptom is the race the lock prevents: seats released by the sweep and sold by the checkout, or the two deadlocking.
      expect(broken + failedSweeps + failedCheckouts).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
  }, 180_000);

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
