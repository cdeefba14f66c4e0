import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.node.ts';
import { loadMigrations, migrate, schemaVersion } from './migrations.node.ts';
import { makePrivateDir, PRIVATE_FILE_MODE } from './storeFiles.node.ts';

export type StoreDb = BetterSQLite3Database<typeof schema>;

export interface Store {
  db: StoreDb;
  sqlite: Database.Database;
  schemaVersion: number;
  file: string;
  close(): void;
}

export interface OpenStoreOptions {
  /** Called before migrating a store that has data (schema version above 0), e.g. to back it up. */
  beforeMigration?(sqlite: Database.Database, from: number, to: number): void;
}

/**
 * Opens (creating if needed) the office's SQLite file. WAL lets the window read while
 * a sync writes; synchronous=FULL because a booking acknowledged to the user must
 * survive a power cut. The file holds the office's session: only its user may read it
 * (SQLite gives its -wal and -shm the database file's mode).
 */
export function openStore(file: string, migrationsDir: string, options: OpenStoreOptions = {}): Store {
  makePrivateDir(path.dirname(file));
  const sqlite = new Database(file);
  try {
    if (process.platform !== 'win32') fs.chmodSync(file, PRIVATE_FILE_MODE);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const migrations = loadMigrations(migrationsDir);
    const current = schemaVersion(sqlite);
    if (current > 0 && current < migrations.length) options.beforeMigration?.(sqlite, current, migrations.length);
    const version = migrate(sqlite, migrations);
    return {
      db: drizzle(sqlite, { schema }),
      sqlite,
      schemaVersion: version,
      file,
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
