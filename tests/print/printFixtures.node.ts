// The seed's example order (DOMAIN.md §5): a Sainte-Chapelle group on 18 March 2025 at 13:15,
// 16 reseller combined tickets at 17,00 € and one free tour guide, paid by card; and the
// tickets it produced, signed as the service signs them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WireOrder } from '../../src-main/contract/centralApi.std.ts';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { demoProducts } from '../../src-main/core/domain/demoCatalogue.std.ts';
import type { PrintableTicket } from '../../src-main/core/print/ticketsPdf.node.ts';
import { createTicketSigner, generateSigningKey } from '../../src-central/tickets/ticketSignature.node.ts';

const product = (id: string) => {
  const found = demoProducts.find((p) => p.id === id);
  if (!found) throw new Error(`no demo product ${id}`);
  return found;
};

export const SAINTE_CHAPELLE_AT = '2025-03-18T12:15:00.000Z'; // 13:15 in Paris (CET)
const reseller = product('sainte-chapelle:visitor-reseller');
const guide = product('sainte-chapelle:guide');

export const OFFICE = { company: 'Voyages Démo', contactName: 'Camille Martin', email: 'demo@guichet.example' };

export const seedOrder: WireOrder = {
  id: '6c1f7a52-3a7e-4d0b-9a43-51f0f0b6b2a1',
  number: 'GCH-2025-000042',
  state: 'paid',
  createdAt: '2025-01-10T09:30:00.000Z',
  paidAt: '2025-01-10T09:31:12.000Z',
  refundedAt: null,
  paymentDueAt: null,
  cancelledAt: null,
  cancelReason: null,
  payment: { method: 'card', cardLast4: TEST_CARDS.approved.slice(-4), reference: 'AUT-7F3K9Q' },
  bookings: [{
    optionId: '0b9d3c1e-7f0a-4f55-8a8b-2f4b7e9d6c10',
    venueId: 'sainte-chapelle',
    venueName: 'Sainte-Chapelle',
    slotId: `sainte-chapelle:${SAINTE_CHAPELLE_AT}`,
    startsAt: SAINTE_CHAPELLE_AT,
    composition: { visitors: 16, guides: 1, leaders: 0 },
    cancelledByVenue: false,
    lines: [
      { productId: reseller.id, label: reseller.label, unitCents: 1700, quantity: 16, totalCents: 27200, vatRateBp: 550 },
      { productId: guide.id, label: guide.label, unitCents: 0, quantity: 1, totalCents: 0, vatRateBp: 550 },
    ],
    companions: [{
      kind: 'guide', index: 0, companionId: 'a3e4c2d1-5b6f-4e7a-8c9d-0e1f2a3b4c5d',
      surname: 'Lefèvre', firstName: 'Hélène', email: 'helene.lefevre@example.org', phone: '+33 6 12 34 56 78', placeholder: false,
    }],
  }],
  voucherLines: [],
  totalCents: 27200,
  discountCents: 0,
  // 272,00 € TTC at 5,5 %: 257,82 € + 14,18 €.
  vat: [{ rateBp: 550, baseCents: 25782, vatCents: 1418 }],
  refundCents: 0,
};

/** The same visit cancelled by the venue, after a second booking paid by transfer: a refund is owed. */
export const cancelledVisitOrder: WireOrder = {
  ...seedOrder,
  id: 'e2b8a0d4-1c3f-4b5a-9e6d-7f8a9b0c1d2e',
  number: 'GCH-2025-000043',
  state: 'to_be_refunded',
  payment: { method: 'transfer', cardLast4: null, reference: 'VIR-GCH-2025-000043' },
  bookings: [
    { ...seedOrder.bookings[0]!, cancelledByVenue: true },
    {
      optionId: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f',
      venueId: 'conciergerie',
      venueName: 'Conciergerie',
      slotId: 'conciergerie:2025-03-19T09:30:00.000Z',
      startsAt: '2025-03-19T09:30:00.000Z',
      composition: { visitors: 10, guides: 0, leaders: 0 },
      cancelledByVenue: false,
      lines: [{
        productId: 'conciergerie:visitor-reseller', label: product('conciergerie:visitor-reseller').label,
        unitCents: 1000, quantity: 10, totalCents: 10000, vatRateBp: 550,
      }],
      companions: [],
    },
  ],
  totalCents: 35200,
  discountCents: 2000,
  vat: [{ rateBp: 550, baseCents: 33365, vatCents: 1835 }],
  refundCents: 27200,
};

export const signingKey = generateSigningKey();
const signer = createTicketSigner(signingKey.privateKeyPem);

export function seedTickets(count: number): PrintableTicket[] {
  const validUntil = '2025-03-18T13:15:00.000Z';
  return Array.from({ length: count }, (_, i) => {
    const isGuide = i === count - 1;
    const facts = {
      number: `SC25-0318-${String(4711 + i).padStart(6, '0')}`,
      venueId: 'sainte-chapelle',
      slotId: `sainte-chapelle:${SAINTE_CHAPELLE_AT}`,
      kind: isGuide ? ('guide' as const) : ('visitor' as const),
      validFrom: SAINTE_CHAPELLE_AT,
      validUntil,
    };
    return {
      number: facts.number,
      qr: signer.sign(facts),
      label: isGuide ? guide.label : reseller.label,
      venueName: 'Sainte-Chapelle',
      slotId: facts.slotId,
      validFrom: facts.validFrom,
      validUntil: facts.validUntil,
      orderNumber: seedOrder.number,
      holder: isGuide ? 'Hélène Lefèvre' : null,
    };
  });
}

/** An undated ticket, bought in advance for a monument booked on request: valid three years (DOMAIN.md §6). */
export const undatedTicket: PrintableTicket = {
  number: 'PAN-000981',
  qr: signer.sign({
    number: 'PAN-000981', venueId: 'pantheon', slotId: null, kind: 'visitor',
    validFrom: '2025-01-10T09:31:12.000Z', validUntil: '2028-01-10T09:31:12.000Z',
  }),
  label: { fr: 'Billet non daté groupe adulte - Panthéon : Tarif revendeur', en: 'Undated adult group ticket - Panthéon: Reseller rate' },
  venueName: 'Panthéon',
  slotId: null,
  validFrom: '2025-01-10T09:31:12.000Z',
  validUntil: '2028-01-10T09:31:12.000Z',
  orderNumber: 'GCH-2025-000044',
  holder: 'Camille Martin',
};

// ---------- reading a PDF back, as poppler sees it ----------

const PDF_DIR = path.resolve(import.meta.dirname, '../../test-results/pdf');

/** Writes the PDF under test-results/pdf (kept for a human to look at) and returns its path. */
export function keepPdf(name: string, pdf: Buffer): string {
  fs.mkdirSync(PDF_DIR, { recursive: true });
  const file = path.join(PDF_DIR, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match) throw new Error(`pdfinfo gave no page count:\n${info}`);
  return Number(match[1]);
}

/** The text of the PDF with every kind of space as a plain space, so "272,00 €" matches whatever Intl put in it. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f\u2009]/g, ' ');
}

/** Each word pdftotext finds, with its box in points from the page's top left corner. */
export function pdfWords(file: string): { text: string; xMax: number; pageWidth: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const words: { text: string; xMax: number; pageWidth: number }[] = [];
  for (const page of xml.split('<page ').slice(1)) {
    const pageWidth = Number(/width="([\d.]+)"/.exec(page)![1]);
    for (const match of page.matchAll(/<word [^>]*xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
      words.push({ text: match[2]!, xMax: Number(match[1]), pageWidth });
    }
  }
  return words;
}

/** Renders each page to test-results/pdf/<name>-<n>.png at 60 dpi, to look at the layout. */
export function pdfPngs(file: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', file, file.replace(/\.pdf$/, '')]);
}

/**
 * The QR codes zbar reads in an image, as a venue's scanner set to QR reads them. With every
 * symbology on, zbar now and then also "finds" a short 1-D barcode in a QR code's own modules
 * (a page read "<code>\n715190"), depending on the random bytes of the signature.
 */
export function scanQr(png: string): string {
  // zbarimg complains on stderr that there is no D-Bus here; only its answer matters.
  return execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** Every page rendered at 150 dpi, each page's QR code decoded by zbar, in page order. */
export function decodedQrs(pdf: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-qr-'));
  try {
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', pdf, path.join(dir, 'page')]);
    return fs.readdirSync(dir).sort().map((png) => scanQr(path.join(dir, png)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const tempPdfPath = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-pdf-')), `${name}.pdf`);
