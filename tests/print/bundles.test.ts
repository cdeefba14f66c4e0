// Ticket bundles made at the desk from the local store, with the central service unreachable:
// read back as poppler sees them, every QR code decoded from the rendered pages and checked
// with nothing but the service's public key.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { methods } from '../../src-main/contract/methods.std.ts';
import type { OrderDetailDto } from '../../src-main/contract/orderSchemas.std.ts';
import type { BundleJob } from '../../src-main/contract/printSchemas.std.ts';
import type { DesktopShell } from '../../src-main/core/print/desktopShell.std.ts';
import type { PrinterPort } from '../../src-main/core/print/printers/printerPort.std.ts';
import { verifyGroupQr, verifyTicketQr } from '../../src-central/tickets/ticketSignature.node.ts';
import { createCupsPrinter } from '../../src-main/core/print/printers/cupsPrinter.node.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { cupsMissing, startCups } from '../support/cups.node.ts';
import { payGroupOf75 } from '../support/paidGroupOf75.node.ts';
import { startCuttableProxy } from '../support/cuttableProxy.node.ts';
import { tempCore, tempDir, type TempCore } from '../support/tempCore.node.ts';
import { ok } from '../sync/helpers.node.ts';
import { decodedQrs, pdfPageCount, pdfText } from './printFixtures.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = new Date('2025-01-10T09:00:00Z');

/** A desk that sees its central service through a cable the test can cut. */
async function offlineReadyDesk(options: { desktop?: DesktopShell; printer?: PrinterPort } = {}) {
  const central = await startCentralHarness(NOW);
  cleanups.push(central.close);
  const cable = await startCuttableProxy(central.url);
  cleanups.push(cable.close);
  const desk = await tempCore(NOW, { centralUrl: cable.url, ...options });
  cleanups.push(() => desk.close());
  await ok(desk, 'account.signIn', await central.validatedOffice('Voyages Lumière'));
  await desk.sync.syncNow();
  return { central, cable, desk };
}

/** The seed's 75-person group on 18 March 2025, paid. */
const paidGroupOf75 = (desk: TempCore) => payGroupOf75((method, input) => ok(desk, method, input), '2025-03-18');

/** Starts a bundle and waits for it to end, keeping every progress event seen. */
async function bundleOf(desk: TempCore, input: object) {
  const seen: BundleJob[] = [];
  const off = desk.on('bundles.changed', (job) => seen.push(job));
  const started = await ok<BundleJob>(desk, 'bundles.start', input);
  await expect.poll(() => seen.find((j) => j.id === started.id && j.state !== 'queued' && j.state !== 'running')?.state, { timeout: 120_000 }).toBe('done');
  off();
  return { job: seen.findLast((j) => j.id === started.id)!, seen: seen.filter((j) => j.id === started.id) };
}

/** Saves the bundle through a desktop shell that answers the save dialog with `target`. */
function savingShell(target: () => string | null): DesktopShell {
  return { chooseSavePath: async () => target(), openFile: async () => {} };
}

/** A 64 KB disk (tmpfs), to fill up: needs root and a kernel that lets this container mount. */
function smallDisk(): string | null {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
const probeDisk = smallDisk();
if (probeDisk) {
  execFileSync('umount', [probeDisk]);
  fs.rmSync(probeDisk, { recursive: true, force: true });
}

async function publicKey(centralUrl: string): Promise<string> {
  return ((await (await fetch(new URL('/tickets/public-key', centralUrl))).json()) as { publicKeyPem: string }).publicKeyPem;
}

describe('ticket bundles at the desk', () => {
  it('a 75-person group booking prints offline: a cover per sub-group and a page per ticket, every QR code scanning to its signed code', async () => {
    let savedTo: string | null = null;
    const folder = tempDir();
    cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
    const { central, cable, desk } = await offlineReadyDesk({ desktop: savingShell(() => (savedTo = path.join(folder, 'groupe.pdf'))) });
    const { groupBookingId, orderId } = await paidGroupOf75(desk);
    const key = await publicKey(central.url);
    cable.cut();

    const { job, seen } = await bundleOf(desk, { scope: { kind: 'groupBooking', groupBookingId }, language: 'fr' });
    expect(methods['bundles.start'].output.safeParse(job).success).toBe(true);
    expect(job).toMatchObject({ ticketCount: 75, pagesTotal: 78, pagesDone: 78, leftOut: [], fileName: expect.stringMatching(/^billets-groupe-GCH-/) });
    expect(seen[0]!.pagesDone).toBe(0);
    expect(seen.some((j) => j.state === 'running' && j.pagesDone > 0 && j.pagesDone < 78)).toBe(true);

    const saved = await ok<{ kind: string; path: string }>(desk, 'bundles.export', { jobId: job.id, how: 'save' });
    expect(saved).toEqual({ kind: 'saved', path: savedTo });
    expect(fs.readdirSync(folder)).toEqual(['groupe.pdf']);
    expect(pdfPageCount(savedTo!)).toBe(78);

    // Page 1 is sub-group 1's cover; its 25 tickets follow.
    const cover = pdfText(savedTo!, 1);
    expect(cover).toContain('FEUILLE DE GROUPE');
    expect(cover).toContain('Sainte-Chapelle');
    expect(cover).toMatch(/18 mars 2025 \d\d:\d\d — Sous-groupe 1\/3/);
    expect(cover).toContain('Anna NDIAYE — +33 6 12 34 56 78');
    expect(cover).toContain('Voyages Lumière');
    const ticket = pdfText(savedTo!, 2);
    expect(ticket).toContain('BILLET ÉLECTRONIQUE');
    expect(ticket).toContain('Valable uniquement le');
    expect(ticket).toMatch(/Guide conférencier/);
    expect(ticket).toContain('Sous-groupe 1/3');
    expect(ticket).toContain('carte professionnelle');
    expect(ticket).toMatch(/Tarif : 0,00 €/);

    const codes = decodedQrs(savedTo!);
    expect(codes).toHaveLength(78);
    const ticketCodes = codes.filter((c) => c.startsWith('GCH1.'));
    const stored = desk.store.sqlite.prepare("SELECT json_extract(value, '$.qr') FROM tickets WHERE order_id = ?").pluck().all(orderId);
    expect(ticketCodes).toHaveLength(75);
    expect(new Set(ticketCodes)).toEqual(new Set(stored));
    expect(ticketCodes.every((c) => verifyTicketQr(c, key).valid)).toBe(true);
    const groupCodesPrinted = codes.filter((c) => c.startsWith('GCG1.'));
    expect(groupCodesPrinted).toHaveLength(3);
    for (const code of groupCodesPrinted) {
      const check = verifyGroupQr(code, key);
      expect(check.valid).toBe(true);
      if (check.valid) expect(check.facts.ticketNumbers).toHaveLength(25);
    }

    // The history: on the order and on each ticket, by this workstation.
    const after = await ok<OrderDetailDto>(desk, 'orders.get', { orderId });
    expect(after.printed).toMatchObject({ count: 1, lastHow: 'file', lastWorkstation: expect.any(String) });
    expect(after.tickets.every((t) => t.printed?.count === 1)).toBe(true);
  });

  it('voided tickets are left out and named; a cancelled bundle leaves no file; a second request waits its turn', async () => {
    const { central, desk } = await offlineReadyDesk();
    const { orderId } = await paidGroupOf75(desk);
    const slotId = (await ok<OrderDetailDto>(desk, 'orders.get', { orderId })).order.bookings[0]!.slotId;
    expect((await central.admin(`/admin/slots/${slotId}/cancel`, {})).status).toBe(200);
    await desk.sync.syncNow();

    const first = await ok<BundleJob>(desk, 'bundles.start', { scope: { kind: 'order', orderId }, language: 'en' });
    const second = await ok<BundleJob>(desk, 'bundles.start', { scope: { kind: 'order', orderId }, language: 'en' });
    expect(second).toMatchObject({ state: 'queued', queuePosition: 1 });
    expect(first).toMatchObject({ ticketCount: 50, pagesTotal: 52 });
    expect(first.leftOut).toHaveLength(25);
    expect(first.leftOut.every((t) => t.reason === 'cancelled')).toBe(true);

    const cancelled = await ok<BundleJob>(desk, 'bundles.cancel', { jobId: first.id });
    expect(cancelled.state).toBe('cancelled');
    await expect.poll(async () => (await ok<BundleJob[]>(desk, 'bundles.list')).find((j) => j.id === second.id)?.state, { timeout: 120_000 }).toBe('done');
    const bundleDir = path.join(desk.dataDir, 'bundles');
    await expect.poll(() => fs.readdirSync(bundleDir)).toEqual([`${second.id}.pdf`]);
    expect(await desk.dispatch('bundles.export', { jobId: first.id, how: 'save' }))
      .toMatchObject({ ok: false, error: { details: { rule: 'BUNDLE_NOT_READY', state: 'cancelled' } } });

    // The browser host (no desktop shell) hands the file to the window instead.
    const download = await ok<{ kind: string; fileName: string; base64: string }>(desk, 'bundles.export', { jobId: second.id, how: 'save' });
    expect(download).toMatchObject({ kind: 'download', fileName: expect.stringMatching(/^tickets-GCH-.*\.pdf$/) });
    const pdf = path.join(tempDir(), download.fileName);
    fs.writeFileSync(pdf, Buffer.from(download.base64, 'base64'));
    expect(pdfPageCount(pdf)).toBe(52);
    expect(pdfText(pdf, 1)).toContain('GROUP SHEET');

    // The day's visits: the same two sub-groups still standing.
    const day = await ok<BundleJob>(desk, 'bundles.start', { scope: { kind: 'day', date: '2025-03-18' } });
    expect(day).toMatchObject({ ticketCount: 50, pagesTotal: 52, fileName: 'billets-2025-03-18.pdf' });
  });

  it.skipIf(!probeDisk)('saving onto a full disk says so, leaves no half-written file there and keeps the bundle', async () => {
    const disk = smallDisk()!;
    cleanups.push(() => {
      execFileSync('umount', [disk]);
      fs.rmSync(disk, { recursive: true, force: true });
    });
    const { desk } = await offlineReadyDesk({ desktop: savingShell(() => path.join(disk, 'billets.pdf')) });
    const { orderId } = await paidGroupOf75(desk);
    const { job } = await bundleOf(desk, { scope: { kind: 'order', orderId } });

    expect(await desk.dispatch('bundles.export', { jobId: job.id, how: 'save' }))
      .toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'DISK_FULL' } } });
    expect(fs.readdirSync(disk)).toEqual([]);
    expect((await ok<BundleJob[]>(desk, 'bundles.list')).find((j) => j.id === job.id)?.state).toBe('done');
    expect((await ok<OrderDetailDto>(desk, 'orders.get', { orderId })).printed).toBeNull();
  });

  it.skipIf(cupsMissing() !== null)('prints a bundle to a chosen CUPS printer with copies, says why a paused one is refused, and writes it in the history', async () => {
    const cups = await startCups();
    cleanups.push(() => cups.stop());
    await cups.addPrinter('Accueil', { description: 'Accueil — laser', isDefault: true });
    await cups.addPrinter('Bureau');
    const { desk } = await offlineReadyDesk({ printer: createCupsPrinter({ server: cups.server, env: cups.clientEnv }) });
    const { orderId } = await paidGroupOf75(desk);
    const { job } = await bundleOf(desk, { scope: { kind: 'order', orderId }, language: 'fr' });

    expect(await ok(desk, 'printers.list')).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Accueil', description: 'Accueil — laser', isDefault: true, state: 'idle', acceptingJobs: true }),
    ]));
    await cups.pause('Bureau');
    expect(await desk.dispatch('bundles.print', { jobId: job.id, printer: 'Bureau', copies: 1 }))
      .toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'PRINTER_PAUSED', printer: 'Bureau' } } });
    expect((await ok<OrderDetailDto>(desk, 'orders.get', { orderId })).printed).toBeNull();

    const sent = await ok<{ printer: string; printJobId: string; copies: number }>(desk, 'bundles.print', { jobId: job.id, printer: 'Accueil', copies: 2 });
    expect(sent).toMatchObject({ printer: 'Accueil', copies: 2 });
    const received = await cups.jobTitled(job.fileName);
    expect(received).toMatchObject({ printer: 'Accueil', copies: 2 });
    const file = path.join(tempDir(), 'received.pdf');
    fs.writeFileSync(file, received.document);
    expect(pdfPageCount(file)).toBe(78);
    expect((await ok<OrderDetailDto>(desk, 'orders.get', { orderId })).printed).toMatchObject({ count: 1, lastHow: 'printer', lastPrinter: 'Accueil' });
    await cups.drained();
  });

  it('says why there is nothing to print, and refuses a selection this workstation does not hold', async () => {
    const { desk } = await offlineReadyDesk();
    expect(await desk.dispatch('bundles.start', { scope: { kind: 'tickets', ticketIds: ['not-here'] } }))
      .toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'TICKETS_NOT_HERE', count: 1 } } });
    expect(await desk.dispatch('bundles.start', { scope: { kind: 'day', date: '2025-03-19' } }))
      .toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'NOTHING_TO_PRINT' } } });
    expect(await desk.dispatch('bundles.start', { scope: { kind: 'order', orderId: 'nope' } }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'order' } } });
  });
});
