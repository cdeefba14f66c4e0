import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { startCore, type CoreOptions, type GuichetCore } from '../../src-main/core/guichetCore.node.ts';
import { seedDemoCatalogue } from './seedDemoCatalogue.node.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const MIGRATIONS_DIR = path.join(ROOT, 'drizzle', 'local');
export const CENTRAL_MIGRATIONS_DIR = path.join(ROOT, 'drizzle', 'central');

export function tempDir(prefix = 'guichet-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TempCore = GuichetCore & { dataDir: string };

/**
 * A real core on a real SQLite file in a temp folder, at a fixed "now". Without a
 * central service, the catalogue is written straight into the mirror tables, as a pull would.
 */
export async function tempCore(now = new Date('2025-01-10T09:00:00Z'), options: Partial<CoreOptions> = {}): Promise<TempCore> {
  const dataDir = options.dataDir ?? tempDir();
  const core = await startCore({
    dataDir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', now: () => now, backgroundSync: false, ...options,
  });
  if (!options.centralUrl) seedDemoCatalogue(core.store, DateTime.fromJSDate(now, { zone: 'Europe/Paris' }).toISODate()!);
  const closeCore = core.close;
  return Object.assign(core, {
    dataDir,
    close() {
      closeCore();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
