import { eq } from 'drizzle-orm';
import type { StoreDb } from './openStore.node.ts';
import { settings } from './schema.node.ts';
import type { Language, SettingsDto } from '../../contract/schemas.std.ts';

export function readSetting<T>(db: StoreDb, key: string): T | undefined {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row?.value as T | undefined;
}

/** Writing null (or undefined) forgets the setting. */
export function writeSetting(db: StoreDb, key: string, value: unknown): void {
  if (value === null || value === undefined) {
    db.delete(settings).where(eq(settings.key, key)).run();
    return;
  }
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export const DEFAULT_EXPIRING_SOON_DAYS = 7;

/** The user's settings, with their defaults. */
export const readSettings = (db: StoreDb): SettingsDto => ({
  language: readSetting<Language>(db, 'language') ?? null,
  centralUrl: readSetting<string | null>(db, 'centralUrl') ?? null,
  expiringSoonDays: readSetting<number>(db, 'expiringSoonDays') ?? DEFAULT_EXPIRING_SOON_DAYS,
});
