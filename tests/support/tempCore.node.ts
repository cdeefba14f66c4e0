import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore, type GuichetCore } from '../../src-main/core/guichetCore.node.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const MIGRATIONS_DIR = path.join(ROOT, 'drizzle', 'local');

export function tempDir(prefix = 'guichet-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real core on a real SQLite file in a temp folder, with the demo catalogue, at a fixed "now". */
export function tempCore(now = new Date('2025-01-10T09:00:00Z')): GuichetCore & { dataDir: string } {
  const dataDir = tempDir();
  const core = startCore({ dataDir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', now: () => now });
  const closeStore = core.close;
  return Object.assign(core, {
    dataDir,
    close() {
      closeStore();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
