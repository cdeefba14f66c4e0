import { eq } from 'drizzle-orm';
import type { StoreDb } from './openStore.node.ts';
import { settings } from './schema.node.ts';

export function readSetting<T>(db: StoreDb, key: string): T | undefined {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row?.value as T | undefined;
}

export function writeSetting(db: StoreDb, key: string, value: unknown): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
