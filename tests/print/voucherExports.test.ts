// Issue 12 §5, the exports an office hands vouchers out with: a PDF with one code a page (read
// back with poppler, each page's QR decoded by zbar) and an Excel workbook with every code in
// column K, as the platform's export has them (read back with exceljs).
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newVoucherCode } from '../../src-main/core/domain/voucherCode.std.ts';
import type { VoucherExportRow } from '../../src-main/core/print/vouchers/voucherExport.std.ts';
import { writeVoucherPdf } from '../../src-main/core/print/vouchers/voucherPdf.node.ts';
import { voucherWorkbook } from '../../src-main/core/print/vouchers/voucherXlsx.node.ts';
import { decodedQrs, keepPdf, pdfPageCount, pdfPngs, pdfText, tempPdfPath } from './printFixtures.node.ts';


function vouchers(count: number): VoucherExportRow[] {
  return Array.from({ length: count }, (_, i) => ({
    code: newVoucherCode(), museum: i % 2 ? 'Musée Nissim de Camondo' : 'Musée des Arts Décoratifs – Contremarques',
    tariff: 'Contremarque plein tarif', priceCents: 1400, orderNumber: 'GCH-2026-000042', purchasedAt: '2026-12-01T09:30:00.000Z',
    status: i === 1 ? 'assigned' : i === 2 ? 'used' : 'unassigned',
    recipientEmail: i === 1 ? 'lea.durand@example.org' : null, recipientName: i === 1 ? 'Léa Durand' : null,
    assignedAt: i === 1 ? '2026-12-01T10:00:00.000Z' : null, usedAt: i === 2 ? '2026-12-02T14:05:00.000Z' : null, validUntil: '2027-12-31',
  }));
}

/** exceljs declares its own Buffer (an ArrayBuffer): the bytes are handed over as one. */
async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

async function pdfOf(rows: VoucherExportRow[], language: 'fr' | 'en', name: string): Promise<string> {
  const file = tempPdfPath(name);
  await writeVoucherPdf(rows, language, fs.createWriteStream(file));
  return keepPdf(name, fs.readFileSync(file));
}

describe('voucher exports', () => {
  it('prints one code a page, each page’s QR code reading back as its code', async () => {
    const rows = vouchers(12);
    const file = await pdfOf(rows, 'fr', 'vouchers-fr');
    pdfPngs(file);
    expect(pdfPageCount(file)).toBe(12);
    expect(decodedQrs(file)).toEqual(rows.map((r) => r.code));
    const first = pdfText(file, 1);
    expect(first).toContain(rows[0]!.code);
    expect(first).toContain('Musée des Arts Décoratifs – Contremarques');
    expect(first).toMatch(/Contremarque plein tarif — 14,00 €/);
    expect(first).toContain('Valable jusqu’au 31 décembre 2027 inclus');
    expect(first).toContain('Commande GCH-2026-000042 du 1 décembre 2026');
    expect(pdfText(file, 2)).toContain('Affectée à Léa Durand <lea.durand@example.org> le 1 décembre 2026');
    expect(pdfText(file, 3)).toMatch(/Utilisée le 2 décembre 2026 15:05/);
    // Each page names only its own code.
    for (const [i, row] of rows.entries()) expect(rows.filter((r) => pdfText(file, i + 1).includes(r.code))).toEqual([row]);
  });

  it('writes every code in column K, and nothing else there, with the office’s columns around it', async () => {
    const rows = vouchers(25);
    const workbook = await readWorkbook(await voucherWorkbook(rows, 'fr'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Contremarques');
    const column = (letter: string) => (sheet.getColumn(letter).values as unknown[]).slice(1);
    expect(column('K')).toEqual(['Code promotionnel', ...rows.map((r) => r.code)]);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Commande', 'Date d’achat', 'Musée', 'Tarif', 'Prix', 'Statut',
      'E-mail du destinataire', 'Destinataire', 'Affecté le', 'Utilisé le', 'Code promotionnel', 'Valable jusqu’au']);
    const assigned = sheet.getRow(3);
    expect(assigned.getCell('F').value).toBe('Affecté');
    expect(assigned.getCell('G').value).toBe('lea.durand@example.org');
    // The museum's wall time, as an Excel date: 10:00 UTC is 11:00 in Paris in December.
    expect((assigned.getCell('I').value as Date).toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(sheet.getRow(2).getCell('E').value).toBe(14);
    expect(sheet.getRow(2).getCell('E').numFmt).toContain('€');
  });

  it('says the columns in English for an English export', async () => {
    const workbook = await readWorkbook(await voucherWorkbook(vouchers(2), 'en'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell('K').value).toBe('Promotional code');
    expect(sheet.getRow(3).getCell('F').value).toBe('Assigned');
    const file = await pdfOf(vouchers(1), 'en', 'vouchers-en');
    expect(pdfText(file)).toContain('Valid until 31 December 2027 inclusive');
  });
});
