// Monuments without online slots are booked with their booking department; the office
// tracks each request here: sent → confirmed by the venue → paid → done.
import crypto from 'node:crypto';
import { findVenue } from '../store/catalogueRepo.node.ts';
import { advanceVenueRequest, findVenueRequest, insertVenueRequest, listVenueRequests } from '../store/venueRequestsRepo.node.ts';
import { GuichetError, notFound } from './guichetError.std.ts';
import type { HandlerTable } from './handlerContext.node.ts';

export const requestHandlers: HandlerTable<'requests.list' | 'requests.create' | 'requests.advance'> = {
  'requests.list': ({ venueId }, { store }) => listVenueRequests(store.db, venueId),

  'requests.create': ({ venueId, visitDate, headCount, notes }, { store, now }) => {
    const venue = findVenue(store.db, venueId);
    if (!venue) throw notFound('venue', venueId);
    if (venue.rules.slotMode !== 'on-request') {
      throw new GuichetError('RULE_VIOLATION', `${venue.name} is booked online.`, { rule: 'BOOKED_ONLINE' });
    }
    const id = crypto.randomUUID();
    insertVenueRequest(store.db, { id, venueId, visitDate, headCount, notes: notes ?? '', sentAt: now().toISOString() });
    return findVenueRequest(store.db, id)!;
  },

  'requests.advance': ({ id, notes }, { store, now }) => {
    const request = findVenueRequest(store.db, id);
    if (!request) throw notFound('request', id);
    if (request.state === 'done') throw new GuichetError('RULE_VIOLATION', 'This request is already done.', { rule: 'REQUEST_DONE' });
    advanceVenueRequest(store.db, request, now().toISOString(), notes);
    return findVenueRequest(store.db, id)!;
  },
};
