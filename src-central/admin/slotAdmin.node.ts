// What a venue does to its own slots from the back office: close one to groups, or cancel
// it outright (its active options become 'cancelled_by_venue' and their seats are freed).
import { eq, sql } from 'drizzle-orm';
import type { CentralContext } from '../context.node.ts';
import { rowsOf } from '../store/database.node.ts';
import { slots } from '../store/schema.node.ts';
import { stampVersion } from '../store/versions.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import { wireSlot } from '../sync/wireRows.node.ts';
import { releaseSeats } from './sweepExpired.node.ts';

function noSuchSlot(slotId: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', `No slot ${slotId}.`);
}

export async function setSlotAvailability(ctx: CentralContext, slotId: string, available: boolean) {
  return ctx.db.transaction(async (tx) => {
    // A cancelled slot stays cancelled: it cannot be reopened by making it available.
    const [slot] = await tx.update(slots).set({ status: available ? 'open' : 'unavailable' })
      .where(sql`${slots.id} = ${slotId} AND ${slots.status} <> 'cancelled'`).returning();
    if (!slot) {
      const [exists] = await tx.select({ id: slots.id }).from(slots).where(eq(slots.id, slotId));
      throw exists ? new HttpError(404, 'NOT_FOUND', `Slot ${slotId} was cancelled by the venue.`) : noSuchSlot(slotId);
    }
    await stampVersion(tx, { slots: [slot.id] });
    return wireSlot(slot);
  });
}

export async function cancelSlot(ctx: CentralContext, slotId: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    // Options before the slot, the order cancel and expiry lock them in: no deadlock between them.
    const cancelled = rowsOf<{ id: string; slot_id: string; head_count: number }>(await tx.execute(sql`
      UPDATE options SET state = 'cancelled_by_venue', updated_at = ${now.toISOString()}::timestamptz
      WHERE slot_id = ${slotId} AND state = 'active'
      RETURNING id, slot_id, head_count`));
    await releaseSeats(tx, cancelled);
    const [slot] = await tx.update(slots).set({ status: 'cancelled' }).where(eq(slots.id, slotId)).returning();
    if (!slot) throw noSuchSlot(slotId);
    await stampVersion(tx, { slots: [slotId], options: cancelled.map((o) => o.id) });
    return { slot: wireSlot(slot), cancelledOptions: cancelled.map((o) => o.id) };
  });
}
