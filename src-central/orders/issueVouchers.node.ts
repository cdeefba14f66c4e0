// The vouchers of a paid order (DOMAIN.md §7): one per unit of each voucher line, each with its
// own code, issued in the transaction that makes the order paid (the card checkout, or the
// transfer received), so an unpaid order never has a code anyone could use.
import { randomFillSync, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { WireOrderVoucherLine } from '../../src-main/contract/centralApi.std.ts';
import { newVoucherCode } from '../../src-main/core/domain/voucherCode.std.ts';
import type { Tx } from '../store/database.node.ts';
import { vouchers } from '../store/schema.node.ts';
import type { VoucherRow } from '../sync/wireRows.node.ts';

/** Keeps each INSERT well under PostgreSQL's 65,535 bind parameters. */
const BATCH = 2_000;

type NewVoucher = typeof vouchers.$inferInsert;

export async function issueVouchers(
  tx: Tx, order: { id: string; officeId: string }, lines: WireOrderVoucherLine[], now: Date,
): Promise<VoucherRow[]> {
  const planned: NewVoucher[] = lines.flatMap((line) => {
    const validUntil = DateTime.fromJSDate(now, { zone: 'Europe/Paris' }).plus({ months: line.validityMonths }).endOf('day').toJSDate();
    return Array.from({ length: line.quantity }, () => ({
      id: randomUUID(), officeId: order.officeId, orderId: order.id, museumId: line.museumId, tariffId: line.tariffId,
      label: line.label, priceCents: line.unitCents, code: '', issuedAt: now, validUntil, state: 'valid' as const, version: 0,
    }));
  });
  const issued: VoucherRow[] = [];
  let waiting = planned;
  // A code drawn twice (about once in 10¹⁶ draws per code in circulation) is skipped by the
  // unique index and drawn again, rather than failing the payment.
  while (waiting.length > 0) {
    const drawn = waiting.map((v) => ({ ...v, code: newVoucherCode(randomFillSync) }));
    const inserted: VoucherRow[] = [];
    for (let i = 0; i < drawn.length; i += BATCH) {
      inserted.push(...await tx.insert(vouchers).values(drawn.slice(i, i + BATCH)).onConflictDoNothing({ target: vouchers.code }).returning());
    }
    issued.push(...inserted);
    const done = new Set(inserted.map((v) => v.id));
    waiting = waiting.filter((v) => !done.has(v.id));
  }
  return issued;
}
