// The platform's own rules that customer service may change without a new release. Stored as
// one JSON row; a setting never written reads as its default, so adding one needs no migration.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../store/database.node.ts';
import { platformSettings } from '../store/schema.node.ts';

const days = (max: number) => z.int().min(0).max(max);

export const TransferRulesSchema = z.strictObject({
  /** An order paid by transfer must be received within this many days of its checkout… */
  payWithinDays: days(60).default(5),
  /** …or this many at a venue that takes no options ("pay at once", such as Vincennes)… */
  payAtOnceVenueDays: days(60).default(2),
  /** …and in any case this many days before its first visit, so the venue knows who comes. */
  receivedBeforeVisitDays: days(60).default(7),
  /** A transfer is refused when that leaves the office fewer days than this to pay: pay by card. */
  minDaysToPay: days(30).default(2),
  /** How many people one office may have booked in orders still awaiting their transfer. */
  unpaidPeoplePerOffice: z.int().min(0).max(100_000).default(300),
});
export type TransferRules = z.infer<typeof TransferRulesSchema>;

export const PlatformSettingsSchema = z.strictObject({ transfer: TransferRulesSchema.prefault({}) });
export type PlatformSettings = z.infer<typeof PlatformSettingsSchema>;

/** What customer service may send: any part of the settings, the rest kept. */
export const PlatformSettingsPatchSchema = z.strictObject({ transfer: TransferRulesSchema.partial().optional() });

export async function readSettings(db: Queryable): Promise<PlatformSettings> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.id, 1));
  return PlatformSettingsSchema.parse(row?.data ?? {});
}

export async function updateSettings(db: Queryable, patch: z.infer<typeof PlatformSettingsPatchSchema>): Promise<PlatformSettings> {
  const current = await readSettings(db);
  const next = PlatformSettingsSchema.parse({ transfer: { ...current.transfer, ...patch.transfer } });
  await db.insert(platformSettings).values({ id: 1, data: next }).onConflictDoUpdate({ target: platformSettings.id, set: { data: next } });
  return next;
}
