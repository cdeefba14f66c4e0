// Issue 11 §1, seats hoarded by unpaid bank transfers: three transfer checkouts of 50 direct
// items once took 150 whole slots, paying nothing, with no deadline. Now a transfer has a
// payment deadline, the sweeper resells what is not paid by then, a visit too close is refused,
// one office may hold only so many people unpaid, and customer service can cancel an unpaid order.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { admin, call, centralWithTwoOffices, group, slotIn, type Desk } from './centralTestClient.node.ts';
import { acquirer, byCard, byTransfer, checkout, checkoutRequest, pay, putsOf } from './orderTestKit.node.ts';

const start = new Date('2025-01-10T09:00:00Z');
const clock = { now: start };
const payments = acquirer(() => clock.now);
const env = centralWithTwoOffices(clock, { paymentProvider: payments.provider });
const DAY = 86_400_000;

/** Vincennes takes no options: groups buy at once, here by transfer. 10:00 Paris is 09:00 UTC in winter. */
const vincennes = (day: string, quarter: number) =>
  `chateau-de-vincennes:${new Date(Date.parse(`${day}T09:00:00Z`) + quarter * 15 * 60_000).toISOString()}`;
const direct = (slotId: string, visitors: number) => ({ kind: 'direct' as const, itemId: randomUUID(), slotId, composition: group(visitors), designations: [] });

async function remaining(desk: Desk, slotId: string): Promise<number> {
  return slotIn((await desk.pullAll(null)).patch, slotId)!.remaining;
}

/** Moves the server clock; the desks sign in again, their tokens having lapsed meanwhile. */
async function at(when: Date) {
  clock.now = when;
  await env.desk.signInAgain();
  await env.other.signInAgain();
}

describe('seats hoarded by unpaid bank transfers', () => {
  it('three transfer checkouts of many slots stop at the office’s unpaid limit; the card still pays', async () => {
    await at(start);
    // The attack as found: one checkout of 50 whole slots, paying nothing.
    const hoard = Array.from({ length: 50 }, (_, i) => direct(vincennes('2025-02-04', i % 27), 26)).slice(0, 27);
    const refused = await checkout(env.other, checkoutRequest(hoard, byTransfer));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'UNPAID_LIMIT', unpaidPeople: 0, orderPeople: 27 * 26, limit: 300 });
    expect(await remaining(env.other, vincennes('2025-02-04', 0))).toBe(35);

    const first = await pay(env.other, checkoutRequest([0, 1, 2, 3, 4, 5, 6, 7].map((q) => direct(vincennes('2025-02-05', q), 35)), byTransfer));
    expect(first.order.state).toBe('awaiting_transfer');
    const second = await checkout(env.other, checkoutRequest([direct(vincennes('2025-02-05', 8), 35)], byTransfer));
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'UNPAID_LIMIT', unpaidPeople: 280, orderPeople: 35, limit: 300 });
    expect(await remaining(env.other, vincennes('2025-02-05', 8))).toBe(35);
    // Another office is not held back by this one's unpaid orders.
    expect((await pay(env.desk, checkoutRequest([direct(vincennes('2025-02-05', 9), 35)], byTransfer))).order.state).toBe('awaiting_transfer');
    // The same booking paid by card is not an unpaid hold.
    expect((await pay(env.other, checkoutRequest([direct(vincennes('2025-02-05', 8), 35)], byCard()))).order.state).toBe('paid');
  });

  it('gives a transfer a payment deadline and resells its seats when it passes, by the server clock', async () => {
    // Ten days on, with what earlier tests left unpaid already resold.
    const base = new Date(start.getTime() + 10 * DAY);
    await at(base);
    await env.central.sweepUnpaidTransfers();
    const slot = vincennes('2025-02-06', 0);
    const ordered = await pay(env.desk, checkoutRequest([direct(slot, 20)], byTransfer));
    // A venue that takes no options: two days to pay, as the office sees on its order.
    const due = new Date(base.getTime() + 2 * DAY);
    expect(ordered.order.paymentDueAt).toBe(due.toISOString());
    expect(await remaining(env.desk, slot)).toBe(15);

    await at(new Date(due.getTime() - 60_000));
    expect(await env.central.sweepUnpaidTransfers()).toBe(0);
    await at(due);
    expect(await env.central.sweepUnpaidTransfers()).toBe(1);

    const patch = (await env.desk.pullAll(null)).patch;
    expect(putsOf(patch, 'order').find((o) => o.id === ordered.order.id)).toMatchObject({
      state: 'cancelled', cancelReason: 'unpaid', cancelledAt: due.toISOString(), paidAt: null,
    });
    expect(slotIn(patch, slot)!.remaining).toBe(35);
    expect(putsOf(patch, 'option').find((o) => o.id === ordered.order.bookings[0]!.optionId)?.state).toBe('cancelled');
    // The money arriving after all: customer service reads that it must go back.
    const late = await admin(env.central, `/admin/orders/${ordered.order.id}/transfer-received`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('ORDER_CANCELLED');
    expect(late.body.error.message).toMatch(/not received by its deadline.*send the transfer back/);
    expect(await env.central.sweepUnpaidTransfers()).toBe(0);
  });

  it('with options, gives five days, but never later than a week before the first visit', async () => {
    await at(start);
    const place = async (slotId: string) => {
      const placed = await env.desk.place(slotId, group(10));
      return { kind: 'option' as const, optionId: placed.option!.id, designations: [] };
    };
    const far = await pay(env.desk, checkoutRequest([await place('conciergerie:2025-04-15T08:00:00.000Z')], byTransfer));
    expect(far.order.paymentDueAt).toBe(new Date(start.getTime() + 5 * DAY).toISOString());
    // The Conciergerie holds options 30 days: one placed for a visit in 12 days must be received 7 days before it.
    const soon = await pay(env.desk, checkoutRequest([direct('conciergerie:2025-01-22T08:30:00.000Z', 10)], byTransfer));
    expect(soon.order.paymentDueAt).toBe('2025-01-15T08:30:00.000Z');
  });

  it('refuses a transfer for a visit too close for the money to arrive, and books nothing', async () => {
    await at(start);
    const slot = vincennes('2025-01-18', 4);
    const refused = await checkout(env.desk, checkoutRequest([direct(slot, 12)], byTransfer));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'TRANSFER_TOO_LATE', receivedBeforeVisitDays: 7, minDaysToPay: 2 });
    expect(await remaining(env.desk, slot)).toBe(35);
    expect((await pay(env.desk, checkoutRequest([direct(slot, 12)], byCard()))).order.state).toBe('paid');
  });

  it('lets customer service cancel an unpaid order at once, and change the rules', async () => {
    await at(start);
    const slot = vincennes('2025-02-07', 3);
    const ordered = await pay(env.desk, checkoutRequest([direct(slot, 30)], byTransfer));
    const cancelled = await admin(env.central, `/admin/orders/${ordered.order.id}/cancel-unpaid`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.order).toMatchObject({ state: 'cancelled', cancelReason: 'back_office' });
    expect(await remaining(env.desk, slot)).toBe(35);
    expect((await admin(env.central, `/admin/orders/${ordered.order.id}/cancel-unpaid`, {})).status).toBe(409);
    const paid = await pay(env.desk, checkoutRequest([direct(slot, 10)], byCard()));
    const notUnpaid = await admin(env.central, `/admin/orders/${paid.order.id}/cancel-unpaid`, {});
    expect(notUnpaid.status).toBe(409);
    expect(notUnpaid.body.error.message).toMatch(/is paid: only an order awaiting its transfer/);
    expect(await remaining(env.desk, slot)).toBe(25);
    expect((await call(env.central.url, 'POST', `/admin/orders/${paid.order.id}/cancel-unpaid`, {})).status).toBe(401);

    const changed = await call(env.central.url, 'PUT', '/admin/settings', { transfer: { unpaidPeoplePerOffice: 10 } }, { 'x-admin-token': env.central.adminToken });
    expect(changed.body.settings.transfer).toMatchObject({ unpaidPeoplePerOffice: 10, payWithinDays: 5 });
    try {
      const over = await checkout(env.desk, checkoutRequest([direct(vincennes('2025-02-07', 5), 11)], byTransfer));
      expect(over.body.error).toMatchObject({ code: 'UNPAID_LIMIT', limit: 10 });
      const bad = await call(env.central.url, 'PUT', '/admin/settings', { transfer: { payWithinDays: -1 } }, { 'x-admin-token': env.central.adminToken });
      expect(bad.status).toBe(400);
    } finally {
      await call(env.central.url, 'PUT', '/admin/settings', { transfer: { unpaidPeoplePerOffice: 300 } }, { 'x-admin-token': env.central.adminToken });
    }
  });
});
