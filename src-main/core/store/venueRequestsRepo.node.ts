import { asc, eq } from 'drizzle-orm';
import type { StoreDb } from './openStore.node.ts';
import { venueRequests } from './schema.node.ts';

export type VenueRequest = typeof venueRequests.$inferSelect;

export const REQUEST_STEPS = ['sent', 'confirmed', 'paid', 'done'] as const;
const DATE_COLUMN = { confirmed: 'confirmedAt', paid: 'paidAt', done: 'doneAt' } as const;

export function listVenueRequests(db: StoreDb, venueId: string): VenueRequest[] {
  return db.select().from(venueRequests).where(eq(venueRequests.venueId, venueId)).orderBy(asc(venueRequests.visitDate)).all();
}

export function findVenueRequest(db: StoreDb, id: string): VenueRequest | undefined {
  return db.select().from(venueRequests).where(eq(venueRequests.id, id)).get();
}

export function insertVenueRequest(db: StoreDb, request: Omit<VenueRequest, 'confirmedAt' | 'paidAt' | 'doneAt' | 'state'>): void {
  db.insert(venueRequests).values({ ...request, state: 'sent' }).run();
}

/** Moves a request to its next step, dated now; notes replace the previous ones when given. */
export function advanceVenueRequest(db: StoreDb, request: VenueRequest, nowIso: string, notes?: string): void {
  const next = REQUEST_STEPS[REQUEST_STEPS.indexOf(request.state) + 1];
  if (!next || next === 'sent') return;
  db.update(venueRequests)
    .set({ state: next, [DATE_COLUMN[next]]: nowIso, ...(notes === undefined ? {} : { notes }) })
    .where(eq(venueRequests.id, request.id))
    .run();
}

/** Writes the request as given (as the central service holds it, when pulled); a pulled one's updatedAt is not kept. */
export function putVenueRequest(db: StoreDb, r: VenueRequest): void {
  const fields = {
    venueId: r.venueId, visitDate: r.visitDate, headCount: r.headCount, state: r.state, notes: r.notes,
    sentAt: r.sentAt, confirmedAt: r.confirmedAt, paidAt: r.paidAt, doneAt: r.doneAt,
  };
  db.insert(venueRequests).values({ id: r.id, ...fields }).onConflictDoUpdate({ target: venueRequests.id, set: fields }).run();
}
