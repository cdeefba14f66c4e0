// Vouchers as a PDF, one code a page as the platform's export has it: the museum, the tariff,
// the code large enough to read over the phone, its QR code for the museum's scanner, its
// validity and how to use it. Drawn with PDFKit as ticket bundles are, fonts embedded once.
import type { Writable } from 'node:stream';
import { PLATFORM } from '../../domain/platform.std.ts';
import { ACCENT, ALERT, INK, MUTED, RULE } from '../pdfStyle.std.ts';
import { drawQr } from '../pdfQr.node.ts';
import { formatDate, formatDateTime, formatMoney, type PrintLanguage } from '../printText.std.ts';
import { openPdfkitDocument } from '../pdfkitDocument.node.ts';
import { voucherWords, type VoucherExportRow } from './voucherExport.std.ts';

const PAGE_WIDTH = 595.28;
const MARGIN = 56;
const CONTENT = PAGE_WIDTH - 2 * MARGIN;
/** 6 cm: a till's scanner reads it from paper or a phone. */
const QR_SIDE = 170;

type Doc = PDFKit.PDFDocument;

function centred(doc: Doc, text: string, y: number, size: number, font: 'regular' | 'bold', color = INK): void {
  doc.font(font).fontSize(size).fillColor(color).text(text, MARGIN, y, { width: CONTENT, align: 'center', lineBreak: true });
}

function voucherPage(doc: Doc, row: VoucherExportRow, language: PrintLanguage, n: number, of: number): void {
  const w = voucherWords[language];
  doc.addPage();
  doc.font('bold').fontSize(10).fillColor(ACCENT).text(PLATFORM.name, MARGIN, 40, { width: CONTENT / 2 });
  doc.font('regular').fontSize(9).fillColor(MUTED).text(w.heading, MARGIN + CONTENT / 2, 41, { width: CONTENT / 2, align: 'right' });
  doc.moveTo(MARGIN, 60).lineTo(MARGIN + CONTENT, 60).lineWidth(0.8).strokeColor(RULE).stroke();

  centred(doc, row.museum, 110, 22, 'bold');
  centred(doc, `${row.tariff} — ${formatMoney(row.priceCents, language)}`, 150, 13, 'regular', MUTED);
  centred(doc, w.codeLabel.toUpperCase(), 215, 9, 'bold', MUTED);
  // Courier-like spacing is not needed: the alphabet has no look-alikes, so Roboto reads well.
  centred(doc, row.code, 232, 34, 'bold', ACCENT);
  drawQr(doc, row.code, (PAGE_WIDTH - QR_SIDE) / 2, 300, QR_SIDE);

  let y = 300 + QR_SIDE + 28;
  centred(doc, row.validUntil ? w.validUntil(formatDate(`${row.validUntil}T12:00:00Z`, language)) : w.noExpiry, y, 12, 'bold');
  y += 26;
  centred(doc, w.order(row.orderNumber, formatDate(row.purchasedAt, language)), y, 10, 'regular', MUTED);
  y += 18;
  if (row.status === 'revoked') centred(doc, w.revoked, y, 10, 'bold', ALERT);
  else if (row.status === 'used' && row.usedAt) centred(doc, w.used(formatDateTime(row.usedAt, language)), y, 10, 'bold', ALERT);
  else if (row.status === 'assigned' && row.assignedAt) {
    centred(doc, w.assigned(row.recipientName ? `${row.recipientName} <${row.recipientEmail}>` : row.recipientEmail ?? '', formatDate(row.assignedAt, language)), y, 10, 'regular', MUTED);
  }
  doc.font('regular').fontSize(10.5).fillColor(INK).text(w.howTo, MARGIN + 30, y + 40, { width: CONTENT - 60, align: 'center', lineGap: 3 });
  doc.font('regular').fontSize(8).fillColor(MUTED).text(w.page(n, of), MARGIN, 800, { width: CONTENT, align: 'right' });
}

/** Writes one page a voucher to `out`; resolves once every byte is handed to it. */
export function writeVoucherPdf(rows: VoucherExportRow[], language: PrintLanguage, out: Writable): Promise<{ pages: number }> {
  if (rows.length === 0) throw new RangeError('A voucher export needs at least one code.');
  const { doc, finished } = openPdfkitDocument(out, language, voucherWords[language].title);
  rows.forEach((row, i) => voucherPage(doc, row, language, i + 1, rows.length));
  doc.end();
  return finished.then(() => ({ pages: rows.length }));
}
