// POST /vouchers/assign (issue 12 §4): the office e-mails codes, each to one recipient. As with
// tickets, the mail goes first and the assignment is recorded only once the mail server took
// it — per recipient, so one address the server refuses costs only its own line. The request's
// id makes it happen once: a retry answers the first results, and sends nothing again.
import { and, eq, inArray } from 'drizzle-orm';
import type {
  AssignVouchersRequest, AssignVouchersResponse, VoucherAssignOutcome, WireVoucherMuseum,
} from '../../src-main/contract/centralApi.std.ts';
import { findOffice } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import type { Mailer } from '../mail/mailer.node.ts';
import { voucherMail } from '../mail/voucherMail.node.ts';
import { voucherAssignRequests, voucherMuseums, vouchers } from '../store/schema.node.ts';
import { stampVersion } from '../store/versions.node.ts';
import { wireVoucher, type VoucherRow } from '../sync/wireRows.node.ts';

/**
 * A request unanswered this long was cut off (its process died): a retry takes it over. Longer
 * than the slowest request can run (500 mails, four at a time, each given up after ~10 s).
 */
const ABANDONED_AFTER_MS = 30 * 60_000;
const UNDER_WAY_RETRY_AFTER_SECONDS = 10;
/** Mails of one request handed to the mail server at once. */
const MAILS_AT_ONCE = 4;

type Assignment = AssignVouchersRequest['assignments'][number];
type Refusal = Extract<VoucherAssignOutcome, { ok: false }>;

const refused = (a: Assignment, reason: Refusal['reason'], message: string): Refusal => ({ ok: false, voucherId: a.voucherId, email: a.email, reason, message });

/** Takes the request, or answers its first results; throws while another process is still sending it. */
async function takeRequest(ctx: CentralContext, officeId: string, requestId: string): Promise<AssignVouchersResponse | null> {
  const now = ctx.now();
  const taken = await ctx.db.insert(voucherAssignRequests).values({ id: requestId, officeId, startedAt: now }).onConflictDoNothing().returning();
  if (taken.length > 0) return null;
  const [earlier] = await ctx.db.select().from(voucherAssignRequests).where(eq(voucherAssignRequests.id, requestId));
  if (!earlier || earlier.officeId !== officeId) throw new HttpError(422, 'INVALID_INPUT', 'requestId: this id is already used; make a new one for a new assignment.');
  if (earlier.response) return earlier.response as AssignVouchersResponse;
  const underWay = () => new HttpError(409, 'VOUCHER_ASSIGN_UNDER_WAY',
    'These codes are still being e-mailed: ask again in a moment for the results. Nothing will be sent twice.',
    { retryAfterSeconds: UNDER_WAY_RETRY_AFTER_SECONDS });
  if (now.getTime() - earlier.startedAt.getTime() < ABANDONED_AFTER_MS) throw underWay();
  const takenOver = await ctx.db.update(voucherAssignRequests).set({ startedAt: now })
    .where(and(eq(voucherAssignRequests.id, requestId), eq(voucherAssignRequests.startedAt, earlier.startedAt))).returning();
  if (takenOver.length === 0) throw underWay();
  return null;
}

/** Why this code cannot be e-mailed now, if it cannot. */
function notAssignable(ctx: CentralContext, a: Assignment, v: VoucherRow | undefined): Refusal | null {
  if (!v) return refused(a, 'VOUCHER_UNKNOWN', `No voucher ${a.voucherId} in this office.`);
  if (v.state === 'used') return refused(a, 'VOUCHER_USED', `Voucher ${v.code} was already used: it cannot be given to anyone.`);
  if (v.state === 'revoked') return refused(a, 'VOUCHER_REVOKED', `Voucher ${v.code} was revoked: it cannot be given to anyone.`);
  if (v.validUntil < ctx.now()) return refused(a, 'VOUCHER_EXPIRED', `Voucher ${v.code} expired on ${v.validUntil.toISOString()}.`);
  return null;
}

/** Per office and per recipient whichever office sends, so no one can bury an inbox in codes. */
async function withinLimits(ctx: CentralContext, officeId: string, a: Assignment): Promise<Refusal | null> {
  try {
    await ctx.limits.count('voucherMailPerOffice', officeId);
    await ctx.limits.count('voucherMailPerRecipient', a.email.trim().toLowerCase());
    return null;
  } catch (error) {
    if (error instanceof HttpError && error.code === 'RATE_LIMITED') return refused(a, 'RATE_LIMITED', error.message);
    throw error;
  }
}

interface Sending {
  ctx: CentralContext;
  mailer: Mailer;
  officeId: string;
  requestId: string;
  officeCompany: string;
  language: 'fr' | 'en';
  museums: Map<string, WireVoucherMuseum>;
}

async function assignOne(s: Sending, a: Assignment, v: VoucherRow | undefined): Promise<VoucherAssignOutcome> {
  const { ctx } = s;
  const name = a.name ?? null;
  // Recorded by this same request before it was cut off: done, and not mailed again.
  if (v && v.assignRequestId === s.requestId && v.assignedEmail === a.email) return { ok: true, voucherId: a.voucherId, voucher: wireVoucher(v) };
  const refusal = notAssignable(ctx, a, v) ?? await withinLimits(ctx, s.officeId, a);
  if (refusal) return refusal;
  const museum = s.museums.get(v!.museumId);
  try {
    await s.mailer.send(voucherMail({
      to: { email: a.email, name }, officeCompany: s.officeCompany, museumName: museum?.name ?? v!.museumId,
      tariff: v!.label as { fr: string; en: string }, code: v!.code, validUntil: v!.validUntil,
      howToUse: museum?.howToUse ?? { fr: '', en: '' }, language: s.language,
    }));
  } catch (error) {
    return refused(a, 'MAIL_FAILED', `The code could not be e-mailed to ${a.email} (${(error as Error).message}): it was not assigned.`);
  }
  const [row] = await ctx.db.transaction(async (tx) => {
    // A till may have redeemed it while the mail went: then it stays as used, unassigned.
    const rows = await tx.update(vouchers)
      .set({ assignedEmail: a.email, assignedName: name, assignedAt: ctx.now(), assignRequestId: s.requestId })
      .where(and(eq(vouchers.id, v!.id), eq(vouchers.state, 'valid'))).returning();
    await stampVersion(tx, { vouchers: rows.map((r) => r.id) });
    return rows;
  });
  if (!row) return refused(a, 'VOUCHER_USED', `Voucher ${v!.code} was used while its e-mail was on its way: it was not assigned.`);
  return { ok: true, voucherId: a.voucherId, voucher: wireVoucher(row) };
}

export async function assignVouchers(ctx: CentralContext, officeId: string, req: AssignVouchersRequest): Promise<AssignVouchersResponse> {
  const { mailer } = ctx;
  if (!mailer) throw new HttpError(422, 'MAIL_FAILED', 'This service has no mail server configured: no code was sent, nothing was assigned.');
  // Held until every result is recorded: closing the service waits for it (central.node.ts).
  const release = ctx.ticketMails.take(officeId);
  try {
    const first = await takeRequest(ctx, officeId, req.requestId);
    if (first) return first;
    const office = await findOffice(ctx.db, officeId);
    const rows = await ctx.db.select().from(vouchers)
      .where(and(eq(vouchers.officeId, officeId), inArray(vouchers.id, req.assignments.map((a) => a.voucherId))));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const museumIds = [...new Set(rows.map((r) => r.museumId))];
    const museumRows = museumIds.length > 0 ? await ctx.db.select().from(voucherMuseums).where(inArray(voucherMuseums.id, museumIds)) : [];
    const sending: Sending = {
      ctx, mailer, officeId, requestId: req.requestId, officeCompany: office.company, language: req.language ?? office.language,
      museums: new Map(museumRows.map((m) => [m.id, m.data as WireVoucherMuseum])),
    };
    const results: VoucherAssignOutcome[] = new Array(req.assignments.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < req.assignments.length; i = next++) {
        const a = req.assignments[i]!;
        results[i] = await assignOne(sending, a, byId.get(a.voucherId));
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAILS_AT_ONCE, req.assignments.length) }, worker));
    const response: AssignVouchersResponse = { requestId: req.requestId, results };
    await ctx.db.update(voucherAssignRequests).set({ response }).where(eq(voucherAssignRequests.id, req.requestId));
    return response;
  } finally {
    release();
  }
}
