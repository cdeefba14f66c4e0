// The platform's second ticket format (DOMAIN.md §6): the list of ticket numbers an office
// prints as barcodes on its own vouchers. Written for the spreadsheet a French office opens it
// in: UTF-8 with a byte-order mark (without it Excel reads the accents as Windows-1252),
// semicolons between fields (Excel in a French locale splits on the list separator, and the
// comma is the decimal separator there), CRLF line ends and RFC 4180 quoting. A cell that a
// spreadsheet would run as a formula (=, +, -, @ first) is written as text instead.
import { DateTime } from 'luxon';
import type { PrintLanguage } from './printText.std.ts';

export interface CsvTicket {
  number: string;
  /** The signed text: what goes into the barcode. */
  qr: string;
  venueName: string;
  timeZone: string;
  label: { fr: string; en: string };
  /** Dated tickets: the slot's start; null for an undated e-ticket. */
  slotStartsAt: string | null;
  validUntil: string;
  holder: string | null;
  orderNumber: string;
}

const HEADERS: Record<PrintLanguage, string[]> = {
  fr: ['Numéro de billet', 'Code signé', 'Monument', 'Date', 'Heure', 'Produit', 'Porteur', 'Commande', 'Valable jusqu’au'],
  en: ['Ticket number', 'Signed code', 'Monument', 'Date', 'Time', 'Product', 'Holder', 'Order', 'Valid until'],
};

export const CSV_BOM = '\uFEFF';

function cell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function ticketsCsv(tickets: CsvTicket[], language: PrintLanguage): string {
  const lines = [HEADERS[language], ...tickets.map((t) => {
    const slot = t.slotStartsAt ? DateTime.fromISO(t.slotStartsAt, { zone: t.timeZone }) : null;
    const until = DateTime.fromISO(t.validUntil, { zone: t.timeZone });
    return [
      t.number, t.qr, t.venueName, slot?.toFormat('dd/MM/yyyy') ?? '', slot?.toFormat('HH:mm') ?? '', t.label[language],
      t.holder ?? '', t.orderNumber, until.toFormat('dd/MM/yyyy'),
    ];
  })];
  return CSV_BOM + lines.map((fields) => fields.map(cell).join(';')).join('\r\n') + '\r\n';
}
