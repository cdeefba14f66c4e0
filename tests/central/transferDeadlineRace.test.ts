// Issue 11 §1 on a real PostgreSQL: at an unpaid order's deadline, the sweeper reselling its
// seats and customer service receiving its transfer meet, in both orders, held at gates inside
// their transactions. The order ends paid with its tickets or cancelled with its seats back on
// sale, never both; the control, releasing without the lock, sees both win. And two transfer
// checkouts of one office at once cannot both slip under its unpaid limit.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { RacePoints } from '../../src-central/context.node.ts';
import { gate } from '../support/interleaving.node.ts';
import { postgresMissing } from '../support/postgres.node.ts';
import { startTestCentral, TEST_PG_URL_ENV } from '../support/testCentral.node.ts';
import { admin, group, validatedDesk } from './centralTestClient.node.ts';
import { byTransfer, checkout, checkoutRequest, pay } from './orderTestKit.node.ts';

const missing = postgresMissing();
const start = Date.parse('2025-01-10T09:00:00Z');

type Meeting = 'sweep first' | 'transfer first';

/** Until a transaction of this database waits for a row lock: the other party has reached the order. */
async function someoneWaitsForALock(db: pg.Client) {
  const waiting = "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
  for (let tries = 0; (await db.query(waiting)).rows[0].n === 0; tries++) {
    if (tries > 6_000) throw new Error('the other party never reached the locked order');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function deadlineRace(meetings: Meeting[], unsafeNoUnpaidLock = false) {
  let at = start;
  const racePoints: RacePoints = {};
  const central = await startTestCentral({ now: () => new Date(at), sweepEveryMs: 0, unsafeNoUnpaidLock, racePoints });
  const db = new pg.Client({ connectionString: central.databaseUrl! });
  await db.connect();
  try {
    if (unsafeNoUnpaidLock) await db.query('ALTER TABLE slots DROP CONSTRAINT slots_capacity');
    const desk = await validatedDesk(central, 'Agence Virement');
    const outcomes: { meeting: Meeting; transfer: number; code?: string; swept: number }[] = [];
    const orderIds: string[] = [];
    for (const [i, meeting] of meetings.entries()) {
      at = start;
      await desk.signInAgain();
      const slotId = `chateau-de-vincennes:${new Date(Date.parse('2025-02-04T09:00:00Z') + i * 15 * 60_000).toISOString()}`;
      const ordered = await pay(desk, checkoutRequest([{ kind: 'direct', itemId: randomUUID(), slotId, composition: group(10), designations: [] }], byTransfer));
      const orderId = ordered.order.id;
      orderIds.push(orderId);
      at = Date.parse(ordered.order.paymentDueAt!);
      let received;
      let swept;
      if (meeting === 'sweep first') {
        const releasing = gate('sweep');
        racePoints.unpaidReleasing = (id) => (id === orderId ? releasing.hold() : Promise.resolve());
        const sweeping = central.sweepUnpaidTransfers();
        await releasing.reached();
        const receiving = admin(central, `/admin/orders/${orderId}/transfer-received`, {});
        await someoneWaitsForALock(db);
        releasing.open();
        swept = await sweeping;
        received = await receiving;
      } else {
        const receivingGate = gate('transfer');
        racePoints.transferReceiving = (id) => (id === orderId ? receivingGate.hold() : Promise.resolve());
        const receiving = admin(central, `/admin/orders/${orderId}/transfer-received`, {});
        await receivingGate.reached();
        const sweeping = central.sweepUnpaidTransfers();
        await someoneWaitsForALock(db);
        receivingGate.open();
        received = await receiving;
        swept = await sweeping;
      }
      delete racePoints.unpaidReleasing;
      delete racePoints.transferReceiving;
      outcomes.push({ meeting, transfer: received.status, code: received.body?.error?.code, swept });
    }
    const { rows: orders } = await db.query(`
      SELECT r.id, r.state, (SELECT count(*)::int FROM tickets t WHERE t.order_id = r.id) AS tickets,
        (SELECT s.sold FROM slots s JOIN options o ON o.slot_id = s.id WHERE o.order_id = r.id) AS sold
      FROM orders r WHERE r.id = ANY($1)`, [orderIds]);
    return { outcomes, orders: orderIds.map((id) => orders.find((o) => o.id === id)) };
  } finally {
    await db.end();
    await central.close();
  }
}

/** Two transfer checkouts of 200 people by one office (limit 300), the first held once it has counted. */
async function limitRace(unsafeNoUnpaidLock: boolean) {
  const racePoints: RacePoints = {};
  const central = await startTestCentral({ now: () => new Date(start), sweepEveryMs: 0, unsafeNoUnpaidLock, racePoints });
  const db = new pg.Client({ connectionString: central.databaseUrl! });
  await db.connect();
  try {
    const desk = await validatedDesk(central, 'Agence Double');
    const order = (day: string) => checkoutRequest(Array.from({ length: 8 }, (_, q) => ({
      kind: 'direct' as const, itemId: randomUUID(), slotId: `chateau-de-vincennes:${new Date(Date.parse(`${day}T09:00:00Z`) + q * 15 * 60_000).toISOString()}`,
      composition: group(25), designations: [],
    })), byTransfer);
    const counted = gate('first checkout');
    let first = true;
    racePoints.unpaidCounted = () => {
      if (!first) return Promise.resolve();
      first = false;
      return counted.hold();
    };
    const one = checkout(desk, order('2025-02-11'));
    await counted.reached();
    const two = checkout(desk, order('2025-02-12'));
    // Guarded, the second waits for the first's lock; unguarded, it counts and commits meanwhile.
    if (unsafeNoUnpaidLock) await two;
    else await someoneWaitsForALock(db);
    counted.open();
    const answers = await Promise.all([one, two]);
    const { rows: [unpaid] } = await db.query(`SELECT coalesce(sum(o.head_count), 0)::int AS people FROM options o
      JOIN orders r ON r.id = o.order_id WHERE r.state = 'awaiting_transfer'`);
    return { statuses: answers.map((a) => a.status), codes: answers.map((a) => a.body?.error?.code), unpaid: unpaid.people as number };
  } finally {
    await db.end();
    await central.close();
  }
}

describe.skipIf(missing !== null && !process.env.CI)('an unpaid transfer at its deadline, on PostgreSQL', () => {
  beforeAll(() => {
    if (!process.env[TEST_PG_URL_ENV]) throw new Error(`The PostgreSQL concurrency suite cannot run: ${missing ?? 'no cluster was started'}`);
  });

  it('never lets the sweeper and a received transfer both win the order, whichever reaches it first', async () => {
    const meetings: Meeting[] = ['sweep first', 'transfer first', 'sweep first', 'transfer first'];
    const { outcomes, orders } = await deadlineRace(meetings);
    expect(outcomes).toEqual(meetings.map((meeting) => (meeting === 'sweep first'
      ? { meeting, transfer: 409, code: 'ORDER_CANCELLED', swept: 1 }
      : { meeting, transfer: 200, code: undefined, swept: 0 })));
    // Paid with its ten tickets and its ten seats sold, or cancelled with neither.
    expect(orders.map((o) => ({ state: o.state, tickets: o.tickets, sold: o.sold }))).toEqual(meetings.map((m) => (m === 'sweep first'
      ? { state: 'cancelled', tickets: 0, sold: 0 }
      : { state: 'paid', tickets: 10, sold: 10 })));
  });

  it('control: releasing without locking the order, the sweeper and the transfer both win', async () => {
    const { outcomes, orders } = await deadlineRace(['transfer first', 'transfer first'], true);
    expect(outcomes.map(({ transfer, swept }) => ({ transfer, swept }))).toEqual([{ transfer: 200, swept: 1 }, { transfer: 200, swept: 1 }]);
    // Tickets issued for seats given back: the very oversell the lock prevents.
    expect(orders.map((o) => ({ state: o.state, tickets: o.tickets, sold: o.sold }))).toEqual([
      { state: 'cancelled', tickets: 10, sold: 0 }, { state: 'cancelled', tickets: 10, sold: 0 },
    ]);
  });

  it('lets only one of two transfer checkouts of one office at once slip under its unpaid limit', async () => {
    expect(await limitRace(false)).toEqual({ statuses: [200, 409], codes: [undefined, 'UNPAID_LIMIT'], unpaid: 200 });
  });

  it('control: counting without the office’s lock, both get under the limit together', async () => {
    expect(await limitRace(true)).toEqual({ statuses: [200, 200], codes: [undefined, undefined], unpaid: 400 });
  });
});
