// Changes written past the desk's own checks, as an older Guichet that had none queued them:
// what the central service refuses as malformed, for the tests of refused changes.
import path from 'node:path';
import type { NewMutation } from '../../src-main/contract/centralApi.std.ts';
import { DATABASE_FILE } from '../../src-main/core/guichetCore.node.ts';
import { openStore } from '../../src-main/core/store/openStore.node.ts';
import { applyLocally } from '../../src-main/core/sync/localMutators.node.ts';
import { recordMutation } from '../../src-main/core/sync/outbox.node.ts';
import { MIGRATIONS_DIR } from './tempCore.node.ts';

/** Queues `mutations` in the store of `dataDir`; the host must be stopped meanwhile. */
export function queueAsAnOlderGuichet(dataDir: string, mutations: { name: string; args: Record<string, unknown> }[]) {
  const store = openStore(path.join(dataDir, DATABASE_FILE), MIGRATIONS_DIR);
  const nowIso = new Date().toISOString();
  store.sqlite.transaction(() => {
    for (const mutation of mutations) {
      recordMutation(store.db, mutation as NewMutation, nowIso);
      applyLocally(store.db, mutation as NewMutation, nowIso);
    }
  })();
  store.close();
}
