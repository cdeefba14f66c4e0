// Vouchers as an Excel workbook: one row a code, every code in column K as the platform's own
// export has it, and around it what an office sorts and mails by (order, museum, tariff,
// status, recipient, dates). Dates are real Excel dates in the museum's (Paris) wall time.
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { VENUE_TIME_ZONE, type PrintLanguage } from '../printText.std.ts';
import { voucherWords, type VoucherExportRow } from './voucherExport.std.ts';

/** Excel keeps no time zone: a date is written as the wall-clock time it should read. */
function wallTime(iso: string | null): Date | null {
  if (!iso) return null;
  const local = DateTime.fromISO(iso, { zone: VENUE_TIME_ZONE });
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

const day = (ymd: string | null) => (ymd ? new Date(`${ymd}T00:00:00Z`) : null);

export async function voucherWorkbook(rows: VoucherExportRow[], language: PrintLanguage): Promise<Buffer> {
  const words = voucherWords[language];
  const c = words.columns;
  const dateTime = language === 'fr' ? 'dd/mm/yyyy hh:mm' : 'yyyy-mm-dd hh:mm';
  const date = language === 'fr' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Guichet';
  const sheet = workbook.addWorksheet(words.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  // A to J, then the code in K, then what is left: the order the platform's export has.
  sheet.columns = [
    { header: c.order, key: 'order', width: 18 },
    { header: c.purchasedAt, key: 'purchasedAt', width: 17, style: { numFmt: dateTime } },
    { header: c.museum, key: 'museum', width: 36 },
    { header: c.tariff, key: 'tariff', width: 28 },
    { header: c.price, key: 'price', width: 10, style: { numFmt: '#,##0.00 "€"' } },
    { header: c.status, key: 'status', width: 12 },
    { header: c.recipientEmail, key: 'recipientEmail', width: 30 },
    { header: c.recipientName, key: 'recipientName', width: 24 },
    { header: c.assignedAt, key: 'assignedAt', width: 17, style: { numFmt: dateTime } },
    { header: c.usedAt, key: 'usedAt', width: 17, style: { numFmt: dateTime } },
    { header: c.code, key: 'code', width: 18 },
    { header: c.validUntil, key: 'validUntil', width: 14, style: { numFmt: date } },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows.map((r) => ({
    order: r.orderNumber, purchasedAt: wallTime(r.purchasedAt), museum: r.museum, tariff: r.tariff, price: r.priceCents / 100,
    status: words.statuses[r.status], recipientEmail: r.recipientEmail, recipientName: r.recipientName,
    assignedAt: wallTime(r.assignedAt), usedAt: wallTime(r.usedAt), code: r.code, validUntil: day(r.validUntil),
  })));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
