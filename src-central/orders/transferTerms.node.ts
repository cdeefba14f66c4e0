// What a bank transfer may hold unpaid (issue 11 §1): the seats of an order awaiting its
// transfer are sold to it, so the order gets a payment deadline, a visit too close for the
// money to arrive is refused, and one office may not hold more than a set number of people
// unpaid. Checked inside the checkout's transaction, under a lock per office.
import { sql } from 'drizzle-orm';
import type { CentralContext } from '../context.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import type { TransferRules } from '../settings/platformSettings.node.ts';
import { rowsOf, type Tx } from '../store/database.node.ts';
import type { CheckoutPlan } from './checkoutPlan.node.ts';

const DAY_MS = 86_400_000;

/**
 * The instant the transfer must have been received: so many days after the checkout (fewer
 * at a venue that takes no options), and never later than so many days before the first
 * visit. Refused when that leaves the office too little time to pay.
 */
export function transferDeadline(plan: CheckoutPlan, rules: TransferRules, now: Date): Date {
  const payAtOnce = plan.bookings.some((b) => b.venue.rules.holdingDays === null);
  // An order of vouchers alone has no visit to be paid before: only the days after checkout count.
  const firstVisit = plan.bookings.length === 0 ? null : Math.min(...plan.bookings.map((b) => b.slot.startsAt.getTime()));
  const afterCheckout = now.getTime() + (payAtOnce ? rules.payAtOnceVenueDays : rules.payWithinDays) * DAY_MS;
  const beforeVisit = firstVisit === null ? Infinity : firstVisit - rules.receivedBeforeVisitDays * DAY_MS;
  const deadline = Math.min(afterCheckout, beforeVisit);
  if (deadline - now.getTime() < rules.minDaysToPay * DAY_MS) {
    throw new HttpError(422, 'TRANSFER_TOO_LATE', 'The visit is too close for a bank transfer to arrive in time: pay by card.', {
      ...(firstVisit === null ? {} : { firstVisitAt: new Date(firstVisit).toISOString() }),
      receivedBeforeVisitDays: rules.receivedBeforeVisitDays,
      minDaysToPay: rules.minDaysToPay,
    });
  }
  return new Date(deadline);
}

/**
 * Refuses the order when it would take the office past what it may hold unpaid; call inside the
 * checkout's transaction. Only people on slots count: the cap exists because an unpaid order
 * keeps seats from being sold to others. Vouchers hold no seat, and their codes are not issued
 * until the transfer arrives, so an unpaid order of vouchers withholds nothing from anyone.
 */
export async function holdWithinUnpaidLimit(tx: Tx, ctx: CentralContext, officeId: string, people: number, rules: TransferRules): Promise<void> {
  // Two transfer checkouts of one office at once: the second counts the first's people.
  if (!ctx.unsafeNoUnpaidLock) await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`unpaid:${officeId}`}))`);
  const [held] = rowsOf<{ people: number }>(await tx.execute(sql`
    SELECT coalesce(sum(o.head_count), 0)::int AS people FROM options o JOIN orders r ON r.id = o.order_id
    WHERE r.office_id = ${officeId} AND r.state = 'awaiting_transfer' AND o.state = 'confirmed'`));
  const unpaid = held?.people ?? 0;
  if (unpaid + people > rules.unpaidPeoplePerOffice) {
    throw new HttpError(409, 'UNPAID_LIMIT', 'This office already holds as many people unpaid as it may: pay by card, or wait for a transfer to arrive.', {
      unpaidPeople: unpaid, orderPeople: people, limit: rules.unpaidPeoplePerOffice,
    });
  }
  await ctx.racePoints?.unpaidCounted?.(officeId);
}
