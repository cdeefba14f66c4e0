// The back office's part in orders (DOMAIN.md §5): bank transfers received (tickets released
// only then), a venue cancelling a paid visit (the order owes a refund, its tickets are void),
// and refunds made. The office learns each one on its next pull.
import { describe, expect, it } from 'vitest';
import { admin, centralWithTwoOffices, group, slotIn, type Desk } from './centralTestClient.node.ts';
import { acquirer, applyToAll, byTransfer, checkoutRequest, companion, pay, putsOf } from './orderTestKit.node.ts';

const start = new Date('2025-01-10T09:00:00Z');
const clock = { now: start };
const payments = acquirer(() => clock.now);
const env = centralWithTwoOffices(clock, { paymentProvider: payments.provider });

async function optionItem(desk: Desk, slot: string, composition = group(12, 1)) {
  const placed = await desk.place(slot, composition);
  if (placed.status !== 'applied') throw new Error(`place: ${JSON.stringify(placed)}`);
  const guide = await companion(desk, 'guide');
  return { kind: 'option' as const, optionId: placed.option!.id, designations: applyToAll(composition, guide) };
}

const later = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('payment by bank transfer', () => {
  it('books the seats at once but releases the tickets only when the back office receives the transfer', async () => {
    const slot = 'conciergerie:2025-04-15T08:00:00.000Z';
    const item = await optionItem(env.desk, slot);
    const request = checkoutRequest([item], byTransfer);
    const ordered = await pay(env.desk, request);
    expect(ordered.order).toMatchObject({
      state: 'awaiting_transfer', paidAt: null, totalCents: 12_000,
      payment: { method: 'transfer', cardLast4: null, reference: ordered.order.number },
    });
    expect(ordered.tickets).toEqual([]);
    expect(payments.ledger.ledger.filter((e) => e.reference === request.orderId)).toEqual([]);
    const { patch, cookie } = await env.desk.pullAll(null);
    expect(putsOf(patch, 'option').find((o) => o.id === item.optionId)?.state).toBe('confirmed');
    expect(slotIn(patch, slot)).toMatchObject({ remaining: 26 - 13 });
    expect(putsOf(patch, 'ticket').filter((t) => t.orderId === request.orderId)).toEqual([]);

    const waiting = await admin(env.central, '/admin/orders?state=awaiting_transfer');
    expect(waiting.body.orders).toContainEqual(expect.objectContaining({
      id: request.orderId, number: ordered.order.number, office: expect.objectContaining({ company: 'Voyages Desk' }),
    }));
    expect((await admin(env.central, `/admin/orders/${request.orderId}/refunded`, {})).status).toBe(409);

    clock.now = later(90);
    let received;
    try {
      received = await admin(env.central, `/admin/orders/${request.orderId}/transfer-received`, {});
    } finally {
      clock.now = start;
    }
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ order: { state: 'paid', paidAt: later(90).toISOString() }, ticketsIssued: 13 });
    const delta = (await env.desk.pull(cookie)).patch;
    expect(putsOf(delta, 'order')).toEqual([expect.objectContaining({ id: request.orderId, state: 'paid' })]);
    const tickets = putsOf(delta, 'ticket');
    expect(tickets).toHaveLength(13);
    expect(tickets.every((t) => t.orderId === request.orderId && t.state === 'valid' && t.slotId === slot)).toBe(true);

    // Received twice (a double click in the back office): refused, nothing issued again.
    expect((await admin(env.central, `/admin/orders/${request.orderId}/transfer-received`, {})).status).toBe(409);
    expect((await env.desk.pull((await env.desk.pullAll(null)).cookie)).patch).toEqual([]);
    expect((await admin(env.central, '/admin/orders?state=lost')).status).toBe(400);
    expect((await admin(env.central, '/admin/orders/nope/transfer-received', {})).status).toBe(404);
  });
});

describe('a venue cancelling a paid visit', () => {
  it('makes the order owe that booking back, cancels its tickets, and the back office marks it refunded', async () => {
    const cancelled = 'sainte-chapelle:2025-04-16T08:00:00.000Z';
    const kept = 'conciergerie:2025-04-16T08:00:00.000Z';
    const request = checkoutRequest([await optionItem(env.desk, cancelled, group(16, 1)), await optionItem(env.desk, kept, group(10))]);
    const paid = await pay(env.desk, request);
    expect(paid.order.totalCents).toBe(27_200 + 10_000);
    const { cookie } = await env.desk.pullAll(null);
    const otherCookie = (await env.other.pullAll(null)).cookie;

    const answer = await admin(env.central, `/admin/slots/${encodeURIComponent(cancelled)}/cancel`, {});
    expect(answer.body).toMatchObject({ slot: { status: 'cancelled', remaining: 26 }, ordersToRefund: [request.orderId] });

    const delta = (await env.desk.pull(cookie)).patch;
    const [order] = putsOf(delta, 'order');
    expect(order).toMatchObject({ state: 'to_be_refunded', refundCents: 27_200, totalCents: 37_200 });
    expect(order!.bookings.map((b) => [b.slotId, b.cancelledByVenue])).toEqual([[cancelled, true], [kept, false]]);
    // The companions the venue calls are still in the order.
    expect(order!.bookings[0]!.companions).toEqual([expect.objectContaining({ kind: 'guide', surname: 'Durand', phone: '+33 6 12 34 56 78' })]);
    const voided = putsOf(delta, 'ticket');
    expect(voided).toHaveLength(17);
    expect(voided.every((t) => t.state === 'cancelled' && t.slotId === cancelled)).toBe(true);
    expect(putsOf(delta, 'option')).toEqual([expect.objectContaining({ slotId: cancelled, state: 'cancelled_by_venue' })]);
    expect(slotIn(delta, cancelled)).toMatchObject({ status: 'cancelled', remaining: 26 });
    expect((await env.other.pull(otherCookie)).patch.filter((p) => ['order', 'ticket', 'option'].includes(p.entity))).toEqual([]);

    expect((await admin(env.central, '/admin/orders?state=to_be_refunded')).body.orders.map((o: { id: string }) => o.id)).toContain(request.orderId);
    const beforeRefund = (await env.desk.pullAll(null)).cookie;
    clock.now = later(120);
    let refunded;
    try {
      refunded = await admin(env.central, `/admin/orders/${request.orderId}/refunded`, {});
    } finally {
      clock.now = start;
    }
    expect(refunded.body.order).toMatchObject({ state: 'refunded', refundedAt: later(120).toISOString(), refundCents: 27_200 });
    expect(putsOf((await env.desk.pull(beforeRefund)).patch, 'order')).toEqual([refunded.body.order]);
  });

  it('cancels a booking awaiting its transfer: the transfer, once received, is partly owed back and issues tickets for the rest only', async () => {
    const cancelled = 'sainte-chapelle:2025-04-17T08:00:00.000Z';
    const kept = 'conciergerie:2025-04-17T08:00:00.000Z';
    const request = checkoutRequest([await optionItem(env.desk, cancelled, group(16, 1)), await optionItem(env.desk, kept, group(10))], byTransfer);
    await pay(env.desk, request);
    await admin(env.central, `/admin/slots/${encodeURIComponent(cancelled)}/cancel`, {});
    const waiting = (await admin(env.central, '/admin/orders?state=awaiting_transfer')).body.orders.find((o: { id: string }) => o.id === request.orderId);
    expect(waiting).toMatchObject({ state: 'awaiting_transfer', refundCents: 27_200 });

    const received = await admin(env.central, `/admin/orders/${request.orderId}/transfer-received`, {});
    expect(received.body).toMatchObject({ order: { state: 'to_be_refunded', refundCents: 27_200 }, ticketsIssued: 10 });
    const tickets = putsOf((await env.desk.pullAll(null)).patch, 'ticket').filter((t) => t.orderId === request.orderId);
    expect(tickets.map((t) => t.slotId)).toEqual(Array(10).fill(kept));
  });
});
