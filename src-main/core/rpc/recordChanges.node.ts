// Every change the office makes for the central service goes the same way: its outbox row and
// its local effect in one SQLite transaction (a crash keeps both or neither), the screens
// told, and a sync started so it leaves now if the connection allows. A change to a row
// replaces the changes to it the central service refused as malformed.
import type { NewMutation } from '../../contract/centralApi.std.ts';
import { applyLocally } from '../sync/localMutators.node.ts';
import { recordMutation } from '../sync/outbox.node.ts';
import { supersedeRefusals } from '../sync/refusedChanges.node.ts';
import type { HandlerContext } from './handlerContext.node.ts';

type ChangedEvent = 'options.changed' | 'companions.changed' | 'contacts.changed' | 'requests.changed' | 'dossiers.changed';

/** `before` runs first inside the same transaction (e.g. forgetting a refusal being replaced). */
export function recordChanges(ctx: HandlerContext, mutations: NewMutation[], changed: ChangedEvent, before?: () => void): void {
  const nowIso = ctx.now().toISOString();
  ctx.store.sqlite.transaction(() => {
    before?.();
    for (const mutation of mutations) {
      supersedeRefusals(ctx.store.db, mutation);
      recordMutation(ctx.store.db, mutation, nowIso);
      applyLocally(ctx.store.db, mutation, nowIso);
    }
  })();
  ctx.emit(changed, {});
  ctx.emit('sync.status', ctx.sync.status());
  void ctx.sync.syncNow();
}
