// A central service as production runs it: its own operating-system process (`npm run central`),
// sharing nothing with the others but the PostgreSQL database it is given.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './tempCore.node.ts';

export interface CentralProcess {
  url: string;
  adminToken: string;
  stop(): Promise<void>;
}

export async function startCentralProcess(databaseUrl: string, adminToken: string): Promise<CentralProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src-central/cli.node.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', GUICHET_PAYMENTS: 'test', GUICHET_ADMIN_TOKEN: adminToken, GUICHET_PDF_WORKERS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The central process did not start within 2 minutes:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Guichet central service: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The central process exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    adminToken,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
