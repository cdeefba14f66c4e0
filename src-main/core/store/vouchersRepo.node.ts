// The office's vouchers and the museums that sell them, as pulled from the central service.
import type { WireVoucher, WireVoucherMuseum, WireVoucherTariff } from '../../contract/centralApi.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { asc } from 'drizzle-orm';
import { serverVoucherMuseums, vouchers } from './schema.node.ts';

export function putVoucherMuseum(db: StoreDb, museum: WireVoucherMuseum): void {
  const row = { name: museum.name, sortOrder: museum.sortOrder, value: museum };
  db.insert(serverVoucherMuseums).values({ id: museum.id, ...row }).onConflictDoUpdate({ target: serverVoucherMuseums.id, set: row }).run();
}

export function putVoucher(db: StoreDb, voucher: WireVoucher): void {
  const row = {
    code: voucher.code, venueId: voucher.museumId, orderId: voucher.orderId, state: voucher.state, assignedEmail: voucher.assignedTo?.email ?? null,
    used: voucher.state === 'used', usedAt: voucher.used?.at ?? null, value: voucher,
  };
  db.insert(vouchers).values({ id: voucher.id, ...row }).onConflictDoUpdate({ target: vouchers.id, set: row }).run();
}

export function listVoucherMuseums(db: StoreDb): WireVoucherMuseum[] {
  return db.select({ value: serverVoucherMuseums.value }).from(serverVoucherMuseums)
    .orderBy(asc(serverVoucherMuseums.sortOrder), asc(serverVoucherMuseums.name)).all()
    .map((row) => row.value as WireVoucherMuseum);
}

export function findVoucherTariff(db: StoreDb, tariffId: string): { museum: WireVoucherMuseum; tariff: WireVoucherTariff } | null {
  for (const museum of listVoucherMuseums(db)) {
    const tariff = museum.tariffs.find((t) => t.id === tariffId);
    if (tariff) return { museum, tariff };
  }
  return null;
}
