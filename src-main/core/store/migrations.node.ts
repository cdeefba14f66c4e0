// Numbered migrations from drizzle/local, applied in one transaction. The schema
// version lives in SQLite's user_version; a database written by a newer Guichet
// (a version we do not know) is refused rather than opened and damaged.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  tag: string;
  statements: string[];
}

export class DatabaseFromFutureError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(
      `This data folder was written by a newer version of Guichet (schema ${found}; this version knows up to ${known}). ` +
        'Install the latest Guichet to open it; nothing was changed.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}

export function loadMigrations(dir: string): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => ({
      version: entry.idx + 1,
      tag: entry.tag,
      statements: fs
        .readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

export function schemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the database's version, up to `target`; returns the new version. */
export function migrate(sqlite: Database.Database, migrations: Migration[], target = migrations.length): number {
  const current = schemaVersion(sqlite);
  if (current > migrations.length) throw new DatabaseFromFutureError(current, migrations.length);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  sqlite.transaction(() => {
    for (const migration of pending) {
      for (const statement of migration.statements) sqlite.exec(statement);
    }
    sqlite.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  })();
  return schemaVersion(sqlite);
}
