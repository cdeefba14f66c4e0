// The people an office sends tickets to, shared by its workstations through sync: each change
// is written locally with its outbox row in one transaction and shown at once as pending.
import crypto from 'node:crypto';
import { findContact, listContacts } from '../store/contactsRepo.node.ts';
import { notFound } from './guichetError.std.ts';
import type { HandlerTable } from './handlerContext.node.ts';
import { recordChanges } from './recordChanges.node.ts';

export const contactHandlers: HandlerTable<'contacts.list' | 'contacts.save'> = {
  'contacts.list': (_input, { store }) => listContacts(store.db),

  'contacts.save': ({ id, ...fields }, ctx) => {
    if (id && !findContact(ctx.store.db, id)) throw notFound('contact', id);
    const contactId = id ?? crypto.randomUUID();
    recordChanges(ctx, [{ name: 'contact.save', args: { contactId, ...fields } }], 'contacts.changed');
    return findContact(ctx.store.db, contactId)!;
  },
};
