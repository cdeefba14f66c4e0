// The office's client groups as the local store holds them, with a change waiting in the
// outbox marked pending.
import { asc, eq } from 'drizzle-orm';
import type { WireDossier } from '../../contract/centralApi.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { dossiers, outbox } from './schema.node.ts';

export type DossierRecord = typeof dossiers.$inferSelect;

export function pendingDossierIds(db: StoreDb): Set<string> {
  return new Set(db.select().from(outbox).where(eq(outbox.name, 'dossier.save')).all()
    .map((row) => (row.args as { dossierId: string }).dossierId));
}

export function findDossier(db: StoreDb, id: string): DossierRecord | undefined {
  return db.select().from(dossiers).where(eq(dossiers.id, id)).get();
}

export function allDossiers(db: StoreDb): DossierRecord[] {
  return db.select().from(dossiers).orderBy(asc(dossiers.name)).all();
}

/** The dossier's own fields, as the wire and the forms carry them. */
export function dossierFields(d: DossierRecord): Omit<WireDossier, 'id' | 'updatedAt'> {
  return {
    name: d.name, clientReference: d.clientReference, contactName: d.contactName, contactEmail: d.contactEmail, contactPhone: d.contactPhone,
    expectedPeople: d.expectedPeople, travelFrom: d.travelFrom, travelTo: d.travelTo, notes: d.notes,
  };
}
