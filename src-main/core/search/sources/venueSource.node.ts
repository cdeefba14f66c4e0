import { listVenues } from '../../store/catalogueRepo.node.ts';
import type { SearchSource } from '../searchSource.node.ts';

/** A monument: its calendar. */
export const venueSource: SearchSource = {
  kind: 'venue',
  candidates: ({ store }) => listVenues(store.db).map((venue) => ({
    hit: { kind: 'venue', id: venue.id, title: venue.name, detail: null, at: null, people: null, state: null, target: { screen: 'calendar', params: { venue: venue.id } } },
    fields: [venue.name, venue.id],
  })),
};
