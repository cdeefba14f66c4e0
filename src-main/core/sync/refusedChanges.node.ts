// A change the central service refused as malformed (INVALID_INPUT: it could not read or store
// it) is that mutation's outcome, agreed with the service, which moved past it: it leaves the
// outbox like any acknowledged change, so nothing behind it waits. It is kept for the agent,
// with what was sent, to correct and resend or to discard.
//
// What this workstation showed of it is replaced by the service's version: the service stamps
// the row the change was about (when it holds one) so that the next pull sends it, and that
// pull first forgets the local copy — a row the service never had is gone, one it has comes
// back as it holds it — in the same transaction as its patch.
import { eq } from 'drizzle-orm';
import { mutationRow, type MutationResult, type MutationRow, type NewMutation } from '../../contract/centralApi.std.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { deleteRefusedChange, listRefusedChanges, type RefusedChange } from '../store/refusedChangesRepo.node.ts';
import { companions, contacts, dossiers, options, outbox, refusedChanges, venueRequests } from '../store/schema.node.ts';
import type { PulledEntity } from './applyServerChanges.node.ts';

/** Refusals of options stay on the option (Options screen), as business refusals do. */
const SHOWN_ON_THE_OPTION = new Set(['option.place', 'option.resize']);

export function isRefusedAsMalformed(result: MutationResult, row: typeof outbox.$inferSelect | undefined): row is typeof outbox.$inferSelect {
  return result.status === 'rejected' && result.code === 'INVALID_INPUT' && row !== undefined && !SHOWN_ON_THE_OPTION.has(row.name);
}

const LOCAL_TABLE = { option: options, companion: companions, contact: contacts, venueRequest: venueRequests, dossier: dossiers } as const;

function forgetLocalCopy(db: StoreDb, row: MutationRow): void {
  const table = LOCAL_TABLE[row.entity];
  db.delete(table).where(eq(table.id, row.id)).run();
}

const rowOf = (change: RefusedChange) => mutationRow(change.name, change.args);

/** In the pull's transaction, before its patch: the kinds of entity it forgot a copy of. */
export function rollBackRefusals(db: StoreDb): Set<PulledEntity> {
  const forgotten = new Set<PulledEntity>();
  for (const change of listRefusedChanges(db).filter((c) => !c.rolledBack)) {
    const row = rowOf(change);
    if (row) {
      forgetLocalCopy(db, row);
      forgotten.add(row.entity);
    }
  }
  db.update(refusedChanges).set({ rolledBack: true }).where(eq(refusedChanges.rolledBack, false)).run();
  return forgotten;
}

/**
 * Drops a refused change: discarded, or replaced by a newer change to the same row. Still
 * showing the refused values (no pull since), the local copy goes too: the next pull brings
 * the service's version, and the newer change, if any, is replayed over it.
 */
export function dropRefusal(db: StoreDb, change: RefusedChange): MutationRow | null {
  const row = rowOf(change);
  if (row && !change.rolledBack) forgetLocalCopy(db, row);
  deleteRefusedChange(db, change.mutationId);
  return row;
}

/** A new change to a row replaces the refused ones about it. Call before its local effect. */
export function supersedeRefusals(db: StoreDb, mutation: NewMutation): void {
  const row = mutationRow(mutation.name, mutation.args);
  if (!row) return;
  for (const change of listRefusedChanges(db)) {
    const refused = rowOf(change);
    if (refused?.entity === row.entity && refused.id === row.id) dropRefusal(db, change);
  }
}
