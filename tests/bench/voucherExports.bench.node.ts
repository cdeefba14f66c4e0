// Exports of 1,000 voucher codes, as an office takes them after a large order: the PDF with one
// code a page and the Excel workbook with every code in column K. Median of 5 runs after a
// warm-up, with the spread, and the bytes written. Target: each under 2 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newVoucherCode } from '../../src-main/core/domain/voucherCode.std.ts';
import type { VoucherExportRow } from '../../src-main/core/print/vouchers/voucherExport.std.ts';
import { writeVoucherPdf } from '../../src-main/core/print/vouchers/voucherPdf.node.ts';
import { voucherWorkbook } from '../../src-main/core/print/vouchers/voucherXlsx.node.ts';

const COUNT = 1_000;
const RUNS = 5;

function rows(): VoucherExportRow[] {
  return Array.from({ length: COUNT }, (_, i) => ({
    code: newVoucherCode(), museum: 'Musée des Arts Décoratifs – Contremarques', tariff: 'Contremarque plein tarif', priceCents: 1400,
    orderNumber: 'GCH-2026-000042', purchasedAt: '2026-12-01T09:30:00.000Z', status: i % 3 ? 'unassigned' : 'assigned',
    recipientEmail: i % 3 ? null : `visiteur${i}@example.org`, recipientName: null, assignedAt: i % 3 ? null : '2026-12-01T10:00:00.000Z',
    usedAt: null, validUntil: '2027-12-31',
  }));
}

async function timed(run: () => Promise<number>): Promise<{ medianMs: number; minMs: number; maxMs: number; bytes: number }> {
  await run();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    bytes = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: Math.round(times[Math.floor(RUNS / 2)]!), minMs: Math.round(times[0]!), maxMs: Math.round(times[RUNS - 1]!), bytes };
}

export async function benchVoucherExports(): Promise<void> {
  const data = rows();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-vouchers-'));
  try {
    const file = path.join(dir, 'vouchers.pdf');
    const pdf = await timed(async () => {
      await writeVoucherPdf(data, 'fr', fs.createWriteStream(file));
      return fs.statSync(file).size;
    });
    const xlsx = await timed(async () => (await voucherWorkbook(data, 'fr')).length);
    console.log(`voucher exports, ${COUNT} codes (target < 2,000 ms each):`);
    console.log(`  PDF, one code a page: median ${pdf.medianMs} ms (${pdf.minMs}–${pdf.maxMs}), ${(pdf.bytes / 1024).toFixed(0)} KiB`);
    console.log(`  Excel, codes in column K: median ${xlsx.medianMs} ms (${xlsx.minMs}–${xlsx.maxMs}), ${(xlsx.bytes / 1024).toFixed(0)} KiB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
