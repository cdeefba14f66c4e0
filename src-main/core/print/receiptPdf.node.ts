// "Imprimer justificatif" (DOMAIN.md §5): the receipt of one order, as the office files it
// with its accounts — who sold, who bought, what was booked for which visit, how it was paid,
// the VAT, and what the platform owes back when a venue cancelled.
import { breakableId } from './breakableId.std.ts';
import type { WireOrder } from '../../contract/centralApi.std.ts';
import { PLATFORM } from '../domain/platform.std.ts';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from './renderPdf.node.ts';
import { ALERT, ACCENT, CONTENT_WIDTH, INK, MUTED, PAGE_MARGINS, RULE, SHADE, bareTable, baseStyles, quietTable, rule } from './pdfStyle.std.ts';
import { formatDateTime, formatMoney, formatVatRate, labelled, printWords, type PrintLanguage, type PrintWords } from './printText.std.ts';

export interface ReceiptOffice {
  company: string;
  contactName: string;
  email: string;
}

export async function renderReceiptPdf(order: WireOrder, office: ReceiptOffice, opts: { language: PrintLanguage }): Promise<Buffer> {
  return renderPdf(receiptDocument(order, office, opts.language));
}

function receiptDocument(order: WireOrder, office: ReceiptOffice, language: PrintLanguage): TDocumentDefinitions {
  const w = printWords[language];
  const money = (cents: number) => formatMoney(cents, language);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: language === 'fr' ? 'fr-FR' : 'en-GB',
    info: { title: `${w.receiptTitle} ${order.number}`, author: PLATFORM.name, subject: w.receiptTitle },
    defaultStyle: { fontSize: 9.5, color: INK, lineHeight: 1.15 },
    styles: baseStyles,
    footer: (page, count) => ({
      margin: [PAGE_MARGINS[0], 18, PAGE_MARGINS[2], 0],
      columns: [
        { text: `${PLATFORM.name} — ${order.number}`, style: 'small' },
        { text: w.page(page, count), style: 'small', alignment: 'right', width: 'auto' },
      ],
    }),
    content: [
      {
        columns: [
          { text: PLATFORM.name, style: 'brand', margin: [0, 6, 0, 0] },
          {
            width: 'auto',
            stack: [
              { text: w.receiptTitle, style: 'title', alignment: 'right' },
              { text: order.number, fontSize: 12, bold: true, color: ACCENT, alignment: 'right', margin: [0, 2, 0, 0] },
            ],
          },
        ],
      },
      { ...rule(CONTENT_WIDTH, ACCENT, 1.5), margin: [0, 10, 0, 14] },
      {
        columnGap: 24,
        columns: [
          party(w.seller, [
            { text: PLATFORM.name, bold: true },
            ...PLATFORM.addressLines,
            labelled(w.siret, PLATFORM.siret, language),
            labelled(w.vatNumber, PLATFORM.vatNumber, language),
            labelled(w.customerService, PLATFORM.customerServiceEmail, language),
          ]),
          party(w.customer, [{ text: office.company, bold: true }, office.contactName, office.email]),
        ],
      },
      orderFacts(order, w, language),
      ...order.bookings.map((booking) => bookingBlock(booking, w, language)),
      ...(order.voucherLines.length > 0 ? [vouchersBlock(order.voucherLines, w, language)] : []),
      totalsBlock(order, w, money),
      ...(order.vat.length > 0 ? [vatBlock(order, w, language)] : []),
      ...(order.refundCents > 0 ? [refundBlock(order, w, money)] : []),
      { text: w.nonRefundable, style: 'small', italics: true, margin: [0, 22, 0, 0] },
    ],
  };
}

function party(title: string, lines: (string | Content)[]): Content {
  return {
    stack: [{ text: title.toUpperCase(), style: 'label', bold: true, characterSpacing: 0.6, margin: [0, 0, 0, 4] }, ...lines],
  };
}

/** An order paid by transfer says by when, or an older one only that tickets wait for it. */
function paymentNotes(order: WireOrder, w: PrintWords, when: (iso: string) => string): string[] {
  return order.paymentDueAt ? [w.transferDue(when(order.paymentDueAt)), w.transferPending] : [w.transferPending];
}

function orderFacts(order: WireOrder, w: PrintWords, language: PrintLanguage): Content {
  const when = (iso: string) => formatDateTime(iso, language);
  const payment =
    order.payment.method === 'card' ? w.card(order.payment.cardLast4, breakableId(order.payment.reference)) : w.transfer(breakableId(order.payment.reference));
  const rows: TableCell[][] = [
    [w.orderNumber, { text: order.number, bold: true }],
    [w.orderDate, when(order.createdAt)],
    ...(order.paidAt ? [[w.paidAt, when(order.paidAt)]] : []),
    ...(order.refundedAt ? [[w.refundedAt, when(order.refundedAt)]] : []),
    ...(order.cancelledAt ? [[w.cancelledAt, when(order.cancelledAt)]] : []),
    [w.state, { text: w.states[order.state], bold: true, color: order.state === 'paid' || order.state === 'refunded' ? INK : ALERT }],
    [
      w.paymentMethod,
      order.state === 'awaiting_transfer'
        ? { stack: [payment, ...paymentNotes(order, w, when).map((text): Content => ({ text, style: 'small', margin: [0, 1, 0, 0] }))] }
        : order.state === 'cancelled' && order.cancelReason
          ? { stack: [payment, { text: w.cancelReasons[order.cancelReason], style: 'small', color: ALERT, margin: [0, 1, 0, 0] }] }
          : payment,
    ],
  ];
  return {
    margin: [0, 18, 0, 4],
    table: {
      widths: [110, '*'],
      body: rows.map(([label, value]) => [{ text: label as string, color: MUTED }, value!]),
    },
    layout: bareTable,
  };
}

function bookingBlock(booking: WireOrder['bookings'][number], w: PrintWords, language: PrintLanguage): Content {
  const money = (cents: number) => formatMoney(cents, language);
  const right = (text: string) => ({ text, alignment: 'right' as const, noWrap: true });
  return {
    unbreakable: true,
    margin: [0, 16, 0, 0],
    stack: [
      {
        margin: [0, 0, 0, 5],
        text: [
          { text: booking.venueName, style: 'sectionTitle' },
          { text: `   ${formatDateTime(booking.startsAt, language)}`, style: 'sectionTitle', bold: false },
          ...(booking.cancelledByVenue ? [{ text: `   ${w.cancelledByVenue.toUpperCase()}`, bold: true, fontSize: 8.5, color: ALERT }] : []),
        ],
      },
      {
        table: {
          headerRows: 1,
          widths: ['*', 62, 48, 66],
          body: [
            lineHeader(w),
            ...booking.lines.map((line) => [
              line.label[language],
              right(money(line.unitCents)),
              right(String(line.quantity)),
              right(money(line.totalCents)),
            ].map((cell) => (booking.cancelledByVenue ? withCancelledLook(cell) : cell))),
          ],
        },
        layout: quietTable,
      },
    ],
  };
}

/** The header of a table of priced lines: bookings' and vouchers' alike. */
function lineHeader(w: PrintWords): TableCell[] {
  return [
    { text: w.product, style: 'tableHeader' },
    { text: w.unitPrice, style: 'tableHeader', alignment: 'right' },
    { text: w.quantity, style: 'tableHeader', alignment: 'right' },
    { text: w.total, style: 'tableHeader', alignment: 'right' },
  ];
}

/** Vouchers: one line a tariff, with how long its codes are valid. */
function vouchersBlock(lines: WireOrder['voucherLines'], w: PrintWords, language: PrintLanguage): Content {
  const money = (cents: number) => formatMoney(cents, language);
  const right = (text: string) => ({ text, alignment: 'right' as const, noWrap: true });
  return {
    unbreakable: true,
    margin: [0, 16, 0, 0],
    stack: [
      { text: w.vouchers, style: 'sectionTitle', margin: [0, 0, 0, 5] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 62, 48, 66],
          body: [
            lineHeader(w),
            ...lines.map((line) => [
              { stack: [`${line.museumName} — ${line.label[language]}`, { text: w.voucherValidity(line.validityMonths), style: 'small', color: MUTED }] },
              right(money(line.unitCents)),
              right(String(line.quantity)),
              right(money(line.totalCents)),
            ]),
          ],
        },
        layout: quietTable,
      },
    ],
  };
}

/** The venue cancelled: the lines stay readable (the refund is computed from them) but struck through. */
const withCancelledLook = (cell: string | { text: string }) =>
  ({ ...(typeof cell === 'string' ? { text: cell } : cell), color: MUTED, decoration: 'lineThrough' as const, decorationColor: MUTED });

function totalsBlock(order: WireOrder, w: PrintWords, money: (cents: number) => string): Content {
  return {
    margin: [0, 14, 0, 0],
    columns: [
      { text: '' },
      {
        width: 230,
        table: {
          widths: ['*', 'auto'],
          body: [
            [{ text: w.discounts }, { text: order.discountCents > 0 ? money(-order.discountCents) : money(0), alignment: 'right' }],
            [
              { text: w.totalAmount, bold: true, fontSize: 11, fillColor: SHADE },
              { text: money(order.totalCents), bold: true, fontSize: 11, alignment: 'right', fillColor: SHADE },
            ],
          ],
        },
        layout: {
          hLineWidth: (i) => (i === 1 ? 0.8 : 0),
          vLineWidth: () => 0,
          hLineColor: () => RULE,
          paddingLeft: () => 6,
          paddingRight: () => 6,
          paddingTop: () => 5,
          paddingBottom: () => 5,
        },
      },
    ],
  };
}

function vatBlock(order: WireOrder, w: PrintWords, language: PrintLanguage): Content {
  const right = (text: string, extra: object = {}) => ({ text, alignment: 'right' as const, ...extra });
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    columns: [
      { text: '' },
      {
        width: 230,
        stack: [
          { text: w.vatBreakdown, style: 'sectionTitle', fontSize: 9.5, margin: [0, 0, 0, 4] },
          {
            table: {
              headerRows: 1,
              widths: ['*', 'auto', 'auto'],
              body: [
                [
                  { text: w.vatRate, style: 'tableHeader' },
                  right(w.vatBase, { style: 'tableHeader' }),
                  right(w.vat, { style: 'tableHeader' }),
                ],
                ...order.vat.map((v) => [
                  formatVatRate(v.rateBp, language),
                  right(formatMoney(v.baseCents, language)),
                  right(formatMoney(v.vatCents, language)),
                ]),
              ],
            },
            layout: quietTable,
          },
        ],
      },
    ],
  };
}

function refundBlock(order: WireOrder, w: PrintWords, money: (cents: number) => string): Content {
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    table: {
      widths: ['*', 'auto'],
      body: [[
        { stack: [{ text: w.refundOwed, bold: true, color: ALERT }, { text: w.refundNote, style: 'small', margin: [0, 2, 0, 0] }] },
        { text: money(order.refundCents), bold: true, fontSize: 11, color: ALERT, alignment: 'right', margin: [0, 4, 0, 0] },
      ]],
    },
    layout: {
      hLineWidth: () => 0.8,
      vLineWidth: (i, node) => (i === 0 || i === node.table.widths!.length ? 0.8 : 0),
      hLineColor: () => ALERT,
      vLineColor: () => ALERT,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 6,
      paddingBottom: () => 6,
    },
  };
}
