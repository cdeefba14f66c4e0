// The office's vouchers as their screen lists them, and what belongs to the signed-in office.
import { asc, count, eq } from 'drizzle-orm';
import type { StoreDb } from './openStore.node.ts';
import { companions, contacts, groupCodes, options, orders, tickets, vouchers, outbox, refusedChanges, serverVenues, venueRequests } from './schema.node.ts';
import { writeSetting } from './settingsRepo.node.ts';
import { clearCart } from './cartRepo.node.ts';

export function listVouchers(db: StoreDb) {
  return db
    .select({ id: vouchers.id, code: vouchers.code, venueName: serverVenues.name, assignedTo: vouchers.assignedEmail, used: vouchers.used })
    .from(vouchers)
    .innerJoin(serverVenues, eq(serverVenues.id, vouchers.venueId))
    .orderBy(asc(vouchers.assignedEmail), asc(vouchers.code))
    .all();
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
