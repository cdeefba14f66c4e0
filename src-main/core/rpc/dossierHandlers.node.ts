// The office's client groups, shared by its workstations through sync: a dossier is created
// on the spot (from the booking panel too), offline as well, and its options move between
// dossiers the same way, each change with its outbox row in one transaction.
import crypto from 'node:crypto';
import { allDossiers, findDossier, pendingDossierIds } from '../store/dossiersRepo.node.ts';
import { findOption, listOptions } from '../store/optionsRepo.node.ts';
import { readSettings } from '../store/settingsRepo.node.ts';
import { notFound } from './guichetError.std.ts';
import type { HandlerContext, HandlerTable } from './handlerContext.node.ts';
import { dossierDetail, dossierShared, type DossierClock } from './dossierView.node.ts';
import { serverNow } from './optionHandlers.node.ts';
import { checkDossier } from './knownDossier.node.ts';
import { recordChanges } from './recordChanges.node.ts';

const clockOf = (ctx: HandlerContext): DossierClock => ({ serverNow: serverNow(ctx), expiringSoonDays: readSettings(ctx.store.db).expiringSoonDays });

function detail(ctx: HandlerContext, id: string) {
  const dossier = findDossier(ctx.store.db, id);
  if (!dossier) throw notFound('dossier', id);
  return dossierDetail(ctx.store.db, dossier, pendingDossierIds(ctx.store.db).has(id), clockOf(ctx));
}

export const dossierHandlers: HandlerTable<'dossiers.list' | 'dossiers.get' | 'dossiers.save' | 'options.moveToDossier'> = {
  'dossiers.list': (_input, ctx) => {
    const { db } = ctx.store;
    const [pending, clock, shared] = [pendingDossierIds(db), clockOf(ctx), dossierShared(db)];
    return allDossiers(db).map((d) => dossierDetail(db, d, pending.has(d.id), clock, shared).dossier);
  },

  'dossiers.get': ({ id }, ctx) => detail(ctx, id),

  'dossiers.save': ({ id, ...fields }, ctx) => {
    if (id && !findDossier(ctx.store.db, id)) throw notFound('dossier', id);
    const dossierId = id ?? crypto.randomUUID();
    recordChanges(ctx, [{ name: 'dossier.save', args: { dossierId, ...fields } }], 'dossiers.changed');
    return detail(ctx, dossierId).dossier;
  },

  'options.moveToDossier': ({ optionId, dossierId }, ctx) => {
    const option = findOption(ctx.store.db, optionId);
    if (!option) throw notFound('option', optionId);
    recordChanges(ctx, [{ name: 'option.moveToDossier', args: { optionId, dossierId: checkDossier(ctx, dossierId) } }], 'options.changed');
    ctx.emit('dossiers.changed', {});
    return listOptions(ctx.store.db).filter((o) => o.id === optionId || (option.groupBookingId !== null && o.groupBookingId === option.groupBookingId));
  },
};
