import { allDossiers } from '../../store/dossiersRepo.node.ts';
import type { SearchSource } from '../searchSource.node.ts';

/** A client group, by its name, the client's reference or its contact: opened as its itinerary. */
export const dossierSource: SearchSource = {
  kind: 'dossier',
  candidates: ({ store }) => allDossiers(store.db).map((d) => ({
    hit: {
      kind: 'dossier', id: d.id, title: d.name, detail: d.clientReference ?? d.contactName, at: null, people: d.expectedPeople, state: null,
      target: { screen: 'dossiers', params: { id: d.id } },
    },
    fields: [d.name, d.clientReference ?? '', d.contactName ?? '', d.contactEmail ?? ''],
  })),
};
