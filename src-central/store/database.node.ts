// Opens the store: PostgreSQL through a node-postgres pool when a URL is given (any number
// of API processes share it), otherwise embedded PGlite (one connection, which PGlite
// itself serializes: each query or transaction waits for the one before).
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { isFreshDataDir, unpackTemplate } from './pgliteTemplate.node.ts';
import { adoptTemplateEpoch, checkPullEpoch } from './pullEpoch.node.ts';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A transaction or the database itself: reads that need no transaction take either. */
export type Queryable = Db | Tx;

export interface Store {
  db: Db;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  databaseUrl?: string;
  /** PGlite data folder; omitted (with no URL) for an in-memory database. */
  dataDir?: string;
  migrationsDir: string;
  poolSize?: number;
  /** A PGlite template (pgliteTemplate.node.ts) a fresh data folder starts from, when it fits. */
  pgliteTemplate?: string;
}

/** Several API processes may start at once against one PostgreSQL: one migrates, the others wait. */
const MIGRATION_LOCK = 4_870_001;

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const migrationsFolder = path.resolve(opts.migrationsDir);
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migratePg(drizzlePg(client), { migrationsFolder });
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    } finally {
      client.release();
    }
    const db = drizzlePg(pool) as unknown as Db;
    await initialRows(db);
    return { db, close: () => pool.end() };
  }
  // PGlite creates its own folder but not the folders above it (~/.local/share on a fresh account).
  if (opts.dataDir) fs.mkdirSync(path.dirname(path.resolve(opts.dataDir)), { recursive: true });
  const { client, fromTemplate } = opts.dataDir ? await openPglite(opts.dataDir, migrationsFolder, opts.pgliteTemplate) : { client: new PGlite(), fromTemplate: false };
  const pglite = drizzlePglite(client);
  await migratePglite(pglite, { migrationsFolder });
  const db = pglite as unknown as Db;
  await initialRows(db);
  if (fromTemplate) await adoptTemplateEpoch(db);
  return { db, close: () => client.close() };
}

/** PGlite on its data folder, a fresh one unpacked from the template when there is one that fits. */
async function openPglite(dataDir: string, migrationsFolder: string, template: string | undefined): Promise<{ client: PGlite; fromTemplate: boolean }> {
  if (template && isFreshDataDir(dataDir)) {
    try {
      if (await unpackTemplate(template, migrationsFolder, dataDir)) return { client: await PGlite.create(dataDir), fromTemplate: true };
    } catch {
      // A template that does not unpack costs only the time it saves: initdb as without one.
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { client: new PGlite(dataDir), fromTemplate: false };
}

async function initialRows(db: Db): Promise<void> {
  await checkPullEpoch(db);
}

/** node-postgres and PGlite both answer raw SQL with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const dialect = new PgDialect();

/**
 * Runs raw SQL as a named prepared statement: each connection parses and plans it once, not on
 * every call (on the placement path, planning was half of PostgreSQL's time). One name, one
 * text: only for statements whose SQL never changes, whatever their values.
 */
export async function preparedRows<T>(db: Queryable, name: string, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute());
}
