// An office's requests to monuments booked through their own booking department, as this
// workstation holds them: recorded here, or pulled from another workstation of the office.
import { asc, eq } from 'drizzle-orm';
import { VENUE_REQUEST_STATES } from '../../contract/centralApi.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { venueRequests } from './schema.node.ts';

export type VenueRequest = typeof venueRequests.$inferSelect;

const DATE_COLUMN = { confirmed: 'confirmedAt', paid: 'paidAt', done: 'doneAt' } as const;
const stepOf = (request: Pick<VenueRequest, 'state'>) => VENUE_REQUEST_STATES.indexOf(request.state);

export function listVenueRequests(db: StoreDb, venueId: string): VenueRequest[] {
  return db.select().from(venueRequests).where(eq(venueRequests.venueId, venueId)).orderBy(asc(venueRequests.visitDate)).all();
}

export function listAllVenueRequests(db: StoreDb): VenueRequest[] {
  return db.select().from(venueRequests).orderBy(asc(venueRequests.sentAt), asc(venueRequests.id)).all();
}

export function dossierVenueRequests(db: StoreDb, dossierId: string): VenueRequest[] {
  return db.select().from(venueRequests).where(eq(venueRequests.dossierId, dossierId)).orderBy(asc(venueRequests.visitDate)).all();
}

export function findVenueRequest(db: StoreDb, id: string): VenueRequest | undefined {
  return db.select().from(venueRequests).where(eq(venueRequests.id, id)).get();
}

/** The request moved to its next step, dated now; notes replace the previous ones when given. Undefined once done. */
export function nextStepOf(request: VenueRequest, nowIso: string, notes?: string): VenueRequest | undefined {
  const next = VENUE_REQUEST_STATES[stepOf(request) + 1];
  if (!next || next === 'sent') return undefined;
  return { ...request, state: next, [DATE_COLUMN[next]]: nowIso, ...(notes === undefined ? {} : { notes }) };
}

/** Writes the request as given (as the central service holds it, when pulled); a pulled one's updatedAt is not kept. */
export function putVenueRequest(db: StoreDb, r: VenueRequest): void {
  const fields = {
    venueId: r.venueId, visitDate: r.visitDate, headCount: r.headCount, state: r.state, notes: r.notes,
    sentAt: r.sentAt, confirmedAt: r.confirmedAt, paidAt: r.paidAt, doneAt: r.doneAt, dossierId: r.dossierId ?? null,
  };
  db.insert(venueRequests).values({ id: r.id, ...fields }).onConflictDoUpdate({ target: venueRequests.id, set: fields }).run();
}

/**
 * Writes a change made on this workstation, unless the request is already further on here: a
 * request only moves forward, here as on the central service, so a change replayed over a
 * step pulled from another workstation does not undo that step.
 */
export function putVenueRequestForward(db: StoreDb, request: VenueRequest): void {
  const held = findVenueRequest(db, request.id);
  if (held && stepOf(held) > stepOf(request)) return;
  putVenueRequest(db, request);
}
