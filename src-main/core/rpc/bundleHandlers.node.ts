// Ticket bundles at the desk: made from the local store by the bundle queue's worker, then
// saved, opened or printed, each time written in the print history.
import fs from 'node:fs';
import { PrinterError } from '../print/printers/printerPort.std.ts';
import { recordPrint, type PrintEvent } from '../store/printHistoryRepo.node.ts';
import { readSettings } from '../store/settingsRepo.node.ts';
import { syncState } from '../sync/syncState.node.ts';
import { bundleContent } from './bundleContent.node.ts';
import { notFound } from './guichetError.std.ts';
import type { HandlerContext, HandlerTable } from './handlerContext.node.ts';
import { refuse } from './slotChecks.node.ts';

function finishedFile(ctx: HandlerContext, jobId: string): string {
  const job = ctx.bundles.find(jobId);
  if (!job) throw notFound('bundle', jobId);
  const file = ctx.bundles.fileOf(jobId);
  if (!file) refuse('BUNDLE_NOT_READY', 'This bundle is not finished.', { state: job.state });
  return file;
}

function record(ctx: HandlerContext, jobId: string, event: Omit<PrintEvent, 'at' | 'workstation'>): void {
  recordPrint(ctx.store.db, { ...event, at: ctx.now().toISOString(), workstation: ctx.workstation }, ctx.bundles.printedOf(jobId));
  ctx.emit('orders.changed', {});
}

// Copied under a temporary name beside the target and renamed once whole: a full disk
// leaves no half-written PDF where the agent will look for it.
function saveCopy(file: string, target: string): void {
  const partial = `${target}.guichet-partial`;
  try {
    fs.copyFileSync(file, partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') refuse('DISK_FULL', 'The disk is full: nothing was saved.', { target });
    refuse('SAVE_FAILED', `The bundle could not be saved there (${code ?? 'unknown reason'}).`, { target, reason: code ?? null });
  }
}

export const bundleHandlers: HandlerTable<'bundles.start' | 'bundles.list' | 'bundles.cancel' | 'bundles.export' | 'bundles.print' | 'printers.list'> = {
  'bundles.start': ({ scope, language }, ctx) => {
    const { db } = ctx.store;
    const office = syncState.session(db)?.office.company ?? '';
    const content = bundleContent(db, scope, language ?? readSettings(db).language ?? 'fr', office);
    return ctx.bundles.enqueue({
      document: content.document, fileName: content.fileName, ticketCount: content.printed.length, leftOut: content.leftOut, printed: content.printed,
    });
  },

  'bundles.list': (_input, ctx) => ctx.bundles.list(),

  'bundles.cancel': ({ jobId }, ctx) => {
    const job = ctx.bundles.cancel(jobId);
    if (!job) throw notFound('bundle', jobId);
    return job;
  },

  'bundles.export': async ({ jobId, how }, ctx) => {
    const file = finishedFile(ctx, jobId);
    const { fileName } = ctx.bundles.find(jobId)!;
    if (!ctx.desktop) {
      record(ctx, jobId, { how: how === 'open' ? 'opened' : 'file' });
      return { kind: 'download' as const, fileName, base64: fs.readFileSync(file).toString('base64') };
    }
    if (how === 'open') {
      await ctx.desktop.openFile(file).catch((error: Error) => refuse('OPEN_FAILED', `The system could not open the bundle: ${error.message}`));
      record(ctx, jobId, { how: 'opened' });
      return { kind: 'opened' as const, path: file };
    }
    const target = await ctx.desktop.chooseSavePath(fileName);
    if (!target) return { kind: 'cancelled' as const };
    saveCopy(file, target);
    record(ctx, jobId, { how: 'file' });
    return { kind: 'saved' as const, path: target };
  },

  'bundles.print': async ({ jobId, printer, copies }, ctx) => {
    const file = finishedFile(ctx, jobId);
    try {
      const accepted = await ctx.printer.print({ file, printer, copies, title: ctx.bundles.find(jobId)!.fileName });
      record(ctx, jobId, { how: 'printer', printer, copies });
      return { printer: accepted.printer, printJobId: accepted.jobId, copies };
    } catch (error) {
      if (error instanceof PrinterError) refuse(error.code, error.message, { printer: error.printer ?? printer });
      throw error;
    }
  },

  'printers.list': async (_input, ctx) => {
    try {
      return await ctx.printer.list();
    } catch (error) {
      if (error instanceof PrinterError) refuse(error.code, error.message, { printer: error.printer ?? null });
      throw error;
    }
  },
};
