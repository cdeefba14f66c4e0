// The receipt an office files with its accounts ("Imprimer justificatif", DOMAIN.md §5), read
// back from the PDF the way a person or an accounting tool would: with poppler.
import { describe, expect, it } from 'vitest';
import type { WireOrder } from '../../src-main/contract/centralApi.std.ts';
import { PLATFORM } from '../../src-main/core/domain/platform.std.ts';
import { renderReceiptPdf } from '../../src-main/core/print/receiptPdf.node.ts';
import { PAGE_MARGINS } from '../../src-main/core/print/pdfStyle.std.ts';
import { OFFICE, cancelledVisitOrder, keepPdf, pdfPageCount, pdfPngs, pdfText, pdfWords, seedOrder } from './printFixtures.node.ts';

async function receipt(name: string, order: WireOrder, language: 'fr' | 'en') {
  const pdf = await renderReceiptPdf(order, OFFICE, { language });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const file = keepPdf(name, pdf);
  pdfPngs(file);
  return { pages: pdfPageCount(file), text: pdfText(file) };
}

describe('order receipt', () => {
  it('prints the seed order in French: seller, customer, the 16 × 17,00 € line, VAT and the card payment', async () => {
    const { pages, text } = await receipt('receipt-fr', seedOrder, 'fr');
    expect(pages).toBe(1);
    expect(text).toContain('Justificatif de commande');
    // The seller, a fictitious demo platform, and the office that bought.
    expect(text).toContain(PLATFORM.name);
    expect(text).toContain(`SIRET : ${PLATFORM.siret}`);
    expect(text).toContain(`N° TVA intracommunautaire : ${PLATFORM.vatNumber}`);
    expect(text).toContain(PLATFORM.customerServiceEmail);
    expect(text).toMatch(/Voyages Démo/);
    expect(text).toContain('Camille Martin');
    // The order.
    expect(text).toMatch(/N° de commande\s+GCH-2025-000042/);
    expect(text).toMatch(/Date de commande\s+10 janvier 2025 10:30/);
    expect(text).toMatch(/État\s+Payée/);
    expect(text).toMatch(/Moyen de paiement\s+Carte bancaire •••• 4242 — autorisation AUT-7F3K9Q/);
    // The booking: venue and visit in Paris time, the reseller line and the free guide.
    expect(text).toMatch(/Sainte-Chapelle\s+18 mars 2025 13:15/);
    expect(text).toMatch(/Produit\s+Prix unitaire\s+Quantité\s+Total/);
    expect(text).toMatch(/Billet jumelé Ste-\s.*17,00 €\s+16\s+272,00 €/);
    expect(text).toContain('Tarif revendeur');
    expect(text).toMatch(/Guide conférencier \(carte de guide professionnel en cours de\s+0,00 €\s+1\s+0,00 €/);
    // Totals and VAT.
    expect(text).toMatch(/Remises\s+0,00 €/);
    expect(text).toMatch(/Montant total TTC\s+272,00 €/);
    expect(text).toContain('Détail de la TVA');
    expect(text).toMatch(/Taux\s+Base HT\s+TVA/);
    expect(text).toMatch(/5,5 %\s+257,82 €\s+14,18 €/);
    expect(text).toContain('Les réservations confirmées par paiement ne sont pas remboursables.');
    expect(text).not.toContain('Remboursement dû');
    expect(text).toMatch(/Page 1 \/ 1/);
  });

  it('in English, marks the visit the venue cancelled, shows the transfer reference, the discount and the refund owed', async () => {
    const { text } = await receipt('receipt-en-cancelled', cancelledVisitOrder, 'en');
    expect(text).toContain('Order receipt');
    expect(text).toMatch(/Status\s+To be refunded/);
    expect(text).toMatch(/Payment method\s+Bank transfer — reference to quote: VIR-GCH-2025-000043/);
    expect(text).toMatch(/Sainte-Chapelle\s+18 March 2025 1:15 pm\s+CANCELLED BY THE VENUE/);
    expect(text).toMatch(/Conciergerie\s+19 March 2025 10:30 am\s*\n/);
    expect(text).toMatch(/Conciergerie: Reseller rate\s+€10.00\s+10\s+€100.00/);
    expect(text).toMatch(/Discounts\s+-€20.00/);
    expect(text).toMatch(/Total amount incl. VAT\s+€352.00/);
    expect(text).toMatch(/5.5%\s+€333.65\s+€18.35/);
    expect(text).toMatch(/Refund owed\s+€272.00/);
    expect(text).toContain('Bookings confirmed by payment are non-refundable.');
  });

  it('keeps a long card authorization id inside the right margin, and all of it', async () => {
    const references = [
      // As the test acquirer writes them: 46 characters, hyphens and underscores.
      'test_auth_65cd2752-e1e6-4075-be07-87c334ac1775',
      // As an acquirer may: one run of 93 characters with nowhere to break.
      `AUTH${'7F3K9Q2M'.repeat(11)}X`,
    ];
    for (const [n, reference] of references.entries()) {
      const order: WireOrder = { ...seedOrder, payment: { ...seedOrder.payment, reference } };
      for (const language of ['fr', 'en'] as const) {
        const file = keepPdf(`receipt-long-authorization-${n}-${language}`, await renderReceiptPdf(order, OFFICE, { language }));
        pdfPngs(file);
        const beyond = pdfWords(file).filter((w) => w.xMax > w.pageWidth - PAGE_MARGINS[2] + 0.5);
        expect(beyond.map((w) => w.text), `${reference} (${language})`).toEqual([]);
        expect(pdfText(file).replace(/\s+/g, '')).toContain(reference);
      }
    }
  });

  it('tells an office paying by transfer that the tickets wait for the money', async () => {
    const awaiting: WireOrder = {
      ...seedOrder, state: 'awaiting_transfer', paidAt: null, paymentDueAt: '2025-01-15T09:30:00.000Z',
      payment: { method: 'transfer', cardLast4: null, reference: 'VIR-GCH-2025-000042' },
    };
    const { text } = await receipt('receipt-fr-transfer', awaiting, 'fr');
    expect(text).toMatch(/État\s+En attente du virement/);
    expect(text).toMatch(/Virement bancaire — référence à indiquer : VIR-GCH-2025-000042/);
    expect(text).toMatch(/À recevoir au plus tard le 15 janvier 2025 10:30\s*: sinon la commande est annulée et les places sont\s+remises en vente\./);
    expect(text).toContain('Les billets sont délivrés à réception du virement.');
    expect(text).not.toContain('Date de paiement');
  });

  it('says when and why an order whose transfer never came was cancelled', async () => {
    const cancelled: WireOrder = {
      ...seedOrder, state: 'cancelled', paidAt: null, paymentDueAt: '2025-01-15T09:30:00.000Z',
      cancelledAt: '2025-01-15T09:30:20.000Z', cancelReason: 'unpaid', payment: { method: 'transfer', cardLast4: null, reference: 'VIR-GCH-2025-000042' },
    };
    const { text } = await receipt('receipt-en-cancelled-unpaid', cancelled, 'en');
    expect(text).toMatch(/Status\s+Cancelled/);
    expect(text).toMatch(/Cancelled on\s+15 January 2025/);
    expect(text).toContain('The transfer was not received by its deadline: the places went back on sale.');
  });

  it('leaves out the VAT breakdown when the order carries none', async () => {
    const { text } = await receipt('receipt-fr-novat', { ...seedOrder, vat: [] }, 'fr');
    expect(text).not.toContain('Détail de la TVA');
    expect(text).toMatch(/Montant total TTC\s+272,00 €/);
  });

  it('spreads a long order over numbered pages without splitting a visit', async () => {
    const booking = seedOrder.bookings[0]!;
    const many: WireOrder = {
      ...seedOrder,
      bookings: Array.from({ length: 14 }, (_, i) => ({
        ...booking,
        optionId: `option-${i}`,
        startsAt: new Date(Date.parse(booking.startsAt) + i * 15 * 60_000).toISOString(),
      })),
      totalCents: 14 * 27200,
      vat: [{ rateBp: 550, baseCents: 360948, vatCents: 19852 }],
    };
    const pdf = await renderReceiptPdf(many, OFFICE, { language: 'fr' });
    const file = keepPdf('receipt-fr-long', pdf);
    pdfPngs(file);
    const pages = pdfPageCount(file);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(file, page);
      expect(text).toContain(`Page ${page} / ${pages}`);
      expect(text).toContain('GCH-2025-000042');
      // Every visit heading on a page is followed, on that page, by its table.
      const headings = text.match(/Sainte-Chapelle\s+18 mars 2025 \d\d:\d\d/g) ?? [];
      const tables = text.match(/Produit\s+Prix unitaire/g) ?? [];
      expect(tables.length).toBe(headings.length);
    }
    const all = pdfText(file);
    for (const time of ['13:15', '14:00', '16:30']) expect(all).toContain(`18 mars 2025 ${time}`);
    expect(all).toMatch(/Montant total TTC\s+3 808,00 €/);
    expect(all).toMatch(/5,5 %\s+3 609,48 €\s+198,52 €/);
  });

  it('prints the vouchers an order bought: museum, tariff, validity, 30 × 15,00 € and the total', async () => {
    const order: WireOrder = {
      ...seedOrder, bookings: [], totalCents: 45_000, vat: [{ rateBp: 0, baseCents: 45_000, vatCents: 0 }],
      voucherLines: [{
        itemId: 'item-1', museumId: 'mad-contremarques', museumName: 'Musée des Arts Décoratifs – Contremarques', tariffId: 'mad-contremarques:plein',
        label: { fr: 'Contremarque plein tarif', en: 'Voucher, full price' }, unitCents: 1500, quantity: 30, totalCents: 45_000, vatRateBp: 0, validityMonths: 12,
      }],
    };
    // Words as a reader sees them, whatever the line breaks.
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const fr = flat((await receipt('receipt-vouchers-fr', order, 'fr')).text);
    expect(fr).toContain('Musée des Arts Décoratifs – Contremarques — Contremarque');
    expect(fr).toMatch(/15,00 € 30 450,00 €/);
    expect(fr).toContain('valable 12 mois à compter du paiement');
    expect(fr).toMatch(/Montant total TTC 450,00 €/);
    const en = flat((await receipt('receipt-vouchers-en', order, 'en')).text);
    expect(en).toContain('Voucher, full price');
    expect(en).toMatch(/€15.00 30 €450.00/);
    expect(en).toContain('valid 12 months from payment');
  });
});
