import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.node.ts';
import { loadMigrations, migrate } from './migrations.node.ts';

export type StoreDb = BetterSQLite3Database<typeof schema>;

export interface Store {
  db: StoreDb;
  sqlite: Database.Database;
  schemaVersion: number;
  file: string;
  close(): void;
}

/**
 * Opens (creating if needed) the office's SQLite file. WAL lets the window read while
 * a sync writes; synchronous=FULL because a booking acknowledged to the user must
 * survive a power cut.
 */
export function openStore(file: string, migrationsDir: string): Store {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const version = migrate(sqlite, loadMigrations(migrationsDir));
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
