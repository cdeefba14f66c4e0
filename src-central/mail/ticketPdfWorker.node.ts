// A thread of the ticket PDF pool (ticketPdfPool.node.ts): draws the bundles it is given, one
// at a time, and hands each back. It lives on between bundles: loading pdfmake and the fonts
// costs more than drawing a small one.
import { parentPort, workerData } from 'node:worker_threads';
import type { PrintLanguage } from '../../src-main/core/print/printText.std.ts';
import { renderTicketsPdf, type PrintableTicket } from '../../src-main/core/print/ticketsPdf.node.ts';
import { stopAtRenderHold } from './renderHold.node.ts';

export interface TicketPdfWorkerData {
  /** TEST ONLY: every bundle stops here until the test lets it go (renderHold.node.ts). */
  hold: SharedArrayBuffer | null;
}

export interface RenderRequest {
  jobId: number;
  tickets: PrintableTicket[];
  language: PrintLanguage;
}

export type RenderAnswer =
  | { type: 'done'; jobId: number; pdf: Uint8Array }
  | { type: 'failed'; jobId: number; message: string };

/** The exit code of a thread a test told to die mid-bundle. */
const CRASHED_ON_PURPOSE = 70;

const port = parentPort!;
const { hold } = workerData as TicketPdfWorkerData;

async function draw({ jobId, tickets, language }: RenderRequest): Promise<void> {
  try {
    if (hold && stopAtRenderHold(hold).crash) process.exit(CRASHED_ON_PURPOSE);
    const pdf = await renderTicketsPdf(tickets, { language });
    // Handed over rather than copied (a bundle is megabytes), unless it shares its memory.
    const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : new Uint8Array(pdf);
    port.postMessage({ type: 'done', jobId, pdf: own } satisfies RenderAnswer, [own.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ type: 'failed', jobId, message: (error as Error).message } satisfies RenderAnswer);
  }
}

port.on('message', (request: RenderRequest) => void draw(request));
