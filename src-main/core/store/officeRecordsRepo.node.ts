// The office's vouchers as their screen lists them, and what belongs to the signed-in office.
import { asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { WireVoucher } from '../../contract/centralApi.std.ts';
import type { StoreDb } from './openStore.node.ts';
import {
  companions, contacts, groupCodes, options, orders, tickets, vouchers, outbox, refusedChanges, serverVoucherMuseums, venueRequests, voucherAssignRequests,
} from './schema.node.ts';
import { writeSetting } from './settingsRepo.node.ts';
import { clearCart } from './cartRepo.node.ts';
import { pendingEmails } from './voucherAssignRepo.node.ts';

export function listVouchers(db: StoreDb) {
  const pending = pendingEmails(db);
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
    .map(({ value, ...row }) => {
      const wire = value as WireVoucher | null;
      return {
        ...row, label: wire?.label ?? null, assignedAt: wire?.assignedTo?.at ?? null, assignedName: wire?.assignedTo?.name ?? null,
        pendingEmail: pending.get(row.id) ?? null,
      };
    });
}

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
