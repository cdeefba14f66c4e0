// Starts the real browser host (`npm run start:browser` without the build step) as a
// child process on a fresh data folder, as a user would, and reads the URL it prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChild } from './childProcess.node.ts';

export interface RunningHost {
  launchUrl: string;
  origin: string;
  dataDir: string;
  readyMs: number;
  stop(): Promise<void>;
}

/**
 * Pass `dataDir` to reopen an existing data folder; it is then left in place on stop. `bundled`
 * starts the bundle `npm start` runs (dist-electron/host.cjs, made by `npm run build:electron`).
 */
export async function startHostProcess({ dataDir: existing, env = {}, bundled = false }: { dataDir?: string; env?: Record<string, string>; bundled?: boolean } = {}): Promise<RunningHost> {
  const dataDir = existing ?? fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-e2e-'));
  const started = performance.now();
  const child = await startChild(bundled ? 'dist-electron/host.cjs' : 'src-main/host/cli.node.ts', { GUICHET_DATA_DIR: dataDir, ...env }, /GUICHET_URL=(\S+)/, 'Browser host');
  const launchUrl = child.printed;
  return {
    launchUrl,
    origin: new URL(launchUrl).origin,
    dataDir,
    readyMs: performance.now() - started,
    stop: () => child.stop(() => {
      if (!existing) fs.rmSync(dataDir, { recursive: true, force: true });
    }),
  };
}
