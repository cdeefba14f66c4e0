// The palette's sources, in the order their hits are shown at equal rank.
import type { SearchSource } from './searchSource.node.ts';
import { companionSource } from './sources/companionSource.node.ts';
import { contactSource } from './sources/contactSource.node.ts';
import { dossierSource } from './sources/dossierSource.node.ts';
import { optionSource } from './sources/optionSource.node.ts';
import { orderSource } from './sources/orderSource.node.ts';
import { ticketSource } from './sources/ticketSource.node.ts';
import { venueSource } from './sources/venueSource.node.ts';

export const SEARCH_SOURCES: readonly SearchSource[] = [
  dossierSource,
  venueSource,
  orderSource,
  optionSource,
  ticketSource,
  companionSource,
  contactSource,
];
