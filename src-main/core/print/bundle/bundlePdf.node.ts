// A ticket bundle drawn with PDFKit directly (pdfmake is built on it): one A4 page per ticket
// and a cover per sub-group, in one document, so the fonts are embedded once and a page costs
// its text and a 1-bit QR image. pdfmake's layout engine measured ~330 pages/s on this
// machine; a bundle of a day's groups is thousands of pages, and the agent is waiting.
import type { Writable } from 'node:stream';
import { PLATFORM } from '../../domain/platform.std.ts';
import { ACCENT, INK, MUTED, RULE, SHADE } from '../pdfStyle.std.ts';
import { formatDate, formatDateTime, formatMoney, labelled, printWords, type PrintLanguage } from '../printText.std.ts';
import { openPdfkitDocument } from '../pdfkitDocument.node.ts';
import { bundleWords } from './bundleWords.std.ts';
import { bundlePageCount, type BundleCover, type BundleDocument, type BundleSection, type BundleTicketPage } from './bundleModel.std.ts';
import { drawQr } from '../pdfQr.node.ts';

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 44;
const CONTENT = PAGE_WIDTH - 2 * MARGIN;
/** 8 cm: big enough for a gate scanner at arm's length and a phone showing the page. */
const TICKET_QR = 228;
/** A group code names 25 ticket numbers: a denser code, printed larger. */
const GROUP_QR = 250;

type Doc = PDFKit.PDFDocument;

interface Painter {
  doc: Doc;
  language: PrintLanguage;
  office: string;
  /** A section's tickets share their slot and tariffs: each date and price is written once. */
  written: Map<string, string>;
  lines: Map<string, string[]>;
}

function once(p: Painter, key: string, write: () => string): string {
  let text = p.written.get(key);
  if (text === undefined) p.written.set(key, (text = write()));
  return text;
}

export interface BundleProgress {
  (pagesDone: number, pagesTotal: number): void;
}

/** Writes the whole bundle to `out`; resolves once every byte is handed to it. */
export function writeBundlePdf(bundle: BundleDocument, out: Writable, onPage: BundleProgress): Promise<{ pages: number }> {
  const total = bundlePageCount(bundle);
  if (total === 0) throw new RangeError('A ticket bundle needs at least one ticket.');
  const { doc, finished } = openPdfkitDocument(out, bundle.language, bundle.title);
  const painter: Painter = { doc, language: bundle.language, office: bundle.office, written: new Map(), lines: new Map() };
  let done = 0;
  for (const section of bundle.sections) {
    coverPage(painter, section, section.cover);
    onPage(++done, total);
    for (const ticket of section.tickets) {
      ticketPage(painter, section, ticket);
      onPage(++done, total);
    }
  }
  doc.end();
  return finished.then(() => ({ pages: total }));
}

function newPage(p: Painter, heading: string): void {
  const { doc } = p;
  doc.addPage({ size: 'A4', margin: 0 });
  doc.font('bold').fontSize(11).fillColor(ACCENT).text(PLATFORM.name, MARGIN, MARGIN, { lineBreak: false });
  doc.fillColor(MUTED);
  doc.text(heading.toUpperCase(), PAGE_WIDTH - MARGIN - doc.widthOfString(heading.toUpperCase()), MARGIN, { lineBreak: false });
  hRule(doc, MARGIN + 20, ACCENT, 1.5);
  doc.font('regular').fontSize(8).fillColor(MUTED);
  doc.text(PLATFORM.customerServiceEmail, MARGIN, PAGE_HEIGHT - 34, { lineBreak: false });
  doc.text(p.office, PAGE_WIDTH - MARGIN - doc.widthOfString(p.office), PAGE_HEIGHT - 34, { lineBreak: false });
}

function hRule(doc: Doc, y: number, color = RULE, width = 0.8): void {
  doc.moveTo(MARGIN, y).lineTo(PAGE_WIDTH - MARGIN, y).lineWidth(width).strokeColor(color).stroke();
}

function centred(doc: Doc, text: string, y: number): void {
  doc.text(text, (PAGE_WIDTH - doc.widthOfString(text)) / 2, y, { lineBreak: false });
}

/** A label over its value, at (x, y), within `width`; returns the value's bottom. */
function field(doc: Doc, label: string, value: string, x: number, y: number, width: number): number {
  doc.font('regular').fontSize(8).fillColor(MUTED).text(label, x, y, { lineBreak: false });
  doc.font('bold').fontSize(11).fillColor(INK).text(value, x, y + 11, { width, height: 30, ellipsis: true });
  return doc.y;
}

/** Lines of `text` within `width` in the current font, broken once per bundle: PDFKit's own
 * wrapping would measure the same sentences again on every page. */
function linesOf(p: Painter, font: Font, text: string, width: number): string[] {
  const key = `${font.name}:${font.size}:${width}:${text}`;
  let lines = p.lines.get(key);
  if (lines) return lines;
  lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && p.doc.widthOfString(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  lines.push(line);
  p.lines.set(key, lines);
  return lines;
}

interface Font {
  name: 'regular' | 'bold';
  size: number;
}

/** Draws `text` wrapped within `width` from (x, y), centred or not; returns the bottom. */
function paragraph(p: Painter, font: Font, text: string, x: number, y: number, width: number, centre = false): number {
  const { doc } = p;
  doc.font(font.name).fontSize(font.size);
  const lineHeight = doc.currentLineHeight(true);
  const lines = linesOf(p, font, text, width);
  lines.forEach((line, i) => {
    const left = centre ? x + (width - doc.widthOfString(line)) / 2 : x;
    doc.text(line, left, y + i * lineHeight, { lineBreak: false });
  });
  return y + lines.length * lineHeight;
}

function validity(p: Painter, ticket: BundleTicketPage): { label: string; value: string } {
  const { language } = p;
  const words = printWords[language];
  const { slotStartsAt, validUntil, timeZone } = ticket;
  return slotStartsAt
    ? { label: words.validOnlyFor, value: once(p, `at:${slotStartsAt}:${timeZone}`, () => formatDateTime(slotStartsAt, language, timeZone)) }
    : { label: words.validUntil, value: once(p, `until:${validUntil}:${timeZone}`, () => formatDate(validUntil, language, timeZone)) };
}

function ticketPage(p: Painter, section: BundleSection, ticket: BundleTicketPage): void {
  const { doc, language } = p;
  const words = printWords[language];
  const bw = bundleWords[language];
  newPage(p, words.ticketTitle);
  doc.font('bold').fontSize(26).fillColor(INK);
  centred(doc, ticket.venueName, 96);
  doc.fillColor(MUTED);
  const productBottom = paragraph(p, { name: 'regular', size: 11 }, ticket.product, MARGIN + 30, 132, CONTENT - 60, true);
  doc.font('bold').fontSize(13).fillColor(INK);
  centred(doc, once(p, `price:${ticket.priceCents}`, () => labelled(bw.price, formatMoney(ticket.priceCents, language), language)), productBottom + 4);

  const when = validity(p, ticket);
  const boxY = 196;
  doc.rect(MARGIN + 60, boxY, CONTENT - 120, 52).lineWidth(1).strokeColor(ACCENT).stroke();
  doc.font('regular').fontSize(9).fillColor(MUTED);
  centred(doc, when.label, boxY + 9);
  doc.font('bold').fontSize(17).fillColor(INK);
  centred(doc, when.value, boxY + 23);

  const qrY = 266;
  drawQr(p.doc, ticket.qr, (PAGE_WIDTH - TICKET_QR) / 2, qrY, TICKET_QR);
  doc.font('regular').fontSize(8).fillColor(MUTED);
  centred(doc, words.ticketNumber, qrY + TICKET_QR + 6);
  doc.font('bold').fontSize(16).fillColor(INK);
  centred(doc, ticket.number.replace(/(\d{4})(?=\d)/g, '$1 '), qrY + TICKET_QR + 18);

  const gridY = qrY + TICKET_QR + 50;
  hRule(doc, gridY);
  const column = CONTENT / 3;
  field(doc, words.orderNumber, ticket.orderNumber, MARGIN, gridY + 12, column - 8);
  field(doc, bw.office, p.office, MARGIN + column, gridY + 12, column - 8);
  field(doc, bw.visit, bw.subGroup(section.subGroup.index, section.subGroup.count), MARGIN + 2 * column, gridY + 12, column - 8);
  field(doc, bw.companion, section.companion?.name ?? bw.noCompanion, MARGIN, gridY + 56, 2 * column - 8);
  if (ticket.holder) field(doc, words.holder, ticket.holder, MARGIN + 2 * column, gridY + 56, column - 8);

  const rulesY = gridY + 104;
  doc.rect(MARGIN, rulesY, CONTENT, ticket.kind === 'guide' ? 62 : 44).fillColor(SHADE).fill();
  doc.fillColor(INK);
  const entryBottom = paragraph(p, { name: 'regular', size: 9 }, bw.entry, MARGIN + 10, rulesY + 9, CONTENT - 20);
  if (ticket.kind === 'guide') paragraph(p, { name: 'bold', size: 9 }, bw.guideEntry, MARGIN + 10, entryBottom + 3, CONTENT - 20);
}

function coverPage(p: Painter, section: BundleSection, cover: BundleCover): void {
  const { doc, language } = p;
  const words = printWords[language];
  const bw = bundleWords[language];
  newPage(p, bw.coverTitle);
  doc.font('bold').fontSize(24).fillColor(INK).text(cover.venueName, MARGIN, 86, { lineBreak: false });
  doc.font('bold').fontSize(15).fillColor(ACCENT)
    .text(`${formatDateTime(cover.slotStartsAt, language, cover.timeZone)} — ${bw.subGroup(section.subGroup.index, section.subGroup.count)}`, MARGIN, 120, { lineBreak: false });

  const column = CONTENT / 3;
  field(doc, words.orderNumber, cover.orderNumber, MARGIN, 152, column - 8);
  if (cover.dossier) {
    const { name, reference } = cover.dossier;
    field(doc, bw.dossier, reference ? `${name} · ${reference}` : name, MARGIN + column, 152, column - 8);
    field(doc, bw.office, p.office, MARGIN + 2 * column, 152, column - 8);
  } else {
    field(doc, bw.office, p.office, MARGIN + column, 152, 2 * column - 8);
  }
  const companion = cover.companion ? `${cover.companion.name}${cover.companion.phone ? ` — ${cover.companion.phone}` : ''}` : bw.noCompanion;
  field(doc, bw.companion, companion, MARGIN, 196, CONTENT);

  // Head-count by tariff, left; the group code, right.
  const tableY = 246;
  doc.font('bold').fontSize(10.5).fillColor(INK).text(bw.headCount, MARGIN, tableY, { lineBreak: false });
  let y = tableY + 20;
  const tableWidth = CONTENT - GROUP_QR - 20;
  for (const tariff of cover.tariffs) {
    doc.font('regular').fontSize(9.5).fillColor(INK).text(tariff.product, MARGIN, y, { width: tableWidth - 40, height: 24, ellipsis: true });
    const bottom = Math.max(doc.y, y + 12);
    doc.font('bold').text(String(tariff.count), MARGIN + tableWidth - doc.widthOfString(String(tariff.count)), y, { lineBreak: false });
    y = bottom + 6;
    doc.moveTo(MARGIN, y - 3).lineTo(MARGIN + tableWidth, y - 3).lineWidth(0.4).strokeColor(RULE).stroke();
  }
  const people = cover.tariffs.reduce((sum, t) => sum + t.count, 0);
  doc.font('bold').fontSize(10.5).fillColor(INK).text(bw.people(people), MARGIN, y + 2, { lineBreak: false });

  const qrX = PAGE_WIDTH - MARGIN - GROUP_QR;
  if (cover.groupQr) {
    drawQr(p.doc, cover.groupQr, qrX, tableY, GROUP_QR);
    doc.font('regular').fontSize(8.5).fillColor(INK).text(bw.groupCode(people), qrX, tableY + GROUP_QR + 4, { width: GROUP_QR, align: 'center' });
  } else {
    doc.rect(qrX, tableY, GROUP_QR, 80).fillColor(SHADE).fill();
    doc.font('regular').fontSize(9).fillColor(INK).text(bw.partialGroup, qrX + 10, tableY + 12, { width: GROUP_QR - 20 });
  }

  const listY = Math.max(y + 40, tableY + GROUP_QR + 50);
  hRule(doc, listY - 10);
  doc.font('bold').fontSize(10.5).fillColor(INK).text(`${bw.ticketNumbers} (${cover.ticketNumbers.length})`, MARGIN, listY, { lineBreak: false });
  doc.font('regular').fontSize(9.5);
  const perColumn = Math.max(1, Math.ceil(cover.ticketNumbers.length / 4));
  const rowHeight = Math.min(13, (PAGE_HEIGHT - 60 - (listY + 20)) / perColumn);
  cover.ticketNumbers.forEach((number, i) => {
    doc.text(number, MARGIN + Math.floor(i / perColumn) * (CONTENT / 4), listY + 20 + (i % perColumn) * rowHeight, { lineBreak: false });
  });
}
