// A row's version is the id of the transaction that last changed it (pg_current_xact_id), and a
// pull's cookie holds the snapshot it read in: a row is new to a client exactly when its
// writer's id is not visible in the client's snapshot. Writers share no row to take a number
// from, so they commit side by side; yet a pull can never pass over a row committed late by a
// transaction that started early, as a counter read in commit order would (sync/pullSnapshot.node.ts).
import { sql, type SQL } from 'drizzle-orm';
import { preparedRows, rowsOf, type Tx } from './database.node.ts';
import {
  closedDays, companions, contacts, dossiers, groupCodes, options, orders, products, slots, tickets, venueRequests, venues, voucherMuseums, vouchers,
} from './schema.node.ts';

/** The SQL of the current transaction's id as a version (taking one if it has none yet). */
export const CURRENT_VERSION = sql`pg_current_xact_id()::text::bigint`;

export async function currentVersion(tx: Tx): Promise<number> {
  const rows = rowsOf<{ v: string | number }>(await tx.execute(sql`SELECT ${CURRENT_VERSION} AS v`));
  return Number(rows[0]!.v);
}

export const versionedTables = {
  venues, products, slots, closedDays, options, companions, contacts, orders, tickets, groupCodes, venueRequests, voucherMuseums, vouchers, dossiers,
} as const;
export type Touched = Partial<Record<keyof typeof versionedTables, string[]>>;

/** The touched tables with rows, in a fixed order: the shape of their stamping statement. */
function touchedTables(touched: Touched): [keyof typeof versionedTables, string[]][] {
  return (Object.keys(versionedTables) as (keyof typeof versionedTables)[])
    .filter((name) => (touched[name]?.length ?? 0) > 0)
    .map((name) => [name, touched[name]!]);
}

/**
 * One UPDATE per table the transaction changed, stamping its version on those rows; the ids go
 * as one array, so the SQL depends only on which tables were touched (and can be prepared).
 */
export function stampStatements(touched: Touched): { shape: string; statements: SQL[] } {
  const tables = touchedTables(touched);
  return {
    shape: tables.map(([name]) => name).join(','),
    statements: tables.map(([name, ids]) => {
      const table = versionedTables[name];
      return sql`UPDATE ${table} SET version = ${CURRENT_VERSION} WHERE ${table.id} = ANY(${sql.param(ids)})`;
    }),
  };
}

/**
 * Several data-modifying statements sent as one, each a CTE of it: one round trip instead of
 * one per statement, prepared under `name` when given (the same name must always carry the
 * same SQL). They must not change the same row twice (PostgreSQL keeps only one change).
 */
export async function runTogether(tx: Tx, statements: SQL[], name?: string): Promise<void> {
  if (statements.length === 0) return;
  const query = statements.length === 1 ? statements[0]!
    : sql`WITH ${sql.join(statements.map((statement, i) => sql`${sql.raw(`w${i}`)} AS (${statement})`), sql`, `)} SELECT 1`;
  await (name ? preparedRows(tx, name, query) : tx.execute(query));
}

/** Stamps the transaction's version on every row it changed. */
export async function stampVersion(tx: Tx, touched: Touched): Promise<void> {
  const { shape, statements } = stampStatements(touched);
  await runTogether(tx, statements, `stamp:${shape}`);
}
