// A ticket bundle (DOMAIN.md §6): one A4 page per ticket, one ticket per person, so an office
// can hand each visitor their own page. The QR code carries the service's signed text, which
// a venue checks offline; the number under it is for a human reading it out.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { PLATFORM } from '../domain/platform.std.ts';
import { qrPngDataUrl } from './qrPng.node.ts';
import { renderPdf } from './renderPdf.node.ts';
import { ACCENT, CONTENT_WIDTH, INK, MUTED, PAGE_MARGINS, RULE, baseStyles, rule } from './pdfStyle.std.ts';
import { formatDate, formatDateTime, printWords, type PrintLanguage, type PrintWords } from './printText.std.ts';

export interface PrintableTicket {
  number: string;
  /** The signed text the QR code carries. */
  qr: string;
  label: { fr: string; en: string };
  venueName: string;
  /** Set for a dated ticket: valid for that slot only. */
  slotId: string | null;
  validFrom: string;
  validUntil: string;
  orderNumber: string;
  holder: string | null;
}

const QR_SIZE = 300;

export async function renderTicketsPdf(tickets: PrintableTicket[], opts: { language: PrintLanguage }): Promise<Buffer> {
  if (tickets.length === 0) throw new RangeError('A ticket bundle needs at least one ticket.');
  const w = printWords[opts.language];
  const pages = tickets.map((ticket, i) => ticketPage(ticket, qrPngDataUrl(ticket.qr), i > 0, w, opts.language));
  const document: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: opts.language === 'fr' ? 'fr-FR' : 'en-GB',
    info: { title: `${w.ticketTitle} — ${tickets[0]!.orderNumber}`, author: PLATFORM.name },
    defaultStyle: { fontSize: 10, color: INK },
    styles: baseStyles,
    footer: () => ({
      margin: [PAGE_MARGINS[0], 18, PAGE_MARGINS[2], 0],
      columns: [
        { text: PLATFORM.name, style: 'small' },
        { text: PLATFORM.customerServiceEmail, style: 'small', alignment: 'right' },
      ],
    }),
    content: pages,
  };
  return renderPdf(document);
}

function ticketPage(ticket: PrintableTicket, qr: string, breakBefore: boolean, w: PrintWords, language: PrintLanguage): Content {
  const dated = ticket.slotId !== null;
  const detail = (label: string, value: string): Content[] => [
    { text: label, style: 'label', margin: [0, 1, 0, 0] },
    { text: value, fontSize: 11, bold: true },
  ];
  return {
    pageBreak: breakBefore ? 'before' : undefined,
    stack: [
      {
        columns: [
          { text: PLATFORM.name, style: 'brand', fontSize: 11 },
          { text: w.ticketTitle.toUpperCase(), width: 'auto', bold: true, fontSize: 11, color: MUTED },
        ],
      },
      { ...rule(CONTENT_WIDTH, ACCENT, 1.5), margin: [0, 8, 0, 26] },
      { text: ticket.venueName, fontSize: 26, bold: true, alignment: 'center' },
      { text: ticket.label[language], fontSize: 11, color: MUTED, alignment: 'center', margin: [30, 6, 30, 0] },
      {
        margin: [60, 22, 60, 0],
        table: {
          widths: ['*'],
          body: [[{
            stack: [
              { text: dated ? w.validOnlyFor : w.validUntil, style: 'label', fontSize: 9, alignment: 'center' },
              {
                text: dated ? formatDateTime(ticket.validFrom, language) : formatDate(ticket.validUntil, language),
                fontSize: 17, bold: true, alignment: 'center', margin: [0, 2, 0, 0],
              },
            ],
          }]],
        },
        layout: {
          hLineWidth: () => 1,
          vLineWidth: () => 1,
          hLineColor: () => ACCENT,
          vLineColor: () => ACCENT,
          paddingTop: () => 8,
          paddingBottom: () => 8,
        },
      },
      { image: qr, fit: [QR_SIZE, QR_SIZE], alignment: 'center', margin: [0, 24, 0, 0] },
      { text: w.ticketNumber, style: 'label', alignment: 'center', margin: [0, 4, 0, 0] },
      { text: ticket.number, fontSize: 16, bold: true, characterSpacing: 1.5, alignment: 'center' },
      { ...rule(CONTENT_WIDTH, RULE), margin: [0, 26, 0, 12] },
      {
        columns: [
          { stack: detail(w.orderNumber, ticket.orderNumber) },
          ...(ticket.holder ? [{ stack: detail(w.holder, ticket.holder) }] : []),
        ],
      },
      { text: w.ticketRules, style: 'small', margin: [0, 18, 0, 0] },
    ],
  };
}
