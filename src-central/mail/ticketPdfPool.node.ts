// The threads that draw the tickets the central service e-mails (issue 11 §6): drawn on the
// event loop, a 52-ticket bundle held every other office's requests for seconds. Offices take
// turns: each has its own line, and a free thread takes the first bundle of the office that was
// given a thread least recently, so one office's many bundles never wait in front of another's.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../src-main/core/workers/startWorker.node.ts';
import type { PrintLanguage } from '../../src-main/core/print/printText.std.ts';
import type { PrintableTicket } from '../../src-main/core/print/ticketsPdf.node.ts';
import type { RenderAnswer, RenderRequest, TicketPdfWorkerData } from './ticketPdfWorker.node.ts';

export interface TicketPdfPool {
  /** The bundle as a PDF, drawn by a thread of the pool in the office's turn. */
  render(officeId: string, tickets: PrintableTicket[], language: PrintLanguage): Promise<Buffer>;
  /** Draws every bundle already asked for, then stops the threads. */
  close(): Promise<void>;
}

/** One core is left to the event loop, and two threads are plenty for e-mail: min(2, cores − 1), at least 1. */
export function defaultTicketPdfWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism() - 1));
}

interface Job {
  officeId: string;
  request: RenderRequest;
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  job: Job | null;
}

export function createTicketPdfPool(options: { size: number; hold?: SharedArrayBuffer }): TicketPdfPool {
  if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`A ticket PDF pool needs at least one thread, not ${options.size}.`);
  /** Each office's bundles waiting for a thread, offices in the order they first asked. */
  const lines = new Map<string, Job[]>();
  /** When each office with bundles waiting or being drawn was last given a thread. */
  const servedAt = new Map<string, number>();
  let clock = 0;
  /** Started at the first bundle that needs them; a crashed one is replaced at the next. */
  const threads: (Thread | null)[] = Array.from({ length: options.size }, () => null);
  let nextJobId = 1;
  let closing = false;
  const whenIdle: (() => void)[] = [];

  const running = () => threads.some((t) => t?.job);
  const idle = () => lines.size === 0 && !running();

  function nextInTurn(): Job | undefined {
    let chosen: string | undefined;
    for (const officeId of lines.keys()) {
      if (chosen === undefined || (servedAt.get(officeId) ?? 0) < (servedAt.get(chosen) ?? 0)) chosen = officeId;
    }
    if (chosen === undefined) return undefined;
    const line = lines.get(chosen)!;
    const job = line.shift()!;
    if (line.length === 0) lines.delete(chosen);
    servedAt.set(chosen, ++clock);
    return job;
  }

  /** An office with nothing left waiting or being drawn starts afresh the next time it asks. */
  function forgetIfDone(officeId: string): void {
    if (!lines.has(officeId) && !threads.some((t) => t?.job?.officeId === officeId)) servedAt.delete(officeId);
  }

  function start(index: number): Thread {
    const worker = startWorker(import.meta.url, 'ticketPdfWorker', { workerData: { hold: options.hold ?? null } satisfies TicketPdfWorkerData });
    const thread: Thread = { worker, job: null };
    worker.on('message', (answer: RenderAnswer) => {
      const job = thread.job;
      if (!job || job.request.jobId !== answer.jobId) return;
      thread.job = null;
      forgetIfDone(job.officeId);
      if (answer.type === 'done') job.resolve(Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength));
      else job.reject(new Error(answer.message));
      dispatch();
    });
    // Only a thread that stops by itself lands here: close() stops them once nothing is left to draw.
    const died = (why: string) => {
      if (threads[index] !== thread) return;
      threads[index] = null;
      const job = thread.job;
      if (job) {
        forgetIfDone(job.officeId);
        job.reject(new Error(why));
      }
      dispatch();
    };
    worker.on('error', (error) => died(`the thread drawing it failed: ${error.message}`));
    worker.on('exit', (code) => died(`the thread drawing it stopped (exit code ${code})`));
    return (threads[index] = thread);
  }

  function dispatch(): void {
    for (let i = 0; i < threads.length && lines.size > 0; i++) {
      if (threads[i]?.job) continue;
      const thread = threads[i] ?? start(i);
      thread.job = nextInTurn()!;
      thread.worker.ref();
      thread.worker.postMessage(thread.job.request);
    }
    // An idle thread must not keep the process alive (a service left unclosed, a script).
    for (const thread of threads) if (thread && !thread.job) thread.worker.unref();
    if (idle()) whenIdle.splice(0).forEach((wake) => wake());
  }

  return {
    render(officeId, tickets, language) {
      if (closing) return Promise.reject(new Error('the service is closing'));
      return new Promise<Buffer>((resolve, reject) => {
        const job: Job = { officeId, request: { jobId: nextJobId++, tickets, language }, resolve, reject };
        const line = lines.get(officeId);
        if (line) line.push(job);
        else lines.set(officeId, [job]);
        dispatch();
      });
    },
    async close() {
      closing = true;
      if (!idle()) await new Promise<void>((wake) => whenIdle.push(wake));
      const stopping = threads.splice(0).filter((t): t is Thread => t !== null);
      await Promise.all(stopping.map((t) => t.worker.terminate()));
    },
  };
}
