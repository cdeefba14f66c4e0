// Printing a ticket bundle through CUPS, against a real scheduler started for the test
// (tests/support/cups.node.ts): what reaches the printer, and what the agent is told when it
// would not print now.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPrinterPort } from '../../src-main/core/print/printers/choosePrinter.node.ts';
import { createCupsPrinter } from '../../src-main/core/print/printers/cupsPrinter.node.ts';
import { PrinterError, type PrinterErrorCode, type PrinterPort, type PrintRequest } from '../../src-main/core/print/printers/printerPort.std.ts';
import { cupsMissing, startCups, type TempCups } from '../support/cups.node.ts';
import { pdfPageCount } from './printFixtures.node.ts';

const missing = cupsMissing();
// CI installs CUPS (.ci/run): there a missing tool fails the suite instead of skipping it.
const skipped = missing !== null && !process.env.CI;

/** A PDF of `pages` pages, each with `fillerLines` lines of incompressible text to make it as large as wanted. */
function writePdf(file: string, pages: number, fillerLines = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, compress: false });
    const out = fs.createWriteStream(file);
    out.once('finish', () => resolve(fs.statSync(file).size));
    out.once('error', reject);
    doc.pipe(out);
    for (let page = 1; page <= pages; page++) {
      doc.addPage().fontSize(24).text(`Ticket ${page} of ${pages}`);
      for (let line = 0; line < fillerLines; line++) doc.fontSize(4).text(randomBytes(110).toString('base64'), 30, 100 + line * 6, { lineBreak: false });
    }
    doc.end();
  });
}

const fingerprint = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The PrinterError `attempt` fails with, checked to be `code` for `printer`. */
async function refusal(attempt: Promise<unknown>, code: PrinterErrorCode, printer?: string): Promise<PrinterError> {
  const error = await attempt.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(PrinterError);
  expect(error).toMatchObject({ code, printer });
  return error as PrinterError;
}

describe.skipIf(skipped)(`printing through CUPS${skipped ? ` (skipped: ${missing})` : ''}`, () => {
  let dir: string;
  let bundle: string;

  beforeAll(async () => {
    if (missing) throw new Error(`The CUPS printing suite cannot run: ${missing}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-print-'));
    // A name a shell would split and take for an option, with spaces (Debian's cupsd 2.4.2 dies on
    // a job whose document name has one): the agent's files are named like that.
    bundle = path.join(dir, `-tickets "Louvre" groupe 12.pdf`);
    await writePdf(bundle, 3);
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('on a scheduler with printers', () => {
    let cups: TempCups;
    let printer: PrinterPort;
    const request = (printerName: string, title: string): PrintRequest => ({ file: bundle, printer: printerName, copies: 1, title });

    beforeAll(async () => {
      cups = await startCups();
      await cups.addPrinter('Front_Desk', { description: 'Front desk laser', isDefault: true });
      await cups.addPrinter('Back_Office', { description: 'Back office colour' });
      printer = createCupsPrinter({ server: cups.server, env: cups.clientEnv });
    });

    afterAll(async () => {
      try {
        await cups?.drained();
      } finally {
        await cups?.stop();
      }
    });

    it('lists the printers by name and description, with the default one and the paused one', async () => {
      await cups.addPrinter('Annex');
      await cups.pause('Annex');
      expect(await printer.list()).toEqual([
        { name: 'Annex', description: 'Annex', isDefault: false, state: 'paused', acceptingJobs: true },
        { name: 'Back_Office', description: 'Back office colour', isDefault: false, state: 'idle', acceptingJobs: true },
        { name: 'Front_Desk', description: 'Front desk laser', isDefault: true, state: 'idle', acceptingJobs: true },
      ]);
    });

    it('prints two copies of a three-page bundle under its title: the printer gets the PDF, copies=2 and the title', async () => {
      const before = fingerprint(bundle);
      const title = 'Louvre, 12 mai — groupe Élodie';
      const job = await printer.print({ file: bundle, printer: 'Front_Desk', copies: 2, title });
      expect(job).toEqual({ jobId: expect.stringMatching(/^Front_Desk-\d+$/), printer: 'Front_Desk' });

      const received = await cups.jobTitled(title);
      expect(received).toMatchObject({ printer: 'Front_Desk', copies: 2, format: 'application/pdf' });
      expect(received.document.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const printed = path.join(dir, 'printed.pdf');
      fs.writeFileSync(printed, received.document);
      // CUPS leaves the copies to the printer: the three pages arrive once.
      expect(pdfPageCount(printed)).toBe(3);
      expect(fingerprint(bundle)).toBe(before);
    });

    it('refuses a paused printer, saying so and naming it, and prints there once it is resumed', async () => {
      const before = fingerprint(bundle);
      await cups.addPrinter('Reception');
      await cups.pause('Reception');
      const error = await refusal(printer.print(request('Reception', 'while paused')), 'PRINTER_PAUSED', 'Reception');
      expect(error.message).toMatch(/^The printer "Reception" is paused: .+\.$/);

      await cups.resume('Reception');
      await printer.print(request('Reception', 'once resumed'));
      await cups.jobTitled('once resumed');
      await cups.drained();
      // Nothing was left queued by the refusal, to come out later.
      expect((await cups.received()).filter((job) => job.printer === 'Reception').map((job) => job.title)).toEqual(['once resumed']);
      expect(fingerprint(bundle)).toBe(before);
    });

    it('refuses a printer that does not exist, or was removed between listing and printing', async () => {
      const before = fingerprint(bundle);
      const error = await refusal(printer.print(request('Nowhere', 'no such printer')), 'PRINTER_NOT_FOUND', 'Nowhere');
      expect(error.message).toContain('"Nowhere"');

      await cups.addPrinter('Old_Desk');
      expect((await printer.list()).map((p) => p.name)).toContain('Old_Desk');
      await cups.remove('Old_Desk');
      await refusal(printer.print(request('Old_Desk', 'removed')), 'PRINTER_NOT_FOUND', 'Old_Desk');
      expect(fingerprint(bundle)).toBe(before);
    });

    it('refuses a printer that is not accepting jobs', async () => {
      const before = fingerprint(bundle);
      await cups.addPrinter('Counter');
      await cups.reject('Counter');
      expect((await printer.list()).find((p) => p.name === 'Counter')).toMatchObject({ acceptingJobs: false });
      const error = await refusal(printer.print(request('Counter', 'rejected')), 'PRINTER_REFUSED', 'Counter');
      expect(error.message).toMatch(/^The printer "Counter" is not accepting jobs: .+\.$/);
      expect(fingerprint(bundle)).toBe(before);
    });

    it('reports what CUPS said when it cannot take the job, here a file that is not there', async () => {
      const gone = path.join(dir, 'gone.pdf');
      const error = await refusal(printer.print({ ...request('Front_Desk', 'gone'), file: gone }), 'PRINT_FAILED', 'Front_Desk');
      expect(error.message).toContain(gone);
    });

    it('takes 1 to 99 copies, and nothing else', async () => {
      for (const copies of [0, 100, 1.5, Number.NaN]) {
        await expect(printer.print({ ...request('Front_Desk', 'copies'), copies })).rejects.toBeInstanceOf(RangeError);
      }
    });

    it('says printing is unavailable when the CUPS tools are not installed', async () => {
      const noTools = createCupsPrinter({ server: cups.server, env: { ...cups.clientEnv, PATH: path.join(dir, 'empty') } });
      await refusal(noTools.list(), 'PRINTING_UNAVAILABLE');
      await refusal(noTools.print(request('Front_Desk', 'no tools')), 'PRINTING_UNAVAILABLE', 'Front_Desk');
    });

    it('hands a 1 MB bundle over to CUPS (the time it takes is printed)', async () => {
      const big = path.join(dir, 'big.pdf');
      const size = await writePdf(big, 50, 50);
      const title = 'one megabyte';
      const started = performance.now();
      const job = await printer.print({ file: big, printer: 'Back_Office', copies: 1, title });
      const accepted = performance.now() - started;
      const received = await cups.jobTitled(title);
      const arrived = performance.now() - started;
      console.log(`print() of a ${(size / 1e6).toFixed(2)} MB PDF: job ${job.jobId} accepted in ${accepted.toFixed(0)} ms, at the printer after ${arrived.toFixed(0)} ms`);
      expect(received.document.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });

  describe('on a scheduler without printers, then stopped', () => {
    it('lists no printer, then says printing is unavailable, leaving the bundle as it was', async () => {
      const cups = await startCups();
      try {
        const printer = createCupsPrinter({ server: cups.server, env: cups.clientEnv });
        expect(await printer.list()).toEqual([]);
        await cups.stop();
        const before = fingerprint(bundle);
        await refusal(printer.list(), 'PRINTING_UNAVAILABLE');
        await refusal(printer.print({ file: bundle, printer: 'Front_Desk', copies: 1, title: 'stopped' }), 'PRINTING_UNAVAILABLE', 'Front_Desk');
        expect(fingerprint(bundle)).toBe(before);
      } finally {
        await cups.stop();
      }
    });
  });
});

describe('the printing system of the platform', () => {
  it('on Windows, says the printers come from the desktop window, instead of pretending to print', async () => {
    const windows = defaultPrinterPort('win32');
    const error = await refusal(windows.list(), 'PRINTING_UNAVAILABLE');
    expect(error.message).toMatch(/Windows.+Electron/);
    await refusal(windows.print({ file: 'tickets.pdf', printer: 'Front_Desk', copies: 1, title: 'tickets' }), 'PRINTING_UNAVAILABLE');
  });
});
