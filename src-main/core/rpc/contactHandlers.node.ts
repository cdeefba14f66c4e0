// The people an office sends tickets to, shared by its workstations through sync: each change
// is written locally with its outbox row in one transaction and shown at once as pending.
import crypto from 'node:crypto';
import { findContact, listContacts } from '../store/contactsRepo.node.ts';
import { applyLocally } from '../sync/localMutators.node.ts';
import { recordMutation } from '../sync/outbox.node.ts';
import { notFound } from './guichetError.std.ts';
import type { HandlerTable } from './handlerContext.node.ts';

export const contactHandlers: HandlerTable<'contacts.list' | 'contacts.save'> = {
  'contacts.list': (_input, { store }) => listContacts(store.db),

  'contacts.save': ({ id, ...fields }, ctx) => {
    if (id && !findContact(ctx.store.db, id)) throw notFound('contact', id);
    const contactId = id ?? crypto.randomUUID();
    const mutation = { name: 'contact.save' as const, args: { contactId, ...fields } };
    const nowIso = ctx.now().toISOString();
    ctx.store.sqlite.transaction(() => {
      recordMutation(ctx.store.db, mutation, nowIso);
      applyLocally(ctx.store.db, mutation, nowIso);
    })();
    ctx.emit('contacts.changed', {});
    ctx.emit('sync.status', ctx.sync.status());
    void ctx.sync.syncNow();
    return findContact(ctx.store.db, contactId)!;
  },
};
