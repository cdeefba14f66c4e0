// The thread the embedded demo central service runs in (embeddedCentral.node.ts). Its PGlite
// runs in WebAssembly on one thread: on the desk's own, a first launch's pull of a year of
// slots held up the window's first screen, query after query, while the other core sat idle.
// It binds its port at once and says so, so the desk starts meanwhile; it opens its store when
// told to ('open'), and closes when told to ('close').
import { parentPort, workerData } from 'node:worker_threads';
import { startCentral } from '../../src-central/central.node.ts';
import { listenEarly } from '../../src-central/http/earlyListener.node.ts';

export interface EmbeddedCentralWorkerData {
  dataDir: string;
  migrationsDir: string;
  pgliteTemplate: string;
}

export type EmbeddedCentralOrder = 'open' | 'close';

export type EmbeddedCentralAnswer =
  | { type: 'listening'; url: string }
  | { type: 'started'; adminToken: string }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

const port = parentPort!;
const { dataDir, migrationsDir, pgliteTemplate } = workerData as EmbeddedCentralWorkerData;
const say = (answer: EmbeddedCentralAnswer) => port.postMessage(answer);
const told = (order: EmbeddedCentralOrder) => new Promise<void>((resolve) => {
  const listen = (message: EmbeddedCentralOrder) => {
    if (message !== order) return;
    port.off('message', listen);
    resolve();
  };
  port.on('message', listen);
});

// A function rather than top-level await: the Electron build bundles this file as CommonJS.
async function serve(): Promise<void> {
  const opening = told('open');
  const listener = await listenEarly();
  say({ type: 'listening', url: listener.url });
  await opening;
  try {
    const central = await startCentral({
      dataDir, migrationsDir, pgliteTemplate, seedDemo: true, demoAccount: true, listener,
      // Its demo office's password is public: no page may reach it under another name.
      loopbackHostsOnly: true,
    });
    void told('close').then(() => central.close()).finally(() => {
      say({ type: 'closed' });
      port.close();
    });
    say({ type: 'started', adminToken: central.adminToken });
  } catch (error) {
    listener.refuse();
    throw error;
  }
}

serve().catch((error: unknown) => {
  say({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
});
