// The local store as the app opens it at start: checked first; a damaged file moved aside
// and replaced by a fresh store holding what could be rescued from it; backed up before a
// migration touches it.
import path from 'node:path';
import { backupStore } from './backups.node.ts';
import { openStore, type Store } from './openStore.node.ts';
import { readSetting, writeSetting } from './settingsRepo.node.ts';
import { rescueDamagedStore, storeDamage, type StoreRescue } from './storeRescue.node.ts';

/** What the agent is told after a damaged store was replaced, until they dismiss it. */
export interface StoreRecovery {
  at: string;
  damagedFile: string;
  problem: string;
  /** Changes not yet sent that were read back and will be sent. */
  rescuedChanges: number;
  /** False: the changes not yet sent could not be read back (or not safely replayed). */
  outboxRescued: boolean;
  /** The office stays signed in. */
  sessionKept: boolean;
}

export const RECOVERY_SETTING = 'store.recovery';

export const backupsDir = (dataDir: string): string => path.join(dataDir, 'backups');

/**
 * Writes the rescued rows as they were stored (settings' JSON text untouched). The outbox is
 * replayed only under the client id it was numbered for: the central service recognises a
 * change it already applied by that pair, so under a new id a change might apply twice.
 */
function restoreRescued(store: Store, rescue: StoreRescue, now: Date): StoreRecovery {
  const clientIdKept = rescue.settings.some((s) => s.key === 'sync.clientId');
  const outbox = clientIdKept ? rescue.outbox : [];
  store.sqlite.transaction(() => {
    const setting = store.sqlite.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
    for (const { key, value } of rescue.settings) setting.run(key, value);
    const change = store.sqlite.prepare('INSERT INTO outbox (mutation_id, name, args, created_at) VALUES (?, ?, ?, ?)');
    for (const row of outbox) change.run(row.mutation_id, row.name, row.args, row.created_at);
    const lastRescued = outbox.at(-1)?.mutation_id ?? 0;
    const next = readSetting<number>(store.db, 'sync.nextMutationId') ?? 1;
    if (next <= lastRescued) writeSetting(store.db, 'sync.nextMutationId', lastRescued + 1);
  })();
  const recovery: StoreRecovery = {
    at: now.toISOString(),
    damagedFile: rescue.damagedFile,
    problem: rescue.problem,
    rescuedChanges: outbox.length,
    outboxRescued: rescue.outboxReadable && clientIdKept,
    sessionKept: rescue.settings.some((s) => s.key === 'sync.session'),
  };
  writeSetting(store.db, RECOVERY_SETTING, recovery);
  return recovery;
}

export function openLocalStore(file: string, migrationsDir: string, now: Date): { store: Store; recovery: StoreRecovery | null } {
  const damage = storeDamage(file);
  const rescue = damage === null ? null : rescueDamagedStore(file, damage, now);
  const store = openStore(file, migrationsDir, {
    beforeMigration: (sqlite) => backupStore(sqlite, backupsDir(path.dirname(file)), 'before-migration', now),
  });
  return { store, recovery: rescue ? restoreRescued(store, rescue, now) : null };
}
