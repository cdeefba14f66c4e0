// The bundles the agent asked for, made one at a time by a worker thread: a second request
// waits its turn instead of starting a second worker fighting for the same core. A bundle
// exists on disk only once whole: it is written under a `.partial` name and renamed at the
// end, and a cancelled or failed one leaves no file behind.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { BundleJob } from '../../../contract/printSchemas.std.ts';
import { startWorker } from '../../workers/startWorker.node.ts';
import { bundlePageCount, type BundleDocument } from './bundleModel.std.ts';
import type { DrawRequest, WorkerMessage } from './bundleWorker.node.ts';

export interface BundleRequest {
  document: BundleDocument;
  fileName: string;
  ticketCount: number;
  leftOut: BundleJob['leftOut'];
  /** The tickets it prints, for the print history. */
  printed: { id: string; orderId: string }[];
}

export interface BundleQueue {
  enqueue(request: BundleRequest): BundleJob;
  cancel(jobId: string): BundleJob | undefined;
  list(): BundleJob[];
  find(jobId: string): BundleJob | undefined;
  /** The finished bundle's file, or undefined while it is not made. */
  fileOf(jobId: string): string | undefined;
  printedOf(jobId: string): BundleRequest['printed'];
  /** Stops the worker and removes every bundle file: they are remade on request. */
  close(): Promise<void>;
}

/** How many finished or stopped bundles the list keeps (their files are kept with them). */
const KEPT_JOBS = 20;

interface Entry {
  id: string;
  job: BundleJob;
  /** Dropped once drawn: a day's bundle is megabytes of page data. */
  request: BundleRequest | null;
  printed: BundleRequest['printed'];
  file: string;
}

export function createBundleQueue(options: {
  dir: string;
  now: () => Date;
  onChange: (job: BundleJob) => void;
  /** Test-only: a pause after each page, so an end-to-end test can watch the progress bar. */
  pagePaceMs?: number;
}): BundleQueue {
  const { dir, now, onChange, pagePaceMs = 0 } = options;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const entries = new Map<string, Entry>();
  let running: Entry | null = null;
  let worker: Worker | null = null;

  const changed = (entry: Entry, patch: Partial<BundleJob>) => {
    entry.job = { ...entry.job, ...patch };
    onChange(entry.job);
  };
  const waiting = () => [...entries.values()].filter((e) => e.job.state === 'queued');
  const partialOf = (entry: Entry) => `${entry.file}.partial`;

  function forgetOld(): void {
    const ended = [...entries.values()].filter((e) => e.job.state !== 'queued' && e.job.state !== 'running');
    for (const entry of ended.slice(0, Math.max(0, ended.length - KEPT_JOBS))) {
      fs.rmSync(entry.file, { force: true });
      entries.delete(entry.id);
    }
  }

  function finish(entry: Entry, patch: Partial<BundleJob>): void {
    entry.request = null;
    if (patch.state !== 'done') fs.rmSync(partialOf(entry), { force: true });
    changed(entry, patch);
    running = null;
    forgetOld();
    startNext();
  }

  function onMessage(message: WorkerMessage): void {
    const entry = running;
    if (!entry || entry.id !== message.jobId) return;
    if (message.type === 'progress') return changed(entry, { pagesDone: message.done, pagesTotal: message.total });
    if (message.type === 'failed') return finish(entry, { state: 'failed', error: failure(message.code, message.message) });
    try {
      fs.renameSync(partialOf(entry), entry.file);
      finish(entry, { state: 'done', pagesDone: message.pages, finishedAt: now().toISOString() });
    } catch (error) {
      finish(entry, { state: 'failed', error: failure((error as NodeJS.ErrnoException).code ?? null, (error as Error).message) });
    }
  }

  /** The one worker, started at the first bundle and kept; a crashed or stopped one is replaced at the next. */
  function theWorker(): Worker {
    if (worker) return worker;
    const started = startWorker(import.meta.url, 'bundleWorker');
    started.on('message', onMessage);
    // A thread stopped on purpose (Cancel, close) is no longer `worker`: only a crash fails the bundle.
    const crashed = (message: string) => {
      if (worker !== started) return;
      worker = null;
      if (running) finish(running, { state: 'failed', error: failure(null, message) });
    };
    started.on('error', (error) => crashed(error.message));
    started.on('exit', (code) => crashed(`The bundle worker stopped (exit code ${code}).`));
    return (worker = started);
  }

  /** Stops the worker mid-bundle; resolves once the thread is gone and its file surely closed. */
  async function stopWorker(): Promise<void> {
    const stopping = worker;
    worker = null;
    await stopping?.terminate();
  }

  function startNext(): void {
    if (running) return;
    const next = waiting()[0];
    // An idle worker must not keep the app (or a test run) from exiting.
    if (!next) return void worker?.unref();
    running = next;
    changed(next, { state: 'running', queuePosition: null });
    waiting().forEach((entry, i) => changed(entry, { queuePosition: i + 1 }));
    const thread = theWorker();
    thread.ref();
    thread.postMessage({ jobId: next.id, bundle: next.request!.document, file: partialOf(next), pagePaceMs } satisfies DrawRequest);
  }

  return {
    enqueue(request) {
      const id = randomUUID();
      const entry: Entry = {
        id, request, printed: request.printed, file: path.join(dir, `${id}.pdf`),
        job: {
          id, fileName: request.fileName, state: 'queued', pagesDone: 0, pagesTotal: bundlePageCount(request.document),
          ticketCount: request.ticketCount, leftOut: request.leftOut, queuePosition: waiting().length + 1,
          createdAt: now().toISOString(), finishedAt: null, error: null,
        },
      };
      entries.set(id, entry);
      onChange(entry.job);
      startNext();
      return entry.job;
    },
    cancel(jobId) {
      const entry = entries.get(jobId);
      if (!entry) return undefined;
      if (entry.job.state === 'queued') {
        entry.request = null;
        changed(entry, { state: 'cancelled', finishedAt: now().toISOString() });
        waiting().forEach((e, i) => changed(e, { queuePosition: i + 1 }));
      } else if (entry.job.state === 'running') {
        void stopWorker().then(() => fs.rmSync(partialOf(entry), { force: true }));
        finish(entry, { state: 'cancelled', finishedAt: now().toISOString() });
      }
      return entry.job;
    },
    printedOf: (jobId) => entries.get(jobId)?.printed ?? [],
    list: () => [...entries.values()].map((e) => e.job).reverse(),
    find: (jobId) => entries.get(jobId)?.job,
    fileOf(jobId) {
      const entry = entries.get(jobId);
      return entry?.job.state === 'done' ? entry.file : undefined;
    },
    async close() {
      for (const entry of waiting()) entry.job = { ...entry.job, state: 'cancelled' };
      if (running) running.job = { ...running.job, state: 'cancelled' };
      running = null;
      await stopWorker();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function failure(code: string | null, message: string): BundleJob['error'] {
  if (code === 'ENOSPC') return { code: 'DISK_FULL', message: 'The disk is full: the bundle could not be written.' };
  return { code: 'BUNDLE_FAILED', message };
}
