import { asc, eq } from 'drizzle-orm';
import type { ContactRowDto } from '../../contract/orderSchemas.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { contacts, outbox } from './schema.node.ts';

type ContactRecord = typeof contacts.$inferSelect;

/** Contacts with a change still waiting in the outbox. */
export function pendingContactIds(db: StoreDb): Set<string> {
  return new Set(db.select().from(outbox).all()
    .filter((row) => row.name.startsWith('contact.'))
    .map((row) => (row.args as { contactId: string }).contactId));
}

const toRow = (c: ContactRecord, pending: Set<string>): ContactRowDto => ({
  id: c.id, surname: c.surname, firstName: c.firstName, email: c.email, pending: pending.has(c.id),
});

export function listContacts(db: StoreDb): ContactRowDto[] {
  const pending = pendingContactIds(db);
  return db.select().from(contacts).orderBy(asc(contacts.surname), asc(contacts.firstName)).all().map((c) => toRow(c, pending));
}

export function findContact(db: StoreDb, id: string): ContactRowDto | undefined {
  const row = db.select().from(contacts).where(eq(contacts.id, id)).get();
  return row && toRow(row, pendingContactIds(db));
}
