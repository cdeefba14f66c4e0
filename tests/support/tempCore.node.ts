import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { DATABASE_FILE, startCore, type CoreOptions, type GuichetCore } from '../../src-main/core/guichetCore.node.ts';
import { openStore } from '../../src-main/core/store/openStore.node.ts';
import { seedDemoCatalogue, TEST_SEED_MONTHS } from './seedDemoCatalogue.node.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const MIGRATIONS_DIR = path.join(ROOT, 'drizzle', 'local');
export const CENTRAL_MIGRATIONS_DIR = path.join(ROOT, 'drizzle', 'central');
/** A folder shared by the run's test files (set by the vitest global set-up) for prepared stores. */
export const TEST_TEMPLATES_ENV = 'GUICHET_TEST_TEMPLATES';

export function tempDir(prefix = 'guichet-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TempCore = GuichetCore & { dataDir: string };

/**
 * A local store holding the demo catalogue as of `today`, built once per run and day:
 * writing a year of slots takes seconds, copying the file milliseconds. It holds nothing
 * else — no client id, no session — so every copy is a new workstation.
 */
function seededStoreTemplate(today: string): string | null {
  const folder = process.env[TEST_TEMPLATES_ENV];
  if (!folder) return null;
  const file = path.join(folder, `desk-${today}.sqlite`);
  if (fs.existsSync(file)) return file;
  // Built under a name of its own, then renamed: a parallel test file sees a whole file or none.
  const building = `${file}.${process.pid}`;
  const store = openStore(building, MIGRATIONS_DIR);
  try {
    seedDemoCatalogue(store, today, TEST_SEED_MONTHS);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    store.close();
  }
  fs.renameSync(building, file);
  return file;
}

/**
 * A real core on a real SQLite file in a temp folder, at a fixed "now". Without a
 * central service, the catalogue is in the mirror tables already, as a pull would leave it.
 */
export async function tempCore(now = new Date('2025-01-10T09:00:00Z'), options: Partial<CoreOptions> = {}): Promise<TempCore> {
  const dataDir = options.dataDir ?? tempDir();
  const today = DateTime.fromJSDate(now, { zone: 'Europe/Paris' }).toISODate()!;
  const file = path.join(dataDir, DATABASE_FILE);
  const template = options.centralUrl || fs.existsSync(file) ? null : seededStoreTemplate(today);
  if (template) fs.copyFileSync(template, file);
  const core = await startCore({
    dataDir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', now: () => now, backgroundSync: false, ...options,
  });
  if (!options.centralUrl && !template) seedDemoCatalogue(core.store, today, TEST_SEED_MONTHS);
  const closeCore = core.close;
  return Object.assign(core, {
    dataDir,
    async close() {
      await closeCore();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
