// Handing voucher codes out by e-mail (issue 12 §4). Each request is kept here before it goes,
// so an assignment made offline is sent once the connection returns; the central service sends
// the mails and records each assignment only once the mail server took it.
import crypto from 'node:crypto';
import type { WireVoucher } from '../../contract/centralApi.std.ts';
import type { ParsedInput } from '../../contract/methods.std.ts';
import type { VoucherAssignLineDto, VoucherAssignResultDto } from '../../contract/schemas.std.ts';
import { VOUCHER_ASSIGN_LINE_REASONS } from '../../contract/schemas.std.ts';
import { parseRecipients } from '../domain/recipientList.std.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { vouchers } from '../store/schema.node.ts';
import { readSettings } from '../store/settingsRepo.node.ts';
import { dismissRefusals, keepAssignRequest, pendingEmails, type AssignRequestRow } from '../store/voucherAssignRepo.node.ts';
import { sendAssignRequest, type SendOutcome } from '../sync/sendVoucherAssignments.node.ts';
import { syncState } from '../sync/syncState.node.ts';
import type { HandlerContext, HandlerTable } from './handlerContext.node.ts';
import { refuse } from './slotChecks.node.ts';

/**
 * Codes per request to the service: ~4 s of mail at the 26 a second measured (npm run bench --
 * vouchers), well inside the client's 30 s, so an answer is rarely lost to the timeout.
 */
const PER_REQUEST = 100;

type Reason = VoucherAssignLineDto['reason'] & string;
interface Wanted { voucherId: string; email: string; name: string | null; line: number | null }

const lineOf = (w: Wanted, code: string | null, status: VoucherAssignLineDto['status'], reason: Reason | null = null, message: string | null = null): VoucherAssignLineDto =>
  ({ line: w.line, text: null, email: w.email, name: w.name, voucherId: w.voucherId, code, status, reason, message });

const asReason = (code: string): Reason => ((VOUCHER_ASSIGN_LINE_REASONS as readonly string[]).includes(code) ? code as Reason : 'MAIL_FAILED');

function mirrored(db: StoreDb): Map<string, WireVoucher | null> {
  return new Map(db.select({ id: vouchers.id, value: vouchers.value }).from(vouchers).all().map((r) => [r.id, r.value as WireVoucher | null]));
}

/** Why the mirror already knows this code cannot go (the service judges again on its side). */
function refusalHere(v: WireVoucher | null | undefined, waiting: boolean, now: Date): Reason | null {
  if (v === undefined) return 'VOUCHER_UNKNOWN';
  if (waiting) return 'VOUCHER_NOT_FREE';
  if (v?.state === 'used') return 'VOUCHER_USED';
  if (v?.state === 'revoked') return 'VOUCHER_REVOKED';
  if (v && new Date(v.validUntil) < now) return 'VOUCHER_EXPIRED';
  return null;
}

function summary(lines: VoucherAssignLineDto[], missingCodes = 0, overflow = 0): VoucherAssignResultDto {
  const countOf = (status: VoucherAssignLineDto['status']) => lines.filter((l) => l.status === status).length;
  return { lines, assigned: countOf('assigned'), pending: countOf('pending'), refused: countOf('refused'), missingCodes, overflow };
}

function signedIn(db: StoreDb): void {
  if (!syncState.session(db)) refuse('SIGN_IN_TO_PAY', 'Sign in to the central service to send vouchers.');
}

/** Keeps the requests, then sends them; whatever the network loses stays pending for the sync cycle. */
async function assignAll(ctx: HandlerContext, wanted: Wanted[], language: 'fr' | 'en' | undefined): Promise<VoucherAssignLineDto[]> {
  const { db } = ctx.store;
  const now = ctx.now();
  const known = mirrored(db);
  const waiting = pendingEmails(db);
  const seen = new Set<string>();
  const lines: VoucherAssignLineDto[] = new Array(wanted.length);
  const accepted: { w: Wanted; at: number }[] = [];
  wanted.forEach((w, at) => {
    const v = known.get(w.voucherId);
    const reason = refusalHere(v, waiting.has(w.voucherId) || seen.has(w.voucherId), now);
    seen.add(w.voucherId);
    if (reason) lines[at] = lineOf(w, v?.code ?? null, 'refused', reason);
    else accepted.push({ w, at });
  });
  const lang = language ?? readSettings(db).language ?? 'fr';
  const requests: { request: AssignRequestRow; items: { w: Wanted; at: number }[] }[] = [];
  for (let i = 0; i < accepted.length; i += PER_REQUEST) {
    const items = accepted.slice(i, i + PER_REQUEST);
    requests.push({
      items,
      request: {
        requestId: crypto.randomUUID(), language: lang,
        assignments: items.map(({ w }) => ({ voucherId: w.voucherId, email: w.email, ...(w.name ? { name: w.name } : {}) })),
      },
    });
  }
  ctx.store.sqlite.transaction(() => requests.forEach(({ request }) => keepAssignRequest(db, request, now.toISOString())))();
  let offline = false;
  for (const { request, items } of requests) {
    const outcome: SendOutcome = offline ? { kind: 'pending', offline } : await sendAssignRequest(ctx.store, ctx.sync.authorised, ctx.central, request, ctx.now);
    items.forEach(({ w, at }, k) => {
      const code = known.get(w.voucherId)?.code ?? null;
      if (outcome.kind === 'pending') lines[at] = lineOf(w, code, 'pending');
      else if (outcome.kind === 'refused') lines[at] = lineOf(w, code, 'refused', asReason(outcome.code), outcome.message);
      else {
        const r = outcome.results[k]!;
        lines[at] = r.ok ? lineOf(w, r.voucher.code, 'assigned') : lineOf(w, code, 'refused', r.reason, r.message);
      }
    });
    offline ||= outcome.kind === 'pending' && outcome.offline;
  }
  ctx.emit('vouchers.changed', {});
  ctx.emit('sync.status', ctx.sync.status());
  return lines;
}

/** The office's codes that can still be given, in the order a paste takes them (oldest first). */
function freeCodes(db: StoreDb, input: ParsedInput<'vouchers.assignList'>, now: Date): WireVoucher[] {
  const waiting = pendingEmails(db);
  const free = [...mirrored(db).values()].filter((v): v is WireVoucher => v !== null
    && v.state === 'valid' && !v.assignedTo && !waiting.has(v.id) && new Date(v.validUntil) >= now);
  if (input.voucherIds) {
    const byId = new Map(free.map((v) => [v.id, v]));
    return [...new Set(input.voucherIds)].flatMap((id) => byId.get(id) ?? []);
  }
  return free
    .filter((v) => (!input.museumId || v.museumId === input.museumId) && (!input.tariffId || v.tariffId === input.tariffId))
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.code.localeCompare(b.code));
}

export const voucherAssignHandlers: HandlerTable<'vouchers.assign' | 'vouchers.assignList' | 'vouchers.dismissRefusal'> = {
  'vouchers.assign': async ({ assignments, language }, ctx) => {
    signedIn(ctx.store.db);
    const wanted = assignments.map((a) => ({ voucherId: a.voucherId, email: a.email, name: a.name ?? null, line: null }));
    return summary(await assignAll(ctx, wanted, language));
  },

  'vouchers.assignList': async (input, ctx) => {
    const { db } = ctx.store;
    signedIn(db);
    const { recipients, refused, overflow } = parseRecipients(input.pasted);
    const badLines: VoucherAssignLineDto[] = refused.map((r) => ({
      line: r.line, text: r.text, email: null, name: null, voucherId: null, code: null, status: 'refused', reason: r.problem, message: null,
    }));
    const free = freeCodes(db, input, ctx.now());
    const byLine = (lines: VoucherAssignLineDto[]) => lines.sort((a, b) => a.line! - b.line!);
    // Too few codes: which addresses go and which wait would be the order of the paste, not the
    // agent's choice; nothing goes, and the agent buys the codes missing or shortens the list.
    if (recipients.length > free.length) {
      const waiting = recipients.map((r) => ({
        line: r.line, text: null, email: r.email, name: r.name, voucherId: null, code: null, status: 'not_sent' as const, reason: 'codes_missing' as const, message: null,
      }));
      return summary(byLine([...badLines, ...waiting]), recipients.length - free.length, overflow);
    }
    const wanted = recipients.map((r, i) => ({ voucherId: free[i]!.id, email: r.email, name: r.name, line: r.line }));
    return summary(byLine([...badLines, ...await assignAll(ctx, wanted, input.language)]), 0, overflow);
  },

  'vouchers.dismissRefusal': ({ voucherId }, ctx) => {
    const dismissed = dismissRefusals(ctx.store.db, voucherId, ctx.now().toISOString());
    if (dismissed > 0) ctx.emit('vouchers.changed', {});
    return { dismissed };
  },
};
