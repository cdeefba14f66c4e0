// An order whose bank transfer never came: its seats go back on sale. The sweeper does it by
// the server clock once the payment deadline has passed; customer service may do it sooner.
// Either way the order is taken with its options locked first, in the order checkout, cancel
// and the venue's cancellations lock them, then the order itself: a transfer received at the
// same moment either finds the order cancelled or is seen here as paid — never both.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { OrderCancelReason } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import { rowsOf, type Tx } from '../store/database.node.ts';
import { options, orders, slots } from '../store/schema.node.ts';
import { stampVersion } from '../store/versions.node.ts';
import { wireOrder, type OrderRow } from '../sync/wireRows.node.ts';

const BATCH = 100;

/**
 * Cancels the order if it still awaits its transfer (and, for the sweeper, is past its
 * deadline by `now`); returns it cancelled, or null when it no longer qualifies.
 */
async function cancelIfUnpaid(tx: Tx, ctx: CentralContext, orderId: string, reason: OrderCancelReason, now: Date): Promise<OrderRow | null> {
  // FOR NO KEY UPDATE: a transfer being received inserts tickets referencing these options,
  // which needs only a key-share lock; a full FOR UPDATE here would deadlock with it.
  const bookedRead = tx.select().from(options).where(and(eq(options.orderId, orderId), eq(options.state, 'confirmed'))).orderBy(asc(options.id));
  const orderRead = tx.select().from(orders).where(eq(orders.id, orderId));
  const unsafe = ctx.unsafeNoUnpaidLock;
  const booked = unsafe ? await bookedRead : await bookedRead.for('no key update');
  const [order] = unsafe ? await orderRead : await orderRead.for('update');
  if (!order || order.state !== 'awaiting_transfer') return null;
  if (reason === 'unpaid' && (!order.paymentDueAt || order.paymentDueAt.getTime() > now.getTime())) return null;
  await ctx.racePoints?.unpaidReleasing?.(orderId);
  const perSlot = new Map<string, number>();
  for (const o of booked) perSlot.set(o.slotId, (perSlot.get(o.slotId) ?? 0) + o.headCount);
  const slotIds = [...perSlot.keys()].sort();
  for (const slotId of slotIds) await tx.update(slots).set({ sold: sql`${slots.sold} - ${perSlot.get(slotId)!}` }).where(eq(slots.id, slotId));
  const ids = booked.map((o) => o.id);
  if (ids.length > 0) await tx.update(options).set({ state: 'cancelled', updatedAt: now }).where(inArray(options.id, ids));
  // Nothing was received, so nothing is owed back for what a venue cancelled meanwhile.
  const [cancelled] = await tx.update(orders).set({ state: 'cancelled', cancelledAt: now, cancelReason: reason, refundCents: 0 })
    .where(eq(orders.id, orderId)).returning();
  await stampVersion(tx, { orders: [orderId], options: ids, slots: slotIds });
  return cancelled!;
}

/** Cancels every order whose transfer is overdue by the server clock; returns how many. */
export async function sweepUnpaidTransfers(ctx: CentralContext): Promise<number> {
  const now = ctx.now();
  let total = 0;
  for (;;) {
    const due = rowsOf<{ id: string }>(await ctx.db.execute(sql`
      SELECT id FROM orders WHERE state = 'awaiting_transfer' AND payment_due_at <= ${now.toISOString()}::timestamptz
      ORDER BY id LIMIT ${BATCH}`));
    for (const { id } of due) {
      if (await ctx.db.transaction((tx) => cancelIfUnpaid(tx, ctx, id, 'unpaid', now))) total += 1;
    }
    if (due.length < BATCH) return total;
  }
}

/** Customer service cancels an order whose transfer it gave up waiting for. */
export async function cancelUnpaidOrder(ctx: CentralContext, orderId: string) {
  return ctx.db.transaction(async (tx) => {
    const cancelled = await cancelIfUnpaid(tx, ctx, orderId, 'back_office', ctx.now());
    if (!cancelled) {
      const [order] = await tx.select({ number: orders.number, state: orders.state }).from(orders).where(eq(orders.id, orderId));
      if (!order) throw new HttpError(404, 'NOT_FOUND', `No order ${orderId}.`);
      throw new HttpError(409, 'INVALID_INPUT', `Order ${order.number} is ${order.state}: only an order awaiting its transfer can be cancelled.`);
    }
    return { order: wireOrder(cancelled) };
  });
}
