import { listCompanions } from '../../store/companionsRepo.node.ts';
import type { SearchSource } from '../searchSource.node.ts';

/** A guide or leader, by name, e-mail or phone: opened on the Companions screen. */
export const companionSource: SearchSource = {
  kind: 'companion',
  candidates: ({ store }) => listCompanions(store.db).map((companion) => ({
    hit: {
      kind: 'companion', id: companion.id, title: `${companion.firstName} ${companion.surname}`, detail: companion.email ?? companion.phone, at: null, people: null, state: null,
      target: { screen: 'companions', params: { companion: companion.id } },
    },
    fields: [companion.surname, companion.firstName, companion.email ?? '', companion.phone ?? ''],
  })),
};
