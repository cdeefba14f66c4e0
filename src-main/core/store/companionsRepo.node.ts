import { asc, eq } from 'drizzle-orm';
import type { CompanionRowDto } from '../../contract/schemas.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { companions, outbox } from './schema.node.ts';

export type CompanionRecord = typeof companions.$inferSelect;

/** Companions with a change still waiting in the outbox. */
function pendingCompanionIds(db: StoreDb): Set<string> {
  return new Set(db.select().from(outbox).all()
    .filter((row) => row.name.startsWith('companion.'))
    .map((row) => (row.args as { companionId: string }).companionId));
}

const toRow = (c: CompanionRecord, pending: Set<string>, uses: ReadonlyMap<string, number>): CompanionRowDto => ({
  id: c.id, kind: c.kind, surname: c.surname, firstName: c.firstName, email: c.email, phone: c.phone,
  placeholder: c.placeholder, pending: pending.has(c.id), futureBookings: uses.get(c.id) ?? 0,
});

/** `uses`: how many future bookings name each companion (see rpc/companionUses). */
export function listCompanions(db: StoreDb, uses: ReadonlyMap<string, number> = new Map()): CompanionRowDto[] {
  const pending = pendingCompanionIds(db);
  return db.select().from(companions).orderBy(asc(companions.surname), asc(companions.firstName)).all().map((c) => toRow(c, pending, uses));
}

export function findCompanion(db: StoreDb, id: string, uses: ReadonlyMap<string, number> = new Map()): CompanionRowDto | undefined {
  const row = db.select().from(companions).where(eq(companions.id, id)).get();
  return row && toRow(row, pendingCompanionIds(db), uses);
}
