// Starts the real browser host (`npm run start:browser` without the build step) as a
// child process on a fresh data folder, as a user would, and reads the URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningHost {
  launchUrl: string;
  origin: string;
  dataDir: string;
  readyMs: number;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Pass `dataDir` to reopen an existing data folder; it is then left in place on stop. */
export async function startHostProcess({ dataDir: existing, env = {} }: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningHost> {
  const dataDir = existing ?? fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-e2e-'));
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src-main/host/cli.node.ts')], {
    cwd: root,
    env: { ...process.env, GUICHET_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Browser host did not start within 2 minutes:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GUICHET_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Browser host exited with ${code}:\n${output}`));
    });
  });
  const readyMs = performance.now() - started;
  return {
    launchUrl,
    origin: new URL(launchUrl).origin,
    dataDir,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.once('exit', () => {
          if (!existing) fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
