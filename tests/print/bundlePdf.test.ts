// The bundle's pages as poppler reads them: what an agent hands out and a gate reads.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeBundlePdf } from '../../src-main/core/print/bundle/bundlePdf.node.ts';
import type { BundleCover, BundleDocument, BundleTicketPage } from '../../src-main/core/print/bundle/bundleModel.std.ts';
import { pdfPageCount, pdfText, tempPdfPath } from './printFixtures.node.ts';

const ticket = (number: string, patch: Partial<BundleTicketPage> = {}): BundleTicketPage => ({
  number, qr: `GCH1.${number}.signed`, kind: 'visitor', product: 'Panthéon : Tarif revendeur', priceCents: 1150, venueName: 'Panthéon',
  timeZone: 'Europe/Paris', slotStartsAt: '2025-03-18T12:15:00.000Z', validUntil: '2025-03-18T13:15:00.000Z', orderNumber: 'GCH-2025-000007', holder: null,
  ...patch,
});

function bundle(language: 'fr' | 'en', tickets: BundleTicketPage[], groupQr: string | null, dossier: BundleCover['dossier'] = null): BundleDocument {
  const companion = { name: 'Lola LAGO', phone: null };
  return {
    title: 'Test', language, office: 'Voyages Lumière',
    sections: [{
      subGroup: { index: 2, count: 3 }, companion, tickets,
      cover: {
        venueName: 'Panthéon', timeZone: 'Europe/Paris', slotStartsAt: '2025-03-18T12:15:00.000Z', companion, orderNumber: 'GCH-2025-000007',
        tariffs: [{ product: 'Tarif revendeur', count: tickets.length }], ticketNumbers: tickets.map((t) => t.number), groupQr, dossier,
      },
    }],
  };
}

async function written(doc: BundleDocument): Promise<{ file: string; progress: number[] }> {
  const file = tempPdfPath('bundle');
  const progress: number[] = [];
  await writeBundlePdf(doc, fs.createWriteStream(file), (done) => progress.push(done));
  return { file, progress };
}

describe('the bundle PDF', () => {
  it('in English: the slot in the venue’s time, the tariff and price, the sub-group and its companion, the guide’s card', async () => {
    const { file, progress } = await written(bundle('en', [ticket('1000000001'), ticket('1000000002', { kind: 'guide', product: 'Tour guide', priceCents: 0 })], 'GCG1.x.y'));
    expect(pdfPageCount(file)).toBe(3);
    expect(progress).toEqual([1, 2, 3]);
    const cover = pdfText(file, 1);
    expect(cover).toContain('GROUP SHEET');
    expect(cover).toContain('18 March 2025 1:15 pm — Sub-group 2/3');
    expect(cover).toContain('Lola LAGO');
    expect(cover).toMatch(/Group code: one scan at the entrance admits the 2 people of the\s+sub-group\./);
    expect(cover).toMatch(/1000000001\s+1000000002/);
    const visitor = pdfText(file, 2);
    expect(visitor).toContain('Valid only for');
    expect(visitor).toContain('18 March 2025 1:15 pm');
    expect(visitor).toContain('Tariff: €11.50');
    expect(visitor).toContain('Sub-group 2/3');
    expect(visitor).toContain('GCH-2025-000007');
    expect(visitor).not.toContain('professional guide card');
    expect(pdfText(file, 3)).toContain('Tour guide: show your valid professional guide card at the entrance.');
  });

  it('in French: an undated ticket says until when it is valid, and a partial sub-group says why its cover has no group code', async () => {
    const { file } = await written(bundle('fr', [ticket('1000000003', { slotStartsAt: null, validUntil: '2028-03-18T12:00:00.000Z' })], null,
      { name: 'Lycée Voltaire', reference: 'LV-2025-03' }));
    const cover = pdfText(file, 1);
    expect(cover).toContain('FEUILLE DE GROUPE');
    // The client group's name and reference on the cover, beside the order.
    expect(cover).toMatch(/N° de commande\s+Dossier\s+Agence/);
    expect(cover).toContain('Lycée Voltaire · LV-2025-03');
    expect(cover).toContain('le code de groupe n’y est pas imprimé');
    const page = pdfText(file, 2);
    expect(page).toContain('Valable jusqu’au');
    expect(page).toContain('18 mars 2028');
    expect(page).toContain('Tarif : 11,50 €');
  });

  it('refuses an empty bundle rather than writing an empty file', () => {
    expect(() => writeBundlePdf({ title: 'x', language: 'fr', office: '', sections: [] }, fs.createWriteStream(tempPdfPath('empty')), () => {}))
      .toThrow(RangeError);
  });
});
