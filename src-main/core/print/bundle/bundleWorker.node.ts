// The worker thread that draws bundles: the main process keeps answering the window while the
// pages are made. It lives on between bundles (starting a thread and loading PDFKit and the
// fonts costs more than drawing a day's group), draws one bundle at a time as asked, writes
// `file` and says how far it got; the main process owns the file's fate (renames it when done,
// deletes it when cancelled or failed).
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { BundleDocument } from './bundleModel.std.ts';
import { writeBundlePdf } from './bundlePdf.node.ts';

export interface DrawRequest {
  jobId: string;
  bundle: BundleDocument;
  file: string;
  /** Test-only: end-to-end tests slow each page down to watch the progress bar and press Cancel. */
  pagePaceMs: number;
}

export type WorkerMessage =
  | { type: 'progress'; jobId: string; done: number; total: number }
  | { type: 'done'; jobId: string; pages: number }
  | { type: 'failed'; jobId: string; code: string | null; message: string };

const port = parentPort!;
const pace = new Int32Array(new SharedArrayBuffer(4));
/** Often enough for a smooth bar, rarely enough not to flood the window with events. */
const PROGRESS_EVERY_MS = 80;

async function draw({ jobId, bundle, file, pagePaceMs }: DrawRequest): Promise<void> {
  let lastSent = 0;
  try {
    const { pages } = await writeBundlePdf(bundle, fs.createWriteStream(file, { flags: 'wx' }), (done, total) => {
      if (pagePaceMs > 0) Atomics.wait(pace, 0, 0, pagePaceMs);
      const now = Date.now();
      if (done < total && now - lastSent < PROGRESS_EVERY_MS) return;
      lastSent = now;
      port.postMessage({ type: 'progress', jobId, done, total } satisfies WorkerMessage);
    });
    port.postMessage({ type: 'done', jobId, pages } satisfies WorkerMessage);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? null;
    port.postMessage({ type: 'failed', jobId, code, message: (error as Error).message } satisfies WorkerMessage);
  }
}

port.on('message', (request: DrawRequest) => void draw(request));
