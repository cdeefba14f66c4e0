// A ticket bundle as the office prints it (DOMAIN.md §6): one A4 page per ticket, each page
// carrying its own ticket's QR code, number, venue, product and validity.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTicketsPdf, type PrintableTicket } from '../../src-main/core/print/ticketsPdf.node.ts';
import { verifyTicketQr } from '../../src-central/tickets/ticketSignature.node.ts';
import { keepPdf, pdfPageCount, pdfPngs, pdfText, scanQr, seedTickets, signingKey, undatedTicket } from './printFixtures.node.ts';

const A4_POINTS = { width: 595.28, height: 841.89 };

/** The images poppler finds on each page, with the size they are printed at. */
function pageImages(file: string) {
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return list
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => ({ page: Number(cols[0]), widthPx: Number(cols[3]), ppi: Number(cols[12]) }))
    .map((img) => ({ ...img, printedCm: (img.widthPx / img.ppi) * 2.54 }));
}

/** What a scanner reads from the first image on a page: poppler extracts it as PNG, zbar decodes it. */
function qrOfPage(file: string, page: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-qr-'));
  try {
    execFileSync('pdfimages', ['-png', '-f', String(page), '-l', String(page), file, path.join(dir, 'img')]);
    return scanQr(path.join(dir, 'img-000.png'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('ticket bundle', () => {
  it('prints three tickets on three A4 pages, each with its own number, QR code and the seed visit', async () => {
    const tickets = seedTickets(3);
    const file = keepPdf('tickets-fr', await renderTicketsPdf(tickets, { language: 'fr' }));
    pdfPngs(file);
    expect(pdfPageCount(file)).toBe(3);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
    expect([Number(size![1]), Number(size![2])]).toEqual([A4_POINTS.width, A4_POINTS.height]);

    const images = pageImages(file);
    expect(images.map((img) => img.page)).toEqual([1, 2, 3]);
    // Big enough to scan off a crumpled print from arm's length.
    for (const img of images) expect(img.printedCm).toBeGreaterThan(9);

    tickets.forEach((ticket, i) => {
      const text = pdfText(file, i + 1);
      expect(text).toContain('Sainte-Chapelle');
      expect(text).toContain('Valable uniquement le');
      expect(text).toContain('18 mars 2025 13:15');
      expect(text).toContain('N° de billet');
      expect(text).toContain(ticket.number);
      for (const other of tickets.filter((t) => t !== ticket)) expect(text).not.toContain(other.number);
      expect(text).toMatch(/N° de commande[^\n]*\n\s*GCH-2025-000042/);
      // The QR code on this page is this ticket's signed text, which a venue's scanner accepts.
      expect(qrOfPage(file, i + 1)).toBe(ticket.qr);
      expect(verifyTicketQr(ticket.qr, signingKey.publicKeyPem)).toMatchObject({ valid: true, facts: { number: ticket.number } });
    });

    const visitorPage = pdfText(file, 1);
    expect(visitorPage).toMatch(/Billet jumelé Ste-Chapelle - Conciergerie :\s+Tarif revendeur/);
    expect(visitorPage).not.toContain('Titulaire');
    const guidePage = pdfText(file, 3);
    expect(guidePage).toContain('Guide conférencier');
    expect(guidePage).toMatch(/Titulaire\s*\n.*Hélène Lefèvre/);
  });

  it('shows another ticket\'s QR code nowhere but on its own page', async () => {
    const [first, second] = seedTickets(2) as [PrintableTicket, PrintableTicket];
    const file = keepPdf('tickets-pair', await renderTicketsPdf([first, second], { language: 'fr' }));
    expect(qrOfPage(file, 1)).toBe(first.qr);
    expect(qrOfPage(file, 2)).toBe(second.qr);
  });

  it('gives an undated ticket its last valid day, in English', async () => {
    const file = keepPdf('tickets-en-undated', await renderTicketsPdf([undatedTicket], { language: 'en' }));
    pdfPngs(file);
    expect(pdfPageCount(file)).toBe(1);
    const text = pdfText(file);
    expect(text).toContain('E-TICKET');
    expect(text).toContain('Panthéon');
    expect(text).toContain('Undated adult group ticket - Panthéon: Reseller rate');
    expect(text).toContain('Valid until');
    expect(text).toContain('10 January 2028');
    expect(text).not.toContain('Valid only for');
    expect(text).toMatch(/Holder\s*\n.*Camille Martin/);
    expect(text).toContain('PAN-000981');
  });

  it('refuses an empty bundle rather than print a blank page', async () => {
    await expect(renderTicketsPdf([], { language: 'fr' })).rejects.toThrow(/at least one ticket/);
  });
});
