// Voucher e-mails asked for on this workstation, one row per request to the central service:
// pending until it answers, then kept with its results; each refused code keeps its reason.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AssignVouchersRequest, VoucherAssignOutcome } from '../../contract/centralApi.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { voucherAssignRefusals, voucherAssignRequests } from './schema.node.ts';

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

/** The service's answer: a result per code, or one refusal of the whole request (no mail server, say). */
export type AssignAnswer = { results: VoucherAssignOutcome[] } | { refused: { code: string; message: string } };

export interface AssignRefusal { requestId: string; voucherId: string; email: string; reason: string; message: string; refusedAt: string }

/**
 * Records the answer: each refused code keeps its reason (a whole refusal counts for every
 * code of the request), and a code that went settles its earlier refusals.
 */
export function markAssignRequestSent(db: StoreDb, request: AssignRequestRow, answer: AssignAnswer, nowIso: string): void {
  const results = 'results' in answer ? answer.results : null;
  db.update(voucherAssignRequests).set({ sentAt: nowIso, results }).where(eq(voucherAssignRequests.id, request.requestId)).run();
  const refusals = 'results' in answer
    ? answer.results.flatMap((r) => (r.ok ? [] : [{ voucherId: r.voucherId, email: r.email, reason: r.reason, message: r.message }]))
    : request.assignments.map((a) => ({ voucherId: a.voucherId, email: a.email, reason: answer.refused.code, message: answer.refused.message }));
  const went = results?.flatMap((r) => (r.ok ? [r.voucherId] : [])) ?? [];
  if (went.length > 0) {
    db.update(voucherAssignRefusals).set({ closedAt: nowIso })
      .where(and(inArray(voucherAssignRefusals.voucherId, went), isNull(voucherAssignRefusals.closedAt))).run();
  }
  for (const r of refusals) {
    db.insert(voucherAssignRefusals).values({ requestId: request.requestId, ...r, refusedAt: nowIso }).onConflictDoNothing().run();
  }
}

/** Per code, its latest refusal the agent has not dismissed nor settled by sending the code again. */
export function openRefusals(db: StoreDb): Map<string, AssignRefusal> {
  const byVoucher = new Map<string, AssignRefusal>();
  const { requestId, voucherId, email, reason, message, refusedAt } = voucherAssignRefusals;
  const rows = db.select({ requestId, voucherId, email, reason, message, refusedAt }).from(voucherAssignRefusals)
    .where(isNull(voucherAssignRefusals.closedAt)).orderBy(desc(refusedAt), desc(sql`rowid`)).all(); // rowid: the later of two at one instant
  for (const r of rows) if (!byVoucher.has(r.voucherId)) byVoucher.set(r.voucherId, r);
  return byVoucher;
}

/** The agent read it: every open refusal of this code goes from the screen. Answers how many. */
export function dismissRefusals(db: StoreDb, voucherId: string, nowIso: string): number {
  return db.update(voucherAssignRefusals).set({ closedAt: nowIso })
    .where(and(eq(voucherAssignRefusals.voucherId, voucherId), isNull(voucherAssignRefusals.closedAt))).run().changes;
}
