// The demo's central service, run beside the desk when no other is configured: PGlite in the
// user's data folder, the demo catalogue and a validated demo office, signed in at once,
// so a newcomer sees live sync with no set-up. Used by the browser host and by Electron. It
// runs in its own thread (embeddedCentralWorker.node.ts), reached as any central service is,
// over HTTP on loopback: its address comes at once, the service itself once its store is open.
// That costs the second core most of a second, which the window's first screen needs more: a
// desk already signed in lets the window show first ('app.shown'), then opens it.
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { DEMO_ACCOUNT } from '../contract/centralApi.std.ts';
import type { GuichetCore } from '../core/guichetCore.node.ts';
import { startWorker } from '../core/workers/startWorker.node.ts';
import { templateFile } from '../../src-central/store/pgliteTemplate.node.ts';
import type { EmbeddedCentralAnswer, EmbeddedCentralOrder, EmbeddedCentralWorkerData } from './embeddedCentralWorker.node.ts';

/** A window that never says it has shown (or none opened) holds the service back no longer than this. */
const OPEN_AT_THE_LATEST_MS = 3_000;

export interface EmbeddedCentral {
  url: string;
  adminToken: string;
}

/** The worker's answers of one type, in turn; a failure or the thread's end rejects those awaited. */
function answers(worker: Worker) {
  const waiting = new Map<EmbeddedCentralAnswer['type'], { resolve: (a: EmbeddedCentralAnswer) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: EmbeddedCentralAnswer) => {
    if (answer.type === 'failed') return failAll(new Error(`The embedded central service could not start: ${answer.message}`));
    waiting.get(answer.type)?.resolve(answer);
    waiting.delete(answer.type);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`The embedded central service stopped (exit code ${code}).`)));
  return <T extends EmbeddedCentralAnswer['type']>(type: T) => new Promise<Extract<EmbeddedCentralAnswer, { type: T }>>((resolve, reject) => {
    waiting.set(type, { resolve: resolve as (a: EmbeddedCentralAnswer) => void, reject });
  });
}

export function embeddedCentral(dataDir: string, appRoot: string) {
  let worker: Worker | undefined;
  let running: EmbeddedCentral | undefined;
  let started: Promise<EmbeddedCentral> = Promise.reject(new Error('The embedded central service was not started.'));
  started.catch(() => undefined);
  let next: ReturnType<typeof answers> | undefined;
  let opened = false;
  const tell = (order: EmbeddedCentralOrder) => worker?.postMessage(order);
  /** Opens the store, once. */
  const open = () => {
    if (opened || !worker) return;
    opened = true;
    tell('open');
  };
  return {
    /** Starts the service; resolves with its address as soon as its port is bound. */
    start: async () => {
      const data: EmbeddedCentralWorkerData = {
        dataDir: path.join(dataDir, 'central'),
        migrationsDir: path.join(appRoot, 'drizzle', 'central'),
        pgliteTemplate: templateFile(appRoot),
      };
      worker = startWorker(import.meta.url, 'embeddedCentralWorker', { workerData: data });
      next = answers(worker);
      const ready = next('started');
      const { url } = await next('listening');
      started = ready.then(({ adminToken }) => (running = { url, adminToken }));
      started.catch(() => undefined); // awaited by whoever needs the service up
      setTimeout(open, OPEN_AT_THE_LATEST_MS).unref();
      return url;
    },
    open,
    /** The service up, its store open; rejects, saying why, if it could not start. */
    get started() {
      return started;
    },
    /** Whether the desk asked for it: no other central service was chosen. */
    get inUse() {
      return worker !== undefined;
    },
    /**
     * Signs the desktop in as the demo office the first time it meets the embedded service.
     * The first pull that follows runs while the window opens: the calendar shows it loading,
     * and fills in when the catalogue has come.
     */
    async signInDemoOffice(core: GuichetCore) {
      if (!worker) return;
      const account = await core.dispatch('account.status', {});
      if (account.ok && !(account.value as { signedIn: boolean }).signedIn) {
        open();
        await started;
        await core.dispatch('account.signIn', { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password });
      }
    },
    close: async () => {
      if (!worker || !next) return;
      // Stopped while its store opens: it closes once open rather than be cut off mid-write.
      if (opened) await started.catch(() => undefined);
      if (running) {
        const closed = next('closed');
        tell('close');
        await closed.catch(() => undefined);
      }
      await worker.terminate();
      worker = undefined;
    },
  };
}
