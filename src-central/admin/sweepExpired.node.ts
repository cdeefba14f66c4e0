// Options lapse by the server clock alone: active options whose expiry has passed become
// 'expired' and their seats go back on sale, in one transaction per batch, versions bumped
// so that desktops learn it on their next pull.
import { sql } from 'drizzle-orm';
import type { CentralContext } from '../context.node.ts';
import { forgetSpentRateLimits } from '../http/rateLimits.node.ts';
import { rowsOf, type Tx } from '../store/database.node.ts';
import { stampVersion } from '../store/versions.node.ts';

const BATCH = 500;

/** Gives seats back to slots, locking them in id order so concurrent releases cannot deadlock. */
async function releaseSeats(tx: Tx, released: { slot_id: string; head_count: number }[]): Promise<string[]> {
  const perSlot = new Map<string, number>();
  for (const r of released) perSlot.set(r.slot_id, (perSlot.get(r.slot_id) ?? 0) + r.head_count);
  const slotIds = [...perSlot.keys()].sort();
  for (const slotId of slotIds) {
    await tx.execute(sql`UPDATE slots SET held = held - ${perSlot.get(slotId)!} WHERE id = ${slotId}`);
  }
  return slotIds;
}

async function sweepBatch(tx: Tx, ctx: CentralContext, now: Date): Promise<number> {
  // SKIP LOCKED: an option being cancelled right now is left to that cancel, and several API
  // processes sweeping at once share the work instead of queueing on each other.
  const expired = rowsOf<{ id: string; slot_id: string; head_count: number }>(await tx.execute(sql`
    UPDATE options SET state = 'expired', updated_at = ${now.toISOString()}::timestamptz
    WHERE id IN (
      SELECT id FROM options WHERE state = 'active' AND expires_at <= ${now.toISOString()}::timestamptz
      ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
    )
    RETURNING id, slot_id, head_count`));
  if (expired.length === 0) return 0;
  await ctx.racePoints?.optionsExpiring?.(expired.map((o) => o.id));
  const slotIds = await releaseSeats(tx, expired);
  await stampVersion(tx, { options: expired.map((o) => o.id), slots: slotIds });
  return expired.length;
}

/** Expires every option due by the server clock; returns how many lapsed. */
export async function sweepExpired(ctx: CentralContext): Promise<number> {
  const now = ctx.now();
  let total = 0;
  for (;;) {
    const n = await ctx.db.transaction((tx) => sweepBatch(tx, ctx, now));
    total += n;
    if (n < BATCH) break;
  }
  // The same round forgets rate-limit counts that have started again from nothing.
  await forgetSpentRateLimits(ctx.db, now);
  return total;
}
