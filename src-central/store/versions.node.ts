// A row's version is the id of the transaction that last changed it (pg_current_xact_id), and a
// pull's cookie holds the snapshot it read in: a row is new to a client exactly when its
// writer's id is not visible in the client's snapshot. Writers share no row to take a number
// from, so they commit side by side; yet a pull can never pass over a row committed late by a
// transaction that started early, as a counter read in commit order would (snapshots.node.ts).
import { inArray, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from './database.node.ts';
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

/** Stamps the transaction's version on every row it changed. */
export async function stampVersion(tx: Tx, touched: Touched): Promise<void> {
  for (const [name, ids] of Object.entries(touched) as [keyof typeof versionedTables, string[]][]) {
    if (ids.length === 0) continue;
    const table = versionedTables[name];
    await tx.update(table).set({ version: CURRENT_VERSION }).where(inArray(table.id, ids));
  }
}
