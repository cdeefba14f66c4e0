// Starts a worker thread wherever Guichet runs: the desk's bundles, the tickets the central
// service e-mails, the embedded demo central service. From source (tsx, the tests) the worker is
// `<name>.node.ts` beside the module that owns it, started through tsWorkerBoot.mjs; in the
// Electron build it is `<name>.cjs` beside main.cjs (scripts/build-electron.mjs builds each one).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * `ownerUrl`: the owning module's import.meta.url. It is empty once bundled as CommonJS,
 * where every module is main.cjs: __filename.
 */
export function startWorker(ownerUrl: string | undefined, name: string, options: WorkerOptions = {}): Worker {
  const owner = ownerUrl ? fileURLToPath(ownerUrl) : __filename;
  const dir = path.dirname(owner);
  if (!owner.endsWith('.ts')) return new Worker(path.join(dir, `${name}.cjs`), options);
  const boot = fileURLToPath(new URL('./tsWorkerBoot.mjs', import.meta.url));
  const tsEntry = pathToFileURL(path.join(dir, `${name}.node.ts`)).href;
  return new Worker(boot, { ...options, workerData: { ...options.workerData, tsEntry } });
}
