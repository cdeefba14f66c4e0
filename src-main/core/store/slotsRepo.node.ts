import { and, asc, between, eq } from 'drizzle-orm';
import type { StoreDb } from './openStore.node.ts';
import { serverClosedDays, serverSlots } from './schema.node.ts';

export type SlotRow = typeof serverSlots.$inferSelect;

export function slotsBetween(db: StoreDb, venueId: string, fromDate: string, toDate: string): SlotRow[] {
  return db
    .select()
    .from(serverSlots)
    .where(and(eq(serverSlots.venueId, venueId), between(serverSlots.localDate, fromDate, toDate)))
    .orderBy(asc(serverSlots.localDate), asc(serverSlots.localTime))
    .all();
}

export function closedDaysBetween(db: StoreDb, venueId: string, fromDate: string, toDate: string): Set<string> {
  const rows = db
    .select({ localDate: serverClosedDays.localDate })
    .from(serverClosedDays)
    .where(and(eq(serverClosedDays.venueId, venueId), between(serverClosedDays.localDate, fromDate, toDate)))
    .all();
  return new Set(rows.map((r) => r.localDate));
}

export function findSlot(db: StoreDb, id: string): SlotRow | undefined {
  return db.select().from(serverSlots).where(eq(serverSlots.id, id)).get();
}
