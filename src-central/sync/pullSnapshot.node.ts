// What a pull has seen, as PostgreSQL's own snapshot of committed transactions (xmin:xmax:xip).
// Row versions are writers' transaction ids, so "changed since the client's pull" is "written
// by a transaction that was not yet visible in the client's snapshot": a writer that took its id
// early and committed late is still new to a client that pulled while it was running.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { rowsOf, type Tx } from '../store/database.node.ts';

export interface Snapshot {
  /** Every transaction below it had ended when the snapshot was taken. */
  xmin: number;
  /** No transaction from here on had ended. */
  xmax: number;
  /** Those in between still running. */
  xip: number[];
}

const SNAPSHOT_TEXT = /^(\d+):(\d+):((?:\d+,)*\d+)?$/;

export function parseSnapshot(text: string): Snapshot {
  const match = SNAPSHOT_TEXT.exec(text);
  if (!match) throw new Error(`not a snapshot: ${text}`);
  const numbers = [match[1]!, match[2]!, ...(match[3] ? match[3].split(',') : [])].map(Number);
  if (!numbers.every(Number.isSafeInteger)) throw new Error(`snapshot out of range: ${text}`);
  const [xmin, xmax, ...xip] = numbers as [number, number, ...number[]];
  return { xmin, xmax, xip };
}

export const formatSnapshot = (s: Snapshot): string => `${s.xmin}:${s.xmax}:${s.xip.join(',')}`;

/** The snapshot the current transaction reads in (in REPEATABLE READ, the whole transaction's). */
export async function currentSnapshot(tx: Tx): Promise<Snapshot> {
  const [row] = rowsOf<{ s: string }>(await tx.execute(sql`SELECT pg_current_snapshot()::text AS s`));
  return parseSnapshot(row!.s);
}

const xipArray = (s: Snapshot) => sql`${`{${s.xip.join(',')}}`}::bigint[]`;

/** The row's writer had not committed when `s` was taken. */
export function writtenAfter(version: AnyColumn, s: Snapshot): SQL {
  return sql`(${version} >= ${s.xmin} AND (${version} >= ${s.xmax} OR ${version} = ANY(${xipArray(s)})))`;
}

/** The row's writer had committed when `s` was taken. */
export function visibleIn(version: AnyColumn, s: Snapshot): SQL {
  return sql`(${version} < ${s.xmax} AND NOT ${version} = ANY(${xipArray(s)}))`;
}
