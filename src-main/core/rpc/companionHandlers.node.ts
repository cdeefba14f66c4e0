// The office's registry of guides and accompanying leaders, shared by its workstations
// through sync: each change is written locally with its outbox row in one transaction.
import crypto from 'node:crypto';
import { findCompanion, listCompanions } from '../store/companionsRepo.node.ts';
import { futureBookingsByCompanion } from './companionUses.node.ts';
import { GuichetError, notFound } from './guichetError.std.ts';
import type { HandlerTable } from './handlerContext.node.ts';
import { recordChanges } from './recordChanges.node.ts';

export const companionHandlers: HandlerTable<'companions.list' | 'companions.save' | 'companions.delete'> = {
  'companions.list': (_input, { store, now }) => listCompanions(store.db, futureBookingsByCompanion(store.db, now())),

  'companions.save': ({ id, ...fields }, ctx) => {
    if (id && !findCompanion(ctx.store.db, id)) throw notFound('companion', id);
    const companionId = id ?? crypto.randomUUID();
    recordChanges(ctx, [{ name: 'companion.save', args: { companionId, ...fields } }], 'companions.changed');
    return findCompanion(ctx.store.db, companionId)!;
  },

  'companions.delete': ({ id, confirmInUse }, ctx) => {
    const companion = findCompanion(ctx.store.db, id, futureBookingsByCompanion(ctx.store.db, ctx.now()));
    if (!companion) throw notFound('companion', id);
    if (companion.futureBookings > 0 && !confirmInUse) {
      throw new GuichetError('RULE_VIOLATION', 'Future bookings name this companion.', { rule: 'COMPANION_IN_USE', count: companion.futureBookings });
    }
    recordChanges(ctx, [{ name: 'companion.delete', args: { companionId: id } }], 'companions.changed');
    return { deleted: true as const };
  },
};
