// Changes the central service must see, numbered per client. A row is written in the same
// SQLite transaction as the change's local effect, so a crash keeps both or neither.
import { asc, lte } from 'drizzle-orm';
import type { Mutation, NewMutation } from '../../contract/centralApi.std.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { outbox } from '../store/schema.node.ts';
import { readSetting, writeSetting } from '../store/settingsRepo.node.ts';

export const lastNumberedMutation = (db: StoreDb): number => (readSetting<number>(db, 'sync.nextMutationId') ?? 1) - 1;

export function recordMutation(db: StoreDb, mutation: NewMutation, createdAt: string): number {
  const id = lastNumberedMutation(db) + 1;
  writeSetting(db, 'sync.nextMutationId', id + 1);
  db.insert(outbox).values({ mutationId: id, name: mutation.name, args: mutation.args, createdAt }).run();
  return id;
}

export function pendingMutations(db: StoreDb): Mutation[] {
  return db.select().from(outbox).orderBy(asc(outbox.mutationId)).all()
    .map((row) => ({ id: row.mutationId, name: row.name, args: row.args }) as Mutation);
}

export function dropAcknowledged(db: StoreDb, lastMutationId: number): void {
  db.delete(outbox).where(lte(outbox.mutationId, lastMutationId)).run();
}
