// What belongs to the signed-in office.
import { count, isNull } from 'drizzle-orm';
import type { StoreDb } from './openStore.node.ts';
import { companions, contacts, groupCodes, options, orders, tickets, vouchers, outbox, refusedChanges, venueRequests, voucherAssignRequests } from './schema.node.ts';
import { writeSetting } from './settingsRepo.node.ts';
import { clearCart } from './cartRepo.node.ts';

/** Changes and voucher e-mails the central service has not had yet. */
export function countOutbox(db: StoreDb): number {
  const changes = db.select({ n: count() }).from(outbox).get()?.n ?? 0;
  const mails = db.select({ n: count() }).from(voucherAssignRequests).where(isNull(voucherAssignRequests.sentAt)).get()?.n ?? 0;
  return changes + mails;
}

/** Drops everything that belonged to the office signed in before (call inside a transaction). */
export function forgetOfficeData(db: StoreDb): void {
  for (const table of [options, outbox, refusedChanges, voucherAssignRequests, groupCodes, tickets, vouchers, orders, companions, contacts, venueRequests]) db.delete(table).run();
  writeSetting(db, 'sync.cookie', null);
  clearCart(db);
}
