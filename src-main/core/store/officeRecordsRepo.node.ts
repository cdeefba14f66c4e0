// What belongs to the signed-in office.
import { count } from 'drizzle-orm';
import type { StoreDb } from './openStore.node.ts';
import { companions, contacts, groupCodes, options, orders, tickets, vouchers, outbox, refusedChanges, venueRequests } from './schema.node.ts';
import { writeSetting } from './settingsRepo.node.ts';
import { clearCart } from './cartRepo.node.ts';

export function countOutbox(db: StoreDb): number {
  return db.select({ n: count() }).from(outbox).get()?.n ?? 0;
}

/** Drops everything that belonged to the office signed in before (call inside a transaction). */
export function forgetOfficeData(db: StoreDb): void {
  for (const table of [options, outbox, refusedChanges, groupCodes, tickets, vouchers, orders, companions, contacts, venueRequests]) db.delete(table).run();
  writeSetting(db, 'sync.cookie', null);
  clearCart(db);
}
