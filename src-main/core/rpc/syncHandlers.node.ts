// Where sync stands, and what the agent does with the changes the central service refused as
// malformed: read them, discard them, or correct and send them again (see sync/refusedChanges).
import { isMutationName, MUTATION_ARGS, MUTATION_ROW, mutationRow, type MutationRow, type NewMutation } from '../../contract/centralApi.std.ts';
import { invalidFields } from '../../contract/invalidFields.std.ts';
import { findRefusedChange, listRefusedChanges, toRefusedChangeDto, type RefusedChange } from '../store/refusedChangesRepo.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { dropRefusal } from '../sync/refusedChanges.node.ts';
import { GuichetError, notFound } from './guichetError.std.ts';
import type { HandlerTable } from './handlerContext.node.ts';
import { recordChanges } from './recordChanges.node.ts';

const CHANGED = { option: 'options.changed', companion: 'companions.changed', contact: 'contacts.changed', venueRequest: 'requests.changed', dossier: 'dossiers.changed' } as const;

function refusedChange(db: StoreDb, mutationId: number): RefusedChange {
  const change = findRefusedChange(db, mutationId);
  if (!change) throw notFound('refused change', String(mutationId));
  return change;
}

export const syncHandlers: HandlerTable<'sync.status' | 'sync.now' | 'sync.refused' | 'sync.discardRefused' | 'sync.resendRefused'> = {
  'sync.status': (_input, { sync }) => sync.status(),
  'sync.now': (_input, { sync }) => sync.syncNow(),

  'sync.refused': (_input, { store }) => listRefusedChanges(store.db).map((change) => toRefusedChangeDto(store.db, change)),

  'sync.discardRefused': ({ mutationId }, ctx) => {
    const change = refusedChange(ctx.store.db, mutationId);
    const row: MutationRow | null = ctx.store.sqlite.transaction(() => dropRefusal(ctx.store.db, change))();
    if (row) ctx.emit(CHANGED[row.entity], {});
    ctx.emit('sync.status', ctx.sync.status());
    // Its local copy gone, the service's version comes back with the next pull.
    void ctx.sync.syncNow();
    return { discarded: true as const };
  },

  'sync.resendRefused': ({ mutationId, corrections }, ctx) => {
    const change = refusedChange(ctx.store.db, mutationId);
    if (!isMutationName(change.name)) {
      throw new GuichetError('RULE_VIOLATION', `This version of Guichet cannot send a "${change.name}" change.`, { rule: 'UNKNOWN_CHANGE' });
    }
    const sent = change.args as Record<string, unknown>;
    const { key } = MUTATION_ROW[change.name];
    const args = MUTATION_ARGS[change.name].safeParse({ ...sent, ...corrections, [key]: sent[key] });
    if (!args.success) {
      throw new GuichetError('INVALID_INPUT', 'The corrected change is still not valid.', { method: 'sync.resendRefused', fields: invalidFields(args.error) });
    }
    const mutation = { name: change.name, args: args.data } as NewMutation;
    recordChanges(ctx, [mutation], CHANGED[mutationRow(mutation.name, mutation.args)!.entity], () => dropRefusal(ctx.store.db, change));
    return { resent: true as const };
  },
};
