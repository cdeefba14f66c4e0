// What a venue does to its own slots from the back office: close one to groups, or cancel
// it outright. Cancelling frees every seat on it: its active options and the bookings already
// paid become 'cancelled_by_venue', their tickets are cancelled, and their orders owe the
// office a refund (DOMAIN.md §5: "if the venue cancels a visit, customer service refunds").
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CentralContext } from '../context.node.ts';
import type { Tx } from '../store/database.node.ts';
import { options, orders, slots, tickets } from '../store/schema.node.ts';
import { stampVersion } from '../store/versions.node.ts';
import { refreshGroupCodes } from '../tickets/groupCodes.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import { wireSlot, type OrderBooking } from '../sync/wireRows.node.ts';

function noSuchSlot(slotId: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', `No slot ${slotId}.`);
}

export async function setSlotAvailability(ctx: CentralContext, slotId: string, available: boolean) {
  return ctx.db.transaction(async (tx) => {
    // A cancelled slot stays cancelled: it cannot be reopened by making it available.
    const [slot] = await tx.update(slots).set({ status: available ? 'open' : 'unavailable' })
      .where(sql`${slots.id} = ${slotId} AND ${slots.status} <> 'cancelled'`).returning();
    if (!slot) {
      const [exists] = await tx.select({ id: slots.id }).from(slots).where(eq(slots.id, slotId));
      throw exists ? new HttpError(404, 'NOT_FOUND', `Slot ${slotId} was cancelled by the venue.`) : noSuchSlot(slotId);
    }
    await stampVersion(tx, { slots: [slot.id] });
    return wireSlot(slot);
  });
}

interface Cancelled {
  options: string[];
  orders: string[];
  tickets: string[];
  groupCodes: string[];
}

/** The paid bookings among `optionIds` are marked cancelled in their orders, which now owe their price back. */
async function owedBack(tx: Tx, orderIds: string[], optionIds: Set<string>): Promise<void> {
  // Locked before their tickets are touched, as transfer-received locks them before issuing
  // tickets: a transfer arriving now either sees this cancellation or its tickets are seen here.
  const locked = await tx.select().from(orders).where(inArray(orders.id, orderIds)).orderBy(asc(orders.id)).for('update');
  for (const order of locked) {
    let owed = 0;
    const bookings = (order.bookings as OrderBooking[]).map((b) => {
      if (b.cancelledByVenue || !optionIds.has(b.optionId)) return b;
      owed += b.lines.reduce((sum, line) => sum + line.totalCents, 0);
      return { ...b, cancelledByVenue: true };
    });
    // An order awaiting its transfer stays so: what it owes back is refunded once the transfer arrives.
    const state = order.state === 'awaiting_transfer' ? 'awaiting_transfer' : 'to_be_refunded';
    await tx.update(orders).set({ bookings, refundCents: order.refundCents + owed, state }).where(eq(orders.id, order.id));
  }
}

/** Cancels what is booked on the slot now, paid or not, and frees its seats. */
async function cancelBookingsOn(tx: Tx, ctx: CentralContext, slotId: string, now: Date): Promise<Cancelled> {
  // Options before the slot, in id order: the order checkout, cancel and expiry lock them in.
  const booked = await tx.select().from(options)
    .where(and(eq(options.slotId, slotId), inArray(options.state, ['active', 'confirmed']))).orderBy(asc(options.id)).for('update');
  if (booked.length === 0) return { options: [], orders: [], tickets: [], groupCodes: [] };
  const ids = booked.map((o) => o.id);
  await tx.update(options).set({ state: 'cancelled_by_venue', updatedAt: now }).where(inArray(options.id, ids));
  const heads = (state: string) => booked.filter((o) => o.state === state).reduce((n, o) => n + o.headCount, 0);
  await tx.update(slots).set({ held: sql`${slots.held} - ${heads('active')}`, sold: sql`${slots.sold} - ${heads('confirmed')}` })
    .where(eq(slots.id, slotId));

  const paid = booked.filter((o) => o.state === 'confirmed');
  const orderIds = [...new Set(paid.flatMap((o) => (o.orderId ? [o.orderId] : [])))].sort();
  if (orderIds.length === 0) return { options: ids, orders: [], tickets: [], groupCodes: [] };
  await owedBack(tx, orderIds, new Set(paid.map((o) => o.id)));
  const voided = await tx.update(tickets).set({ state: 'cancelled' })
    .where(and(inArray(tickets.optionId, paid.map((o) => o.id)), eq(tickets.state, 'valid'))).returning({ id: tickets.id });
  const groupCodes = await refreshGroupCodes(tx, ctx, paid.map((o) => o.id));
  return { options: ids, orders: orderIds, tickets: voided.map((t) => t.id), groupCodes };
}

export async function cancelSlot(ctx: CentralContext, slotId: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await cancelBookingsOn(tx, ctx, slotId, now);
    const [slot] = await tx.update(slots).set({ status: 'cancelled' }).where(eq(slots.id, slotId)).returning();
    if (!slot) throw noSuchSlot(slotId);
    // A booking that took seats while the pass above ran committed before the slot row was
    // ours; none can after (seats are taken only on an open slot). This pass catches those.
    const late = await cancelBookingsOn(tx, ctx, slotId, now);
    const [freed] = await tx.select().from(slots).where(eq(slots.id, slotId));
    const all = (key: keyof Cancelled) => [...before[key], ...late[key]];
    await stampVersion(tx, { slots: [slotId], options: all('options'), orders: all('orders'), tickets: all('tickets'), groupCodes: all('groupCodes') });
    return { slot: wireSlot(freed!), cancelledOptions: all('options'), ordersToRefund: all('orders') };
  });
}
