// Some calls to the central service only make sense once changes they depend on have reached
// it (a payment naming a companion created a minute ago, tickets sent to a new contact).
import type { StoreDb } from '../store/openStore.node.ts';
import { outbox } from '../store/schema.node.ts';
import type { SyncEngine } from './syncEngine.node.ts';

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Syncs until no outbox row that `needed` picks is left; false if some still wait (offline).
 * Twice at most: a sync already under way may have pushed before the change was recorded.
 */
export async function sendFirst(sync: SyncEngine, db: StoreDb, needed: (row: OutboxRow) => boolean): Promise<boolean> {
  const waiting = () => db.select().from(outbox).all().some(needed);
  for (let attempt = 0; attempt < 2 && waiting(); attempt += 1) await sync.syncNow();
  return !waiting();
}
