// A 1,000-ticket bundle (40 sub-groups of 25, with their covers) made the way the desk makes it
// (the bundle queue's worker thread, PDFKit drawn directly): pages per second, bytes per page
// beyond the embedded fonts, peak memory and the main thread's event-loop delay while it runs.
// The same tickets made the obvious way (pdfmake + qrcode, in the main thread) for the ratio,
// the central service's e-mailed tickets, and the time from "Print" to the job accepted by a
// real CUPS queue.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBundleQueue } from '../../src-main/core/print/bundle/bundleQueue.node.ts';
import type { BundleDocument, BundleSection } from '../../src-main/core/print/bundle/bundleModel.std.ts';
import { createCupsPrinter } from '../../src-main/core/print/printers/cupsPrinter.node.ts';
import QRCode from 'qrcode';
import { renderPdf } from '../../src-main/core/print/renderPdf.node.ts';
import { renderTicketsPdf, type PrintableTicket } from '../../src-main/core/print/ticketsPdf.node.ts';
import { createTicketSigner, generateSigningKey } from '../../src-central/tickets/ticketSignature.node.ts';
import { cupsMissing, startCups } from '../support/cups.node.ts';

const SECTIONS = 40;
const PER_SECTION = 25;
const STARTS_AT = '2026-03-18T12:15:00.000Z';
const UNTIL = '2026-03-18T13:15:00.000Z';
const OBVIOUS_SAMPLE = 100;

function bundleOf(sections: number): { bundle: BundleDocument; plain: PrintableTicket[] } {
  const signer = createTicketSigner(generateSigningKey().privateKeyPem);
  const plain: PrintableTicket[] = [];
  let next = 1_000_000_000;
  const list: BundleSection[] = Array.from({ length: sections }, (_, s) => {
    const slotId = `sainte-chapelle:2026-03-18T${String(9 + (s % 8)).padStart(2, '0')}:15`;
    const tickets = Array.from({ length: PER_SECTION }, (_, i) => {
      const kind = i === 0 ? 'guide' as const : 'visitor' as const;
      const number = `${next++}${i % 10}`;
      const qr = signer.sign({ number, venueId: 'sainte-chapelle', slotId, kind, validFrom: STARTS_AT, validUntil: UNTIL });
      const product = kind === 'guide'
        ? 'Guide conférencier (carte de guide professionnel en cours de validité)'
        : 'Réservation obligatoire - Créneaux groupe adulte - Billet jumelé Ste-Chapelle - Conciergerie : Tarif revendeur';
      plain.push({ number, qr, label: { fr: product, en: product }, venueName: 'Sainte-Chapelle', slotId, validFrom: STARTS_AT, validUntil: UNTIL, orderNumber: 'GCH-2026-000042', holder: null });
      return {
        number, qr, kind, product, priceCents: kind === 'guide' ? 0 : 1700, venueName: 'Sainte-Chapelle', timeZone: 'Europe/Paris',
        slotStartsAt: STARTS_AT, validUntil: UNTIL, orderNumber: 'GCH-2026-000042', holder: null,
      };
    });
    const companion = { name: 'Anna NDIAYE', phone: '+33 6 12 34 56 78' };
    return {
      subGroup: { index: (s % 3) + 1, count: 3 }, companion, tickets,
      cover: {
        venueName: 'Sainte-Chapelle', timeZone: 'Europe/Paris', slotStartsAt: STARTS_AT, companion, orderNumber: 'GCH-2026-000042',
        tariffs: [{ product: 'Tarif revendeur', count: PER_SECTION - 1 }, { product: 'Guide conférencier', count: 1 }],
        ticketNumbers: tickets.map((t) => t.number),
        groupQr: signer.signGroup({
          groupId: `option-${s}`, revision: 1, venueId: 'sainte-chapelle', slotId, people: { visitors: PER_SECTION - 1, guides: 1, leaders: 0 },
          ticketNumbers: tickets.map((t) => t.number),
        }),
        dossier: { name: 'Lycée Voltaire', reference: 'LV-2025-03' },
      },
    };
  });
  return { bundle: { title: 'Bench', language: 'fr', office: 'Voyages Lumière', sections: list }, plain };
}

interface Made {
  ms: number;
  baseRssMb: number;
  bytes: number;
  file: string;
  p99Ms: number;
  maxMs: number;
  peakRssMb: number;
}

/** The real queue and its worker thread, as the desk runs them: bundles one after the other. */
function benchQueue(dir: string) {
  const waiting = new Map<string, (file: string) => void>();
  const queue = createBundleQueue({
    dir, now: () => new Date(), onChange: (job) => {
      if (job.state === 'done') waiting.get(job.id)?.(queue.fileOf(job.id)!);
      if (job.state === 'failed') throw new Error(job.error?.message);
    },
  });
  return {
    close: () => queue.close(),
    /** Makes one bundle, watching the main thread's event loop and the process's memory meanwhile. */
    async make(bundle: BundleDocument): Promise<Made> {
      const delay = monitorEventLoopDelay({ resolution: 5 });
      const baseRss = process.memoryUsage().rss;
      let peakRss = baseRss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
      delay.enable();
      const started = performance.now();
      const job = queue.enqueue({ document: bundle, fileName: 'bench.pdf', ticketCount: 0, leftOut: [], printed: [] });
      const file = await new Promise<string>((resolve) => waiting.set(job.id, resolve));
      const ms = performance.now() - started;
      delay.disable();
      clearInterval(sampler);
      const kept = path.join(os.tmpdir(), `guichet-bench-${path.basename(file)}`);
      fs.copyFileSync(file, kept);
      return {
        ms, baseRssMb: baseRss / 1e6, bytes: fs.statSync(file).size, file: kept,
        p99Ms: delay.percentile(99) / 1e6, maxMs: delay.max / 1e6, peakRssMb: peakRss / 1e6,
      };
    },
  };
}

export async function benchBundle(): Promise<void> {
  const atStart = process.memoryUsage().rss / 1e6;
  const { bundle, plain } = bundleOf(SECTIONS);
  const pages = SECTIONS * (PER_SECTION + 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-bundle-'));
  console.log(`bundle (${SECTIONS} sub-groups of ${PER_SECTION} tickets with their covers: ${pages} pages, real Ed25519-signed codes)`);
  console.log(`  memory of the bench process before any bundle: ${atStart.toFixed(0)} MB (tsx, the modules), ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB with the tickets prepared`);
  try {
    const queue = benchQueue(dir);
    // The first bundle of a launch also starts the worker thread and loads PDFKit and the fonts in it.
    const warm = await queue.make(bundleOf(1).bundle);
    const one = warm.bytes;
    console.log(`  first bundle of a launch (1 sub-group, ${PER_SECTION + 1} pages, starts the worker): ${warm.ms.toFixed(0)} ms, ${one} bytes`);
    const made = await queue.make(bundle);
    await queue.close();
    const perPage = (made.bytes - one) / (pages - (PER_SECTION + 1));
    console.log(`  worker + PDFKit: ${made.ms.toFixed(0)} ms, ${(pages / (made.ms / 1000)).toFixed(0)} pages/s, ${(made.bytes / 1e6).toFixed(2)} MB`);
    console.log(`    bytes per page beyond the fonts: ${perPage.toFixed(0)} (whole file / pages: ${(made.bytes / pages).toFixed(0)})`);
    console.log(`    main thread event-loop delay while it runs: p99 ${made.p99Ms.toFixed(1)} ms, max ${made.maxMs.toFixed(1)} ms`);
    console.log(`    peak memory of the process (RSS, worker included): ${made.peakRssMb.toFixed(0)} MB, from ${made.baseRssMb.toFixed(0)} MB before (+${(made.peakRssMb - made.baseRssMb).toFixed(0)} MB)`);

    // The obvious way is slow enough that a tenth of the tickets tells its rate.
    const sample = plain.slice(0, OBVIOUS_SAMPLE);
    const obvious = await timedPdf(() => obviousPdf(sample));
    console.log(`  obvious way (pdfmake + qrcode's toDataURL, one document, main thread; ${sample.length} of the tickets, no covers): ${obvious.ms.toFixed(0)} ms, `
      + `${(sample.length / (obvious.ms / 1000)).toFixed(1)} pages/s, ${(obvious.bytes / sample.length).toFixed(0)} bytes/page`);
    console.log(`  ratio (pages/s, worker + PDFKit ÷ obvious way): ${((pages / made.ms) / (sample.length / obvious.ms)).toFixed(0)}×`);
    const mailed = await timedPdf(() => renderTicketsPdf(sample, { language: 'fr' }));
    console.log(`  the central service's e-mailed tickets (pdfmake, QR PNG from the bundle's matrix; ${sample.length} tickets): ${mailed.ms.toFixed(0)} ms, `
      + `${(sample.length / (mailed.ms / 1000)).toFixed(1)} pages/s`);

    const missing = cupsMissing();
    if (missing) console.log(`  print to CUPS: skipped (${missing})`);
    else await timePrint(made.file);
    fs.rmSync(made.file, { force: true });
    fs.rmSync(warm.file, { force: true });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function timedPdf(make: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const pdf = await make();
  return { ms: performance.now() - started, bytes: pdf.length };
}

/** A page per ticket with pdfmake and qrcode's own PNG at a sharp scale: how one would first write it. */
async function obviousPdf(tickets: PrintableTicket[]): Promise<Buffer> {
  const pages = await Promise.all(tickets.map(async (ticket, i) => ({
    pageBreak: i > 0 ? 'before' as const : undefined,
    stack: [
      { text: ticket.venueName, fontSize: 26, bold: true, alignment: 'center' as const },
      { text: ticket.label.fr, alignment: 'center' as const },
      { image: await QRCode.toDataURL(ticket.qr, { errorCorrectionLevel: 'M', margin: 4, scale: 10 }), fit: [300, 300] as [number, number], alignment: 'center' as const },
      { text: ticket.number, fontSize: 16, bold: true, alignment: 'center' as const },
      { text: ticket.orderNumber },
    ],
  })));
  return renderPdf({ pageSize: 'A4', content: pages });
}

async function timePrint(file: string): Promise<void> {
  const cups = await startCups();
  try {
    await cups.addPrinter('Bench');
    const printer = createCupsPrinter({ server: cups.server });
    const started = performance.now();
    const accepted = await printer.print({ file, printer: 'Bench', copies: 1, title: 'bench' });
    console.log(`  "Print" to job accepted by the CUPS queue (${(fs.statSync(file).size / 1e6).toFixed(2)} MB bundle): ${(performance.now() - started).toFixed(0)} ms (job ${accepted.jobId})`);
  } finally {
    await cups.stop();
  }
}
