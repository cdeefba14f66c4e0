// Monuments without online slots are booked with their booking department; the office
// tracks each request here: sent → confirmed by the venue → paid → done. Requests are shared
// by the office's workstations through sync: each change is written locally with its outbox
// row in one transaction, and carries the whole request.
import crypto from 'node:crypto';
import { findVenue } from '../store/catalogueRepo.node.ts';
import { findVenueRequest, listVenueRequests, nextStepOf, type VenueRequest } from '../store/venueRequestsRepo.node.ts';
import { GuichetError, notFound } from './guichetError.std.ts';
import type { HandlerContext, HandlerTable } from './handlerContext.node.ts';
import { checkDossier } from './knownDossier.node.ts';
import { recordChanges } from './recordChanges.node.ts';

function save(ctx: HandlerContext, { id, ...fields }: VenueRequest): VenueRequest {
  recordChanges(ctx, [{ name: 'venueRequest.save', args: { requestId: id, ...fields } }], 'requests.changed');
  return findVenueRequest(ctx.store.db, id)!;
}

export const requestHandlers: HandlerTable<'requests.list' | 'requests.create' | 'requests.advance'> = {
  'requests.list': ({ venueId }, { store }) => listVenueRequests(store.db, venueId),

  'requests.create': ({ venueId, visitDate, headCount, notes, dossierId }, ctx) => {
    const venue = findVenue(ctx.store.db, venueId);
    if (!venue) throw notFound('venue', venueId);
    if (venue.rules.slotMode !== 'on-request') {
      throw new GuichetError('RULE_VIOLATION', `${venue.name} is booked online.`, { rule: 'BOOKED_ONLINE' });
    }
    return save(ctx, {
      id: crypto.randomUUID(), venueId, visitDate, headCount, state: 'sent', notes: notes ?? '',
      sentAt: ctx.now().toISOString(), confirmedAt: null, paidAt: null, doneAt: null, dossierId: checkDossier(ctx, dossierId),
    });
  },

  'requests.advance': ({ id, notes }, ctx) => {
    const request = findVenueRequest(ctx.store.db, id);
    if (!request) throw notFound('request', id);
    const next = nextStepOf(request, ctx.now().toISOString(), notes);
    if (!next) throw new GuichetError('RULE_VIOLATION', 'This request is already done.', { rule: 'REQUEST_DONE' });
    return save(ctx, next);
  },
};
