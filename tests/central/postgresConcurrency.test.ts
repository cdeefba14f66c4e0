// Capacity under real concurrency, on a real PostgreSQL: 50 offices race for one 26-place
// slot through the HTTP API, and pairs of offices race to grow their options on one slot.
// The races are forced, not hoped for: a barrier holds all 50 placements between reading the
// slot and taking its seats, so the negative control (no guard, no CHECK) oversells on every
// run and the guarded run is checked under the very same interleaving. Then the expiry sweep
// and a checkout meet on an option at its expiry instant, in both orders, held at gates inside
// their transactions: an option ends expired or paid, never both — and the control, checking
// the options without locking them, sees both win every time.
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import type { RacePoints } from '../../src-central/context.node.ts';
import { createTestCardProvider } from '../../src-central/payments/testCardProvider.node.ts';
import { barrier, gate } from '../support/interleaving.node.ts';
import { postgresMissing } from '../support/postgres.node.ts';
import { startTestCentral, TEST_PG_URL_ENV, type TestCentralOptions } from '../support/testCentral.node.ts';
import { group, validatedDesk, type Desk } from './centralTestClient.node.ts';

const missing = postgresMissing();
if (missing && !process.env.CI) console.warn(`Skipping the PostgreSQL concurrency suite: ${missing}`);

const OFFICES = 50;
const SLOT = 'conciergerie:2025-04-15T12:00:00.000Z';
const clock = () => new Date('2025-01-10T09:00:00Z');

/** A central service on PostgreSQL, with a client of its own database for what the test reads or breaks. */
async function centralOnPostgres(options: TestCentralOptions) {
  const central = await startTestCentral({ now: clock, sweepEveryMs: 0, ...options });
  if (!central.databaseUrl) throw new Error('the concurrency suite needs the run\'s PostgreSQL cluster');
  const db = new pg.Client({ connectionString: central.databaseUrl });
  await db.connect();
  return {
    central,
    db,
    async close() {
      await db.end();
      await central.close();
    },
  };
}

async function slotState(db: pg.Client) {
  const { rows: [slot] } = await db.query('SELECT held, capacity FROM slots WHERE id = $1', [SLOT]);
  const { rows: [sum] } = await db.query(
    "SELECT coalesce(sum(head_count), 0)::int AS held, count(*)::int AS options FROM options WHERE slot_id = $1 AND state = 'active'", [SLOT]);
  return { held: slot.held as number, capacity: slot.capacity as number, activeHeads: sum.held as number, activeOptions: sum.options as number };
}

/**
 * 50 offices, each on its own desktop, all placing 10 people on SLOT at once. Every placement
 * waits at the barrier until all 50 have read the slot, so all of them race for its seats.
 * Desks that have pushed before place in two statements, outside a transaction
 * (pushWithoutTransaction.node.ts); a desk's first push takes the transactional path.
 */
async function capacityRace(unsafeNoCapacityGuard: boolean, { pushedBefore = false, poolSize = OFFICES + 10 } = {}) {
  const seatsChecked = barrier(OFFICES);
  const racePoints: RacePoints = { seatsChecked: (slotId) => (slotId === SLOT ? seatsChecked.arrive() : Promise.resolve()) };
  const run = await centralOnPostgres({ poolSize, unsafeNoCapacityGuard, racePoints });
  try {
    if (unsafeNoCapacityGuard) await run.db.query('ALTER TABLE slots DROP CONSTRAINT slots_capacity');
    const desks: Desk[] = await Promise.all(Array.from({ length: OFFICES }, (_, i) => validatedDesk(run.central, `Agence ${i}`)));
    if (pushedBefore) {
      for (const desk of desks) expect((await desk.cancel(crypto.randomUUID())).status).toBe('rejected');
    }
    const results = await Promise.all(desks.map((desk) => desk.place(SLOT, group(10))));
    return { results, arrived: seatsChecked.arrived, state: await slotState(run.db) };
  } finally {
    await run.close();
  }
}

type Meeting = 'checkout first' | 'sweep first';

/**
 * One Conciergerie slot per round, one option of 10 on it, and the sweep and a card checkout
 * meeting at the option's expiry instant in the order given:
 * - checkout first: the checkout has found the option held and waits at its gate; the clock
 *   reaches the instant; the sweep runs to its end; the checkout goes on.
 * - sweep first: the sweep has marked the option expired and waits at its gate; a checkout
 *   whose clock says a second remains starts and reaches the option; the sweep goes on.
 */
async function expiryRace(meetings: Meeting[], unsafeNoCheckoutLock = false) {
  let at = clock().getTime();
  const now = () => new Date(at);
  const acquirer = createTestCardProvider(now);
  const racePoints: RacePoints = {};
  const run = await centralOnPostgres({ now, paymentProvider: acquirer, unsafeNoCheckoutLock, racePoints });
  const { central, db } = run;
  try {
    // Without the CHECK as backstop, what the race does stays in the table to be seen.
    if (unsafeNoCheckoutLock) await db.query('ALTER TABLE slots DROP CONSTRAINT slots_capacity');
    const desk = await validatedDesk(central, 'Agence Matin');
    const slotIds = meetings.map((_, i) => `conciergerie:${new Date(Date.parse('2025-04-15T07:30:00Z') + i * 15 * 60_000).toISOString()}`);
    const rounds: { meeting: Meeting; optionId: string; expiresAt: number }[] = [];
    for (const [i, slotId] of slotIds.entries()) {
      const placed = await desk.place(slotId, group(10));
      expect(placed.status).toBe('applied');
      rounds.push({ meeting: meetings[i]!, optionId: placed.option!.id, expiresAt: Date.parse(placed.option!.expiresAt) });
    }
    const pay = (optionId: string) => desk.authed('POST', '/orders/checkout', {
      orderId: crypto.randomUUID(), termsAccepted: true, items: [{ kind: 'option', optionId, designations: [] }],
      payment: { method: 'card', card: { number: TEST_CARDS.approved, expiry: '12/29', cvc: '123', holder: 'Camille Martin' } },
    });
    /** Until a transaction of this database waits for a row lock: the checkout has reached the option. */
    const checkoutBlocked = async () => {
      const waiting = "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
      for (let tries = 0; (await db.query(waiting)).rows[0].n === 0; tries++) {
        if (tries > 6_000) throw new Error('the checkout never reached the option locked by the sweep');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };

    const outcomes: { meeting: Meeting; status: number; code?: string; swept: number }[] = [];
    for (const { meeting, optionId, expiresAt } of rounds) {
      at = expiresAt - 60_000;
      await desk.signInAgain();
      let answer;
      let swept = 0;
      if (meeting === 'checkout first') {
        const checked = gate('checkout');
        racePoints.optionsChecked = (ids) => (ids.includes(optionId) ? checked.hold() : Promise.resolve());
        const paying = pay(optionId);
        await checked.reached();
        at = expiresAt;
        swept = await central.sweepExpired();
        checked.open();
        answer = await paying;
      } else {
        const expiring = gate('sweep');
        racePoints.optionsExpiring = (ids) => (ids.includes(optionId) ? expiring.hold() : Promise.resolve());
        at = expiresAt;
        const sweeping = central.sweepExpired();
        await expiring.reached();
        at = expiresAt - 1_000;
        const paying = pay(optionId);
        await checkoutBlocked();
        expiring.open();
        swept = await sweeping;
        answer = await paying;
      }
      delete racePoints.optionsChecked;
      delete racePoints.optionsExpiring;
      // Whatever is still active lapses once the instant has passed.
      at = expiresAt + 1;
      swept += await central.sweepExpired();
      outcomes.push({ meeting, status: answer.status, code: answer.body?.error?.code, swept });
    }

    const { rows: options } = await db.query(`
      SELECT o.id, o.state, o.order_id, (SELECT count(*)::int FROM tickets t WHERE t.option_id = o.id) AS tickets
      FROM options o WHERE o.slot_id = ANY($1) ORDER BY o.slot_id`, [slotIds]);
    const { rows: [orderCount] } = await db.query("SELECT count(*)::int AS n FROM orders WHERE state = 'paid'");
    // Each slot's seats against its options: none held any more, sold exactly the paid ones.
    const { rows: slotRows } = await db.query(`
      SELECT s.id, s.held, s.sold, coalesce(sum(o.head_count) FILTER (WHERE o.state = 'confirmed'), 0)::int AS paid_heads
      FROM slots s LEFT JOIN options o ON o.slot_id = s.id WHERE s.id = ANY($1) GROUP BY s.id ORDER BY s.id`, [slotIds]);
    return { outcomes, options, paidOrders: orderCount.n as number, slotRows, ledger: acquirer.ledger };
  } finally {
    await run.close();
  }
}

describe.skipIf(missing !== null && !process.env.CI)('capacity on PostgreSQL under concurrency', () => {
  beforeAll(() => {
    if (!process.env[TEST_PG_URL_ENV]) throw new Error(`The PostgreSQL concurrency suite cannot run: ${missing ?? 'no cluster was started'}`);
  });

  it('seats exactly two groups of 10 on a 26-place slot when 50 offices take its seats at once, and offers the other 48 alternatives', async () => {
    const { results, arrived, state } = await capacityRace(false);
    expect(arrived).toBe(OFFICES);
    const applied = results.filter((r) => r.status === 'applied');
    const full = results.filter((r) => r.code === 'SLOT_FULL');
    expect(applied).toHaveLength(2);
    expect(full).toHaveLength(48);
    expect(full.every((r) => (r.alternatives?.length ?? 0) > 0)).toBe(true);
    expect(state).toEqual({ held: 20, capacity: 26, activeHeads: 20, activeOptions: 2 });
  });

  it('seats exactly two groups in the same race from desks that pushed before, none of the 50 holding a connection while it waits', async () => {
    // Five connections for 50 placements held between their read and their write: a path
    // holding a transaction open there would leave 45 waiting for a connection, the barrier unreached.
    const { results, arrived, state } = await capacityRace(false, { pushedBefore: true, poolSize: 5 });
    expect(arrived).toBe(OFFICES);
    const full = results.filter((r) => r.code === 'SLOT_FULL');
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(2);
    expect(full).toHaveLength(48);
    expect(full.every((r) => (r.alternatives?.length ?? 0) > 0)).toBe(true);
    expect(state).toEqual({ held: 20, capacity: 26, activeHeads: 20, activeOptions: 2 });
  });

  it('control: without the guard and the CHECK, the same race oversells', async () => {
    const { results, arrived, state } = await capacityRace(true);
    expect(arrived).toBe(OFFICES);
    // Every office read 26 seats free before any took them: all 50 groups are seated.
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(OFFICES);
    expect(state).toMatchObject({ held: OFFICES * 10, capacity: 26 });
  });

  it('lets exactly one of two offices grow into room for only one grow, on every slot, held matching the options', async () => {
    const { central, db, close } = await centralOnPostgres({ poolSize: 40 });
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
      const { rows } = await db.query(`
        SELECT s.id, s.held, coalesce(sum(o.head_count), 0)::int AS heads
        FROM slots s LEFT JOIN options o ON o.slot_id = s.id AND o.state = 'active'
        WHERE s.id = ANY($1) GROUP BY s.id, s.held`, [slotIds]);
      expect(rows).toHaveLength(10);
      expect(rows.every((r) => r.held === 25 && r.heads === 25)).toBe(true);
    } finally {
      await close();
    }
  });

  it('refuses a group on a full slot, with its alternatives, while another transaction holds the slot locked', async () => {
    const { central, db, close } = await centralOnPostgres({ poolSize: 10 });
    const locker = new pg.Client({ connectionString: central.databaseUrl! });
    await locker.connect();
    try {
      const [first, second, late] = await Promise.all([0, 1, 2].map((i) => validatedDesk(central, `Agence ${i}`)));
      expect((await first!.place(SLOT, group(13))).status).toBe('applied');
      expect((await second!.place(SLOT, group(13))).status).toBe('applied');
      // A checkout, a cancellation or a seated placement in progress on the slot: its row is locked.
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM slots WHERE id = $1 FOR UPDATE', [SLOT]);
      // The refusal must not queue behind that lock: should it, the timer ends the wait and says so.
      let lockHeld = true;
      const timer = setTimeout(() => {
        lockHeld = false;
        void locker.query('ROLLBACK');
      }, 10_000);
      const refused = await late!.place(SLOT, group(10));
      const answeredUnderLock = lockHeld;
      clearTimeout(timer);
      if (lockHeld) await locker.query('ROLLBACK');
      expect(answeredUnderLock).toBe(true);
      expect(refused).toMatchObject({ status: 'rejected', code: 'SLOT_FULL' });
      expect(refused.alternatives?.length).toBeGreaterThan(0);
      expect((await slotState(db)).held).toBe(26);
    } finally {
      await locker.end();
      await close();
    }
  });

  it('answers 503 when the database fails mid-push, advancing nothing, and applies the retry once', async () => {
    const { central, db, close } = await centralOnPostgres({});
    try {
      const desk = await validatedDesk(central);
      const mutation = { id: 1, name: 'option.place', args: { optionId: crypto.randomUUID(), slotId: SLOT, composition: group(10) } };
      // The result cannot be recorded: the seats taken in the same transaction must not stay taken.
      await db.query('ALTER TABLE mutation_results RENAME TO mutation_results_away');
      const failed = await desk.push([mutation]);
      expect([failed.status, failed.body.error.code]).toEqual([503, 'UNAVAILABLE']);
      expect(JSON.stringify(failed.body)).not.toMatch(/mutation_results/);
      expect((await slotState(db)).held).toBe(0);

      await db.query('ALTER TABLE mutation_results_away RENAME TO mutation_results');
      const retried = await desk.push([mutation]);
      expect(retried.body).toMatchObject({ lastMutationId: 1, results: [{ status: 'applied' }] });
      expect(await slotState(db)).toMatchObject({ held: 10, activeOptions: 1 });
    } finally {
      await close();
    }
  });

  it('never lets the expiry sweep and a checkout both win an option at its expiry instant, whichever reaches it first', async () => {
    const meetings: Meeting[] = ['checkout first', 'sweep first', 'checkout first', 'sweep first', 'checkout first', 'sweep first'];
    const { outcomes, options, paidOrders, slotRows, ledger } = await expiryRace(meetings);
    // The checkout that found the option held and locked it pays; the sweep passes it by.
    // The sweep that marked it first expires it; the checkout waiting on it is refused.
    expect(outcomes).toEqual(meetings.map((meeting) => (meeting === 'checkout first'
      ? { meeting, status: 200, code: undefined, swept: 0 }
      : { meeting, status: 409, code: 'OPTIONS_NOT_HELD', swept: 1 })));
    expect(options.map((o) => o.state)).toEqual(meetings.map((m) => (m === 'checkout first' ? 'confirmed' : 'expired')));
    // Paid with its order and its ten tickets, or expired with neither.
    expect(options.every((o) => (o.state === 'confirmed' ? o.order_id !== null && o.tickets === 10 : o.order_id === null && o.tickets === 0))).toBe(true);
    expect(paidOrders).toBe(3);
    expect(slotRows.every((r) => r.held === 0 && r.sold === r.paid_heads)).toBe(true);
    // Charged exactly for what was sold: the refused checkouts' authorizations voided.
    expect(ledger.filter((e) => e.state === 'captured')).toHaveLength(3);
    expect(ledger.filter((e) => e.state === 'voided')).toHaveLength(3);
    expect(ledger.filter((e) => e.state === 'authorized')).toEqual([]);
  });

  it('control: checking the options without locking them, the sweep and the checkout both win every time', async () => {
    const meetings: Meeting[] = ['checkout first', 'checkout first', 'checkout first'];
    const { outcomes, options, slotRows } = await expiryRace(meetings, true);
    // The sweep expired each option and gave its seats back; the checkout then sold them too.
    expect(outcomes.map(({ status, swept }) => ({ status, swept }))).toEqual(meetings.map(() => ({ status: 200, swept: 1 })));
    expect(options.map((o) => o.state)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(slotRows.map((r) => ({ held: r.held, sold: r.sold }))).toEqual(meetings.map(() => ({ held: -10, sold: 10 })));
  });
});
