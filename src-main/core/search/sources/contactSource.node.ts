import { listContacts } from '../../store/contactsRepo.node.ts';
import type { SearchSource } from '../searchSource.node.ts';

/** A person tickets are sent to, by name or e-mail: their row on the Contacts screen. */
export const contactSource: SearchSource = {
  kind: 'contact',
  candidates: ({ store }) => listContacts(store.db).map((contact) => ({
    hit: {
      kind: 'contact', id: contact.id, title: `${contact.firstName} ${contact.surname}`, detail: contact.email, at: null, people: null, state: null,
      target: { screen: 'contacts', params: { contact: contact.id } },
    },
    fields: [contact.surname, contact.firstName, contact.email],
  })),
};
