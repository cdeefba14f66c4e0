// The office's registry of guides and accompanying leaders, shared by its workstations
// through sync: each change is written locally with its outbox row in one transaction.
import crypto from 'node:crypto';
import type { NewMutation } from '../../contract/centralApi.std.ts';
import { findCompanion, listCompanions } from '../store/companionsRepo.node.ts';
import { applyLocally } from '../sync/localMutators.node.ts';
import { recordMutation } from '../sync/outbox.node.ts';
import { futureBookingsByCompanion } from './companionUses.node.ts';
import { GuichetError, notFound } from './guichetError.std.ts';
import type { HandlerContext, HandlerTable } from './handlerContext.node.ts';

function record(ctx: HandlerContext, mutation: NewMutation) {
  const nowIso = ctx.now().toISOString();
  ctx.store.sqlite.transaction(() => {
    recordMutation(ctx.store.db, mutation, nowIso);
    applyLocally(ctx.store.db, mutation, nowIso);
  })();
  ctx.emit('companions.changed', {});
  ctx.emit('sync.status', ctx.sync.status());
  void ctx.sync.syncNow();
}

export const companionHandlers: HandlerTable<'companions.list' | 'companions.save' | 'companions.delete'> = {
  'companions.list': (_input, { store, now }) => listCompanions(store.db, futureBookingsByCompanion(store.db, now())),

  'companions.save': ({ id, ...fields }, ctx) => {
    if (id && !findCompanion(ctx.store.db, id)) throw notFound('companion', id);
    const companionId = id ?? crypto.randomUUID();
    record(ctx, { name: 'companion.save', args: { companionId, ...fields } });
    return findCompanion(ctx.store.db, companionId)!;
  },

  'companions.delete': ({ id, confirmInUse }, ctx) => {
    const companion = findCompanion(ctx.store.db, id, futureBookingsByCompanion(ctx.store.db, ctx.now()));
    if (!companion) throw notFound('companion', id);
    if (companion.futureBookings > 0 && !confirmInUse) {
      throw new GuichetError('RULE_VIOLATION', 'Future bookings name this companion.', { rule: 'COMPANION_IN_USE', count: companion.futureBookings });
    }
    record(ctx, { name: 'companion.delete', args: { companionId: id } });
    return { deleted: true as const };
  },
};
