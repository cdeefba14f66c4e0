// The office's codes as the Vouchers screen lists them: each with its museum, tariff, order and
// status, unassigned first and assigned below them, as on the platform.
import { eq } from 'drizzle-orm';
import type { WireVoucher } from '../../contract/centralApi.std.ts';
import { VOUCHER_REFUSAL_REASONS, type VoucherRefusalDto, type VoucherRowDto } from '../../contract/schemas.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { orders, serverVoucherMuseums, vouchers } from './schema.node.ts';
import { openRefusals, pendingEmails, type AssignRefusal } from './voucherAssignRepo.node.ts';

/** The latest recipient, as the service sends it once the mail server took the code (issue 12 §4). */
interface Assignment { email: string; name: string | null; at: string }
type StoredVoucher = Partial<WireVoucher> & { assignedTo?: Assignment | null };

const STATUS_RANK: Record<VoucherRowDto['status'], number> = { unassigned: 0, assigned: 1, used: 2, revoked: 3 };

export interface ListedVoucher {
  row: VoucherRowDto;
  /** For the exports: the order's purchase date, the price, the recipient's name. */
  purchasedAt: string | null;
  priceCents: number;
  recipientName: string | null;
}

function refusalDto(r: AssignRefusal | undefined): VoucherRefusalDto | null {
  if (!r) return null;
  const reason = (VOUCHER_REFUSAL_REASONS as readonly string[]).includes(r.reason) ? r.reason as VoucherRefusalDto['reason'] : 'OTHER';
  return { email: r.email, reason, message: r.message, at: r.refusedAt };
}

export function listVoucherRows(db: StoreDb): ListedVoucher[] {
  const pending = pendingEmails(db);
  const refusals = openRefusals(db);
  const rows = db
    .select({ voucher: vouchers, museumName: serverVoucherMuseums.name, orderNumber: orders.number, orderCreatedAt: orders.createdAt })
    .from(vouchers)
    .leftJoin(serverVoucherMuseums, eq(serverVoucherMuseums.id, vouchers.venueId))
    .leftJoin(orders, eq(orders.id, vouchers.orderId))
    .all();
  return rows.map(({ voucher, museumName, orderNumber, orderCreatedAt }): ListedVoucher => {
    const value = (voucher.value ?? {}) as StoredVoucher;
    const assignedTo = value.assignedTo?.email ?? voucher.assignedEmail;
    const status = voucher.state === 'used' ? 'used' : voucher.state === 'revoked' ? 'revoked' : assignedTo ? 'assigned' : 'unassigned';
    return {
      row: {
      id: voucher.id, code: voucher.code, museumId: voucher.venueId, venueName: museumName ?? voucher.venueId,
      label: value.label ?? null, tariffId: value.tariffId ?? null, orderId: voucher.orderId, orderNumber: orderNumber ?? null,
      state: voucher.state, status, assignedTo: assignedTo ?? null, assignedAt: value.assignedTo?.at ?? null,
      assignedName: value.assignedTo?.name ?? null, pendingEmail: pending.get(voucher.id) ?? null,
      refusal: refusalDto(refusals.get(voucher.id)),
      used: voucher.used, usedAt: voucher.usedAt, validUntil: value.validUntil ?? null,
      },
      purchasedAt: orderCreatedAt ?? value.issuedAt ?? null, priceCents: value.priceCents ?? 0, recipientName: value.assignedTo?.name ?? null,
    };
  }).sort(({ row: a }, { row: b }) => STATUS_RANK[a.status] - STATUS_RANK[b.status]
    || (a.orderNumber ?? '').localeCompare(b.orderNumber ?? '') || a.code.localeCompare(b.code));
}
