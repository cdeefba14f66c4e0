// A central service as production runs it: its own operating-system process (`npm run central`),
// sharing nothing with the others but the PostgreSQL database it is given.
import { startChild } from './childProcess.node.ts';

export interface CentralProcess {
  url: string;
  adminToken: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startCentralProcess(databaseUrl: string, adminToken: string, env: Record<string, string> = {}): Promise<CentralProcess> {
  const child = await startChild('src-central/cli.node.ts', {
    DATABASE_URL: databaseUrl, PORT: '0', GUICHET_PAYMENTS: 'test', GUICHET_ADMIN_TOKEN: adminToken, GUICHET_PDF_WORKERS: '1', ...env,
  }, /Guichet central service: (\S+)/, 'The central process');
  return { url: child.printed, adminToken, pid: child.pid, stop: () => child.stop() };
}
