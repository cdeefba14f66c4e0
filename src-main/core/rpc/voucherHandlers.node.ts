// Vouchers on this workstation: the museums that sell them, the office's codes, and their
// exports (PDF one code a page, Excel every code in column K), all from the mirror, offline too.
import { PassThrough } from 'node:stream';
import { DateTime } from 'luxon';
import { VENUE_TIME_ZONE } from '../print/printText.std.ts';
import type { VoucherExportRow } from '../print/vouchers/voucherExport.std.ts';
import { writeVoucherPdf } from '../print/vouchers/voucherPdf.node.ts';
import { voucherWorkbook } from '../print/vouchers/voucherXlsx.node.ts';
import { findOrder } from '../store/ordersRepo.node.ts';
import { readSettings } from '../store/settingsRepo.node.ts';
import { listVoucherRows, type ListedVoucher } from '../store/voucherListRepo.node.ts';
import { listVoucherMuseums } from '../store/vouchersRepo.node.ts';
import { notFound } from './guichetError.std.ts';
import type { HandlerTable } from './handlerContext.node.ts';
import { refuse } from './slotChecks.node.ts';

/** The last day a code may be used, in the museum's calendar. */
const lastDay = (validUntil: string | null) => (validUntil ? DateTime.fromISO(validUntil, { zone: VENUE_TIME_ZONE }).toISODate() : null);

function exportRow({ row, purchasedAt, priceCents, recipientName }: ListedVoucher, language: 'fr' | 'en'): VoucherExportRow {
  return {
    code: row.code, museum: row.venueName, tariff: row.label?.[language] ?? '', priceCents, orderNumber: row.orderNumber ?? '',
    purchasedAt: purchasedAt ?? '', status: row.status, recipientEmail: row.assignedTo, recipientName,
    assignedAt: row.assignedAt, usedAt: row.usedAt, validUntil: lastDay(row.validUntil),
  };
}

async function pdfBytes(rows: VoucherExportRow[], language: 'fr' | 'en'): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeVoucherPdf(rows, language, out);
  return Buffer.concat(chunks);
}

export const voucherHandlers: HandlerTable<'vouchers.list' | 'vouchers.catalogue' | 'vouchers.export'> = {
  'vouchers.list': (_input, { store }) => listVoucherRows(store.db).map((listed) => listed.row),

  'vouchers.catalogue': (_input, { store }) => listVoucherMuseums(store.db),

  'vouchers.export': async ({ scope, format, language }, { store }) => {
    const lang = language ?? readSettings(store.db).language ?? 'fr';
    const all = listVoucherRows(store.db);
    let chosen: ListedVoucher[];
    let name: string;
    if (scope.kind === 'order') {
      const order = findOrder(store.db, scope.orderId);
      if (!order) throw notFound('order', scope.orderId);
      chosen = all.filter((v) => v.row.orderId === scope.orderId);
      name = order.number;
    } else {
      const wanted = new Set(scope.voucherIds);
      chosen = all.filter((v) => wanted.has(v.row.id));
      const missing = wanted.size - chosen.length;
      if (missing > 0) refuse('VOUCHERS_NOT_HERE', 'Some chosen codes are not on this workstation.', { count: missing });
      name = `${chosen.length}`;
    }
    if (chosen.length === 0) refuse('NO_VOUCHERS', 'There are no codes to export here.');
    const rows = chosen.map((v) => exportRow(v, lang));
    const bytes = format === 'pdf' ? await pdfBytes(rows, lang) : await voucherWorkbook(rows, lang);
    const stem = lang === 'fr' ? 'contremarques' : 'vouchers';
    return { fileName: `${stem}-${name}.${format}`, base64: bytes.toString('base64'), count: rows.length };
  },
};
