// The office's vouchers as their screen lists them, and what belongs to the signed-in office.
import { asc, count, eq, sql } from 'drizzle-orm';
import type { WireVoucher } from '../../contract/centralApi.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { companions, contacts, groupCodes, options, orders, tickets, vouchers, outbox, refusedChanges, serverVoucherMuseums, venueRequests } from './schema.node.ts';
import { writeSetting } from './settingsRepo.node.ts';
import { clearCart } from './cartRepo.node.ts';

export function listVouchers(db: StoreDb) {
  return db
    .select({
      id: vouchers.id, code: vouchers.code, museumId: vouchers.venueId, venueName: sql<string>`coalesce(${serverVoucherMuseums.name}, ${vouchers.venueId})`,
      value: vouchers.value, orderId: vouchers.orderId, state: vouchers.state, assignedTo: vouchers.assignedEmail, used: vouchers.used, usedAt: vouchers.usedAt,
    })
    .from(vouchers)
    .leftJoin(serverVoucherMuseums, eq(serverVoucherMuseums.id, vouchers.venueId))
    // Unassigned first, as on the platform (NULLs sort first in SQLite).
    .orderBy(asc(vouchers.assignedEmail), asc(vouchers.code))
    .all()
    .map(({ value, ...row }) => ({ ...row, label: (value as WireVoucher | null)?.label ?? null }));
}

export function countOutbox(db: StoreDb): number {
  return db.select({ n: count() }).from(outbox).get()?.n ?? 0;
}

/** Drops everything that belonged to the office signed in before (call inside a transaction). */
export function forgetOfficeData(db: StoreDb): void {
  for (const table of [options, outbox, refusedChanges, groupCodes, tickets, vouchers, orders, companions, contacts, venueRequests]) db.delete(table).run();
  writeSetting(db, 'sync.cookie', null);
  clearCart(db);
}
