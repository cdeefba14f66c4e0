// Server versions order everything a desktop pulls. Taking one locks the single
// server_version row until commit, so versions become visible in the order they were
// taken: a pull that has seen version v can never later meet a row committed below v.
// Writers take it as their last step, so they queue on it only for their commit.
import { inArray, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from './database.node.ts';
import {
  closedDays, companions, contacts, groupCodes, options, orders, products, slots, tickets, venueRequests, venues, voucherMuseums, vouchers,
} from './schema.node.ts';

export async function nextVersion(tx: Tx): Promise<number> {
  const rows = rowsOf<{ v: string | number }>(await tx.execute(sql`UPDATE server_version SET v = v + 1 WHERE id = 1 RETURNING v`));
  return Number(rows[0]!.v);
}

const versionedTables = {
  venues, products, slots, closedDays, options, companions, contacts, orders, tickets, groupCodes, venueRequests, voucherMuseums, vouchers,
} as const;
export type Touched = Partial<Record<keyof typeof versionedTables, string[]>>;

/** Takes a new version and stamps it on every row the transaction changed. */
export async function stampVersion(tx: Tx, touched: Touched): Promise<number | null> {
  const entries = Object.entries(touched).filter(([, ids]) => ids.length > 0) as [keyof typeof versionedTables, string[]][];
  if (entries.length === 0) return null;
  const v = await nextVersion(tx);
  for (const [name, ids] of entries) {
    const table = versionedTables[name];
    await tx.update(table).set({ version: v }).where(inArray(table.id, ids));
  }
  return v;
}
