// Options are prepared locally (state "pending") with an outbox row in the same
// transaction; the sync engine takes them to the central service, which decides.
import crypto from 'node:crypto';
import type { GroupComposition } from '../domain/groupComposition.std.ts';
import { groupViolations, headCount } from '../domain/groupComposition.std.ts';
import { optionExpiry } from '../domain/optionExpiry.std.ts';
import { findVenue } from '../store/catalogueRepo.node.ts';
import { deleteOption, findOption, listOptions, optionRow as readOptionRow } from '../store/optionsRepo.node.ts';
import { findSlot } from '../store/slotsRepo.node.ts';
import { syncState } from '../sync/syncState.node.ts';
import type { NewMutation } from '../../contract/centralApi.std.ts';
import { notFound } from './guichetError.std.ts';
import { checkGroupRules, checkSeats, checkSlotOpen, refuse, slotAndVenue } from './slotChecks.node.ts';
import type { HandlerContext, HandlerTable } from './handlerContext.node.ts';
import { checkDossier } from './knownDossier.node.ts';
import { recordChanges } from './recordChanges.node.ts';

/** The server's clock as this workstation last measured it. */
export const serverNow = (ctx: HandlerContext) => new Date(ctx.now().getTime() + syncState.serverOffsetMs(ctx.store.db));

/** The checks the office can make offline; the central service checks again and has the last word. */
function checkPlaceable(ctx: HandlerContext, slotId: string, composition: GroupComposition, specialVisit = false, alsoPending = 0) {
  if (!syncState.session(ctx.store.db)) refuse('SIGN_IN_REQUIRED', 'Sign in to the central service to place options.');
  const { slot, venue } = slotAndVenue(ctx.store.db, slotId);
  checkGroupRules(venue, composition, specialVisit);
  checkSlotOpen(slot, serverNow(ctx));
  const expiry = optionExpiry(venue.rules, slot.startsAt, serverNow(ctx).toISOString(), venue.timeZone);
  if (!expiry.possible) refuse('NO_OPTION_POSSIBLE', 'No option can be placed on this slot: pay at once.', { reason: expiry.reason });
  checkSeats(ctx.store.db, slot, composition, alsoPending);
  return venue;
}

function record(ctx: HandlerContext, mutations: NewMutation[], before?: () => void) {
  recordChanges(ctx, mutations, 'options.changed', before);
}

function optionRow(ctx: HandlerContext, optionId: string) {
  const option = findOption(ctx.store.db, optionId);
  if (!option) throw notFound('option', optionId);
  return readOptionRow(ctx.store.db, option, findVenue(ctx.store.db, option.venueId)?.name ?? option.venueId);
}

export const optionHandlers: HandlerTable<
  'options.list' | 'options.place' | 'options.placeGroup' | 'options.resize' | 'options.cancel' | 'options.replace' | 'options.dismiss'
> = {
  'options.list': (_input, { store }) => listOptions(store.db),

  'options.place': ({ slotId, composition, specialVisit, dossierId }, ctx) => {
    checkPlaceable(ctx, slotId, composition, specialVisit);
    const optionId = crypto.randomUUID();
    const args = { optionId, slotId, composition, groupBookingId: null, dossierId: checkDossier(ctx, dossierId), ...(specialVisit ? { specialVisit } : {}) };
    record(ctx, [{ name: 'option.place', args }]);
    return optionRow(ctx, optionId);
  },

  // A large group's sub-groups: all checked first, then recorded together, or none.
  'options.placeGroup': ({ subGroups, specialVisit, dossierId }, ctx) => {
    const dossier = checkDossier(ctx, dossierId);
    const taken = new Map<string, number>();
    for (const { slotId, composition } of subGroups) {
      checkPlaceable(ctx, slotId, composition, specialVisit, taken.get(slotId) ?? 0);
      taken.set(slotId, (taken.get(slotId) ?? 0) + headCount(composition));
    }
    const groupBookingId = crypto.randomUUID();
    const placed = subGroups.map(({ slotId, composition }) => ({
      name: 'option.place' as const,
      args: { optionId: crypto.randomUUID(), slotId, composition, groupBookingId, dossierId: dossier, ...(specialVisit ? { specialVisit } : {}) },
    }));
    record(ctx, placed);
    return placed.map((m) => optionRow(ctx, m.args.optionId));
  },

  'options.resize': ({ optionId, composition }, ctx) => {
    const option = findOption(ctx.store.db, optionId);
    if (!option) throw notFound('option', optionId);
    if (option.state !== 'active') refuse('NOT_ACTIVE', 'Only a held option can be changed.', { state: option.state });
    const venue = findVenue(ctx.store.db, option.venueId);
    const violations = venue ? groupViolations(venue.rules, composition) : [];
    if (violations.length > 0) refuse('GROUP_RULE', 'The group does not meet the venue rules.', { violations });
    const slot = findSlot(ctx.store.db, option.slotId);
    const growth = headCount(composition) - headCount(option.composition as GroupComposition);
    if (slot && growth > slot.remaining) refuse('SLOT_FULL', 'This time slot has fewer places left than the added people.', { remaining: slot.remaining });
    record(ctx, [{ name: 'option.resize', args: { optionId, composition } }]);
    return optionRow(ctx, optionId);
  },

  'options.cancel': ({ optionId }, ctx) => {
    const option = findOption(ctx.store.db, optionId);
    if (!option) throw notFound('option', optionId);
    if (option.state !== 'active' && option.state !== 'pending') refuse('NOT_ACTIVE', 'Only a held or pending option can be cancelled.', { state: option.state });
    record(ctx, [{ name: 'option.cancel', args: { optionId } }]);
    return optionRow(ctx, optionId);
  },

  'options.replace': ({ optionId, slotId }, ctx) => {
    const rejected = findOption(ctx.store.db, optionId);
    if (!rejected) throw notFound('option', optionId);
    if (rejected.state !== 'rejected') refuse('NOT_REJECTED', 'Only a refused option can be placed again.', { state: rejected.state });
    const composition = rejected.composition as GroupComposition;
    checkPlaceable(ctx, slotId, composition);
    const newId = crypto.randomUUID();
    record(
      ctx,
      [{ name: 'option.place', args: { optionId: newId, slotId, composition, groupBookingId: rejected.groupBookingId, dossierId: rejected.dossierId } }],
      () => deleteOption(ctx.store.db, optionId),
    );
    return optionRow(ctx, newId);
  },

  'options.dismiss': ({ optionId }, ctx) => {
    const option = findOption(ctx.store.db, optionId);
    if (!option) throw notFound('option', optionId);
    if (option.state !== 'rejected') refuse('NOT_REJECTED', 'Only a refused option can be dismissed.', { state: option.state });
    deleteOption(ctx.store.db, optionId);
    ctx.emit('options.changed', {});
    ctx.emit('sync.status', ctx.sync.status());
    return { dismissed: true as const };
  },
};
