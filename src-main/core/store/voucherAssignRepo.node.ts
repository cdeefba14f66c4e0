// Voucher e-mails asked for on this workstation, one row per request to the central service:
// pending until it answers, then kept with its results.
import { asc, eq, isNull } from 'drizzle-orm';
import type { AssignVouchersRequest, VoucherAssignOutcome } from '../../contract/centralApi.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { voucherAssignRequests } from './schema.node.ts';

export type AssignRequestRow = Required<Pick<AssignVouchersRequest, 'requestId' | 'language' | 'assignments'>>;

export function keepAssignRequest(db: StoreDb, request: AssignRequestRow, nowIso: string): void {
  db.insert(voucherAssignRequests).values({ id: request.requestId, language: request.language, assignments: request.assignments, createdAt: nowIso }).run();
}

/** Oldest first: sent in the order they were asked for. */
export function pendingAssignRequests(db: StoreDb): AssignRequestRow[] {
  return db.select().from(voucherAssignRequests).where(isNull(voucherAssignRequests.sentAt)).orderBy(asc(voucherAssignRequests.createdAt), asc(voucherAssignRequests.id)).all()
    .map((r) => ({ requestId: r.id, language: r.language, assignments: r.assignments as AssignRequestRow['assignments'] }));
}

/** The address each voucher waits to be e-mailed to (the latest asked for). */
export function pendingEmails(db: StoreDb): Map<string, string> {
  const byVoucher = new Map<string, string>();
  for (const request of pendingAssignRequests(db)) for (const a of request.assignments) byVoucher.set(a.voucherId, a.email);
  return byVoucher;
}

export function markAssignRequestSent(db: StoreDb, requestId: string, results: VoucherAssignOutcome[] | null, nowIso: string): void {
  db.update(voucherAssignRequests).set({ sentAt: nowIso, results }).where(eq(voucherAssignRequests.id, requestId)).run();
}
