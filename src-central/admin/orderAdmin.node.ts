// Customer service's side of orders: the bank transfers it receives (tickets are released
// only then, DOMAIN.md §5) and the refunds it makes after a venue cancels. Every change is
// stamped so the office's workstations pull it.
import { asc, eq } from 'drizzle-orm';
import type { OrderState, WireOrder } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import { issueTickets } from '../orders/issueTickets.node.ts';
import { issueVouchers } from '../orders/issueVouchers.node.ts';
import type { WireVenue } from '../orders/checkoutPlan.node.ts';
import type { Tx } from '../store/database.node.ts';
import { offices, orders, venues } from '../store/schema.node.ts';
import { stampVersion } from '../store/versions.node.ts';
import { refreshGroupCodes } from '../tickets/groupCodes.node.ts';
import { venueProducts } from '../sync/placeOption.node.ts';
import { wireOrder, type OrderBooking, type OrderRow } from '../sync/wireRows.node.ts';

export async function listOrders(ctx: CentralContext, state: OrderState | undefined) {
  const rows = await ctx.db.select({ order: orders, company: offices.company, email: offices.email }).from(orders)
    .innerJoin(offices, eq(offices.id, orders.officeId))
    .where(state ? eq(orders.state, state) : undefined).orderBy(asc(orders.createdAt), asc(orders.id));
  return rows.map((r) => ({ ...wireOrder(r.order), office: { id: r.order.officeId, company: r.company, email: r.email } }));
}

async function lockOrder(tx: Tx, orderId: string, expected: OrderState): Promise<OrderRow> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) throw new HttpError(404, 'NOT_FOUND', `No order ${orderId}.`);
  if (order.state === 'cancelled' && expected === 'awaiting_transfer') {
    throw new HttpError(409, 'ORDER_CANCELLED', `Order ${order.number} was cancelled on ${order.cancelledAt!.toISOString()} `
      + `(${order.cancelReason === 'unpaid' ? 'its transfer was not received by its deadline' : 'by customer service'}) and its seats resold: send the transfer back.`);
  }
  if (order.state !== expected) throw new HttpError(409, 'INVALID_INPUT', `Order ${order.number} is ${order.state}, not ${expected}.`);
  return order;
}

/** The transfer arrived: the order is paid and the tickets of its bookings still on are issued now. */
export async function transferReceived(ctx: CentralContext, orderId: string) {
  return ctx.db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId, 'awaiting_transfer');
    await ctx.racePoints?.transferReceiving?.(orderId);
    const now = ctx.now();
    const standing = (order.bookings as OrderBooking[]).filter((b) => !b.cancelledByVenue);
    const bookings = await Promise.all(standing.map(async (b) => {
      const [venue] = await tx.select({ data: venues.data }).from(venues).where(eq(venues.id, b.venueId));
      return {
        optionId: b.optionId, venue: venue!.data as WireVenue, slotId: b.slotId, startsAt: new Date(b.startsAt),
        composition: b.composition, products: await venueProducts(tx, b.venueId),
      };
    }));
    const issued = await issueTickets(tx, ctx, order, bookings);
    const voucherCodes = await issueVouchers(tx, order, order.voucherLines as WireOrder['voucherLines'], now);
    // A venue cancelled part of it meanwhile: that part is owed back from what was just received.
    const [paid] = await tx.update(orders).set({ state: order.refundCents > 0 ? 'to_be_refunded' : 'paid', paidAt: now })
      .where(eq(orders.id, orderId)).returning();
    const codes = await refreshGroupCodes(tx, ctx, issued.map((t) => t.optionId));
    await stampVersion(tx, { orders: [orderId], tickets: issued.map((t) => t.id), groupCodes: codes, vouchers: voucherCodes.map((v) => v.id) });
    return { order: wireOrder(paid!), ticketsIssued: issued.length, vouchersIssued: voucherCodes.length };
  });
}

/** Customer service has paid back what the venue's cancellations owed. */
export async function markRefunded(ctx: CentralContext, orderId: string) {
  return ctx.db.transaction(async (tx) => {
    await lockOrder(tx, orderId, 'to_be_refunded');
    const [refunded] = await tx.update(orders).set({ state: 'refunded', refundedAt: ctx.now() }).where(eq(orders.id, orderId)).returning();
    await stampVersion(tx, { orders: [orderId] });
    return { order: wireOrder(refunded!) };
  });
}
