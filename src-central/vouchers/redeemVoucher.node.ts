// A museum's till redeems a voucher: exactly once, even when two tills scan the same code at the
// same instant. The guard is the UPDATE itself (WHERE state = 'valid'): of concurrent
// redeemers, PostgreSQL lets one change the row and re-reads it for the others, who then find
// it used. A refusal says why, with when and where the code was used. The change is stamped,
// so the office's workstations pull the voucher as used.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RedeemVoucherResponseSchema, WireVoucherMuseum } from '../../src-main/contract/centralApi.std.ts';
import { readVoucherCode } from '../../src-main/core/domain/voucherCode.std.ts';
import type { CentralContext } from '../context.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import { rowsOf, type Queryable } from '../store/database.node.ts';
import { voucherMuseums, vouchers } from '../store/schema.node.ts';
import { stampVersion } from '../store/versions.node.ts';
import type { VoucherRow } from '../sync/wireRows.node.ts';

type Redeemed = z.infer<typeof RedeemVoucherResponseSchema>;

async function museumName(db: Queryable, museumId: string): Promise<string> {
  const [row] = await db.select({ data: voucherMuseums.data }).from(voucherMuseums).where(eq(voucherMuseums.id, museumId));
  return row ? (row.data as WireVoucherMuseum).name : museumId;
}

/** Why `found` (the code's voucher, read after the guarded UPDATE changed nothing) cannot be redeemed here now. */
async function refusal(db: Queryable, found: VoucherRow, museumId: string, now: Date): Promise<HttpError> {
  if (found.state === 'used') {
    const where = await museumName(db, found.usedMuseumId!);
    return new HttpError(409, 'VOUCHER_USED', `Voucher ${found.code} was already used on ${found.usedAt!.toISOString()} at ${where}${found.usedTill ? ` (${found.usedTill})` : ''}.`, {
      usedAt: found.usedAt!.toISOString(), museumId: found.usedMuseumId!, museumName: where, till: found.usedTill,
    });
  }
  if (found.state === 'revoked') {
    return new HttpError(410, 'VOUCHER_REVOKED', `Voucher ${found.code} was revoked on ${found.revokedAt!.toISOString()}: it admits nobody.`, {
      since: found.revokedAt!.toISOString(),
    });
  }
  if (found.museumId !== museumId) {
    const name = await museumName(db, found.museumId);
    return new HttpError(409, 'VOUCHER_OTHER_MUSEUM', `Voucher ${found.code} admits to ${name}, not to this museum.`, {
      museumId: found.museumId, museumName: name,
    });
  }
  if (found.validUntil.getTime() <= now.getTime()) {
    return new HttpError(410, 'VOUCHER_EXPIRED', `Voucher ${found.code} expired on ${found.validUntil.toISOString()}.`, {
      since: found.validUntil.toISOString(),
    });
  }
  // Valid, of this museum, unexpired: only the unguarded control reaches here.
  return new HttpError(409, 'VOUCHER_USED', `Voucher ${found.code} could not be redeemed.`);
}

export async function redeemVoucher(ctx: CentralContext, museumId: string, typed: string, till: string | null): Promise<Redeemed> {
  const read = readVoucherCode(typed);
  // Before any lookup: a slip at the till costs the database nothing and is not a guess.
  if (!read.ok) {
    throw new HttpError(422, 'VOUCHER_CODE_MISTYPED', 'This is not a voucher code as printed (XXXX-XXXX-XXXX): check what was typed.', {
      problem: read.problem,
    });
  }
  // A till trying codes at random is stopped long before it could find one (voucherCode.std.ts).
  await ctx.limits.checkFull('voucherMissesPerTill', museumId);
  const { code } = read;
  const now = ctx.now();
  const redeemed = ctx.unsafeNoRedeemGuard ? await redeemUnguarded(ctx, code, museumId, till, now) : await redeemGuarded(ctx, code, museumId, till, now);
  if (redeemed) return { code, museumId, label: redeemed.label, usedAt: now.toISOString() };
  const [found] = await ctx.db.select().from(vouchers).where(eq(vouchers.code, code));
  if (found) throw await refusal(ctx.db, found, museumId, now);
  await ctx.limits.count('voucherMissesPerTill', museumId);
  throw new HttpError(404, 'VOUCHER_UNKNOWN', `No voucher has the code ${code}.`);
}

type Label = Redeemed['label'];

/** One call of redeem_voucher (migration 0009): the guarded UPDATE and the version stamp, committed at once. */
async function redeemGuarded(ctx: CentralContext, code: string, museumId: string, till: string | null, now: Date): Promise<{ label: Label } | null> {
  await ctx.racePoints?.voucherRedeeming?.(code);
  const [row] = rowsOf<{ voucher_id: string; voucher_label: Label }>(await ctx.db.execute(
    sql`SELECT voucher_id, voucher_label FROM redeem_voucher(${code}, ${museumId}, ${till}, ${now.toISOString()}::timestamptz)`));
  return row ? { label: row.voucher_label } : null;
}

/** TEST ONLY (unsafeNoRedeemGuard): reads the voucher, then marks it used whatever happened meanwhile. */
async function redeemUnguarded(ctx: CentralContext, code: string, museumId: string, till: string | null, now: Date): Promise<{ label: Label } | null> {
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx.select().from(vouchers).where(eq(vouchers.code, code));
    const redeemable = found && found.state === 'valid' && found.museumId === museumId && found.validUntil.getTime() > now.getTime();
    await ctx.racePoints?.voucherRedeeming?.(code);
    if (!redeemable) return null;
    await tx.update(vouchers).set({ state: 'used', usedAt: now, usedMuseumId: museumId, usedTill: till }).where(eq(vouchers.id, found.id));
    await stampVersion(tx, { vouchers: [found.id] });
    return { label: found.label as Label };
  });
}

/** Customer service withdraws a voucher not used yet (refunded, lost, sent to the wrong person). */
export async function revokeVoucher(ctx: CentralContext, voucherId: string) {
  return ctx.db.transaction(async (tx) => {
    const [revoked] = await tx.update(vouchers).set({ state: 'revoked', revokedAt: ctx.now() })
      .where(and(eq(vouchers.id, voucherId), eq(vouchers.state, 'valid'))).returning();
    if (revoked) {
      await stampVersion(tx, { vouchers: [revoked.id] });
      return revoked;
    }
    const [found] = await tx.select().from(vouchers).where(eq(vouchers.id, voucherId));
    if (!found) throw new HttpError(404, 'NOT_FOUND', `No voucher ${voucherId}.`);
    throw new HttpError(409, found.state === 'used' ? 'VOUCHER_USED' : 'VOUCHER_REVOKED', `Voucher ${found.code} is ${found.state}: it cannot be revoked.`);
  });
}
