// Starts a TypeScript worker when Guichet runs from source (tsx, the tests): Node 20 does not
// pass tsx's --import hooks on to worker threads, so the thread registers them itself. The
// Electron build never uses this file: its workers are compiled beside main.cjs (startWorker.node.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.tsEntry);
