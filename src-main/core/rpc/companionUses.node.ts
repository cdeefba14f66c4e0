// Where a companion is designated for a visit still to come: in a paid (or awaiting transfer)
// order, or in the cart. The venue calls that person if it must close (DOMAIN.md §4), so
// deleting them must not go unnoticed.
import type { StoreDb } from '../store/openStore.node.ts';
import { listOrders } from '../store/ordersRepo.node.ts';
import { readCart } from './cartView.node.ts';

/** companionId → how many future bookings name them. */
export function futureBookingsByCompanion(db: StoreDb, now: Date): Map<string, number> {
  const nowIso = now.toISOString();
  const uses = new Map<string, Set<string>>();
  const add = (companionId: string, bookingId: string) => uses.set(companionId, (uses.get(companionId) ?? new Set()).add(bookingId));
  for (const order of listOrders(db)) {
    if (order.state !== 'paid' && order.state !== 'awaiting_transfer') continue;
    for (const booking of order.bookings) {
      if (booking.cancelledByVenue || booking.startsAt <= nowIso) continue;
      for (const c of booking.companions) add(c.companionId, booking.optionId);
    }
  }
  for (const group of readCart(db, now).groups) {
    for (const line of group.companionLines) if (line.companionId) add(line.companionId, group.itemId);
  }
  return new Map([...uses].map(([id, bookings]) => [id, bookings.size]));
}
