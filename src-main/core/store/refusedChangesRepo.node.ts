// Changes the central service refused as malformed, as this workstation keeps them for the
// agent (see sync/refusedChanges): what was sent, why it was refused, and whom it was about.
import { asc, count, eq } from 'drizzle-orm';
import { mutationRow, type MutationResult } from '../../contract/centralApi.std.ts';
import type { InvalidField } from '../../contract/errors.std.ts';
import { showControlCharacters, type RefusedChangeDto } from '../../contract/schemas.std.ts';
import { findVenue } from './catalogueRepo.node.ts';
import type { StoreDb } from './openStore.node.ts';
import { findOption } from './optionsRepo.node.ts';
import { companions, outbox, refusedChanges } from './schema.node.ts';

export type RefusedChange = typeof refusedChanges.$inferSelect;

export function keepRefusedChange(db: StoreDb, row: typeof outbox.$inferSelect, result: MutationResult, nowIso: string): void {
  db.insert(refusedChanges).values({
    mutationId: row.mutationId, name: row.name, args: row.args, code: result.code ?? 'INVALID_INPUT', fields: result.fields ?? [], refusedAt: nowIso,
  }).onConflictDoNothing().run();
}

export const listRefusedChanges = (db: StoreDb): RefusedChange[] =>
  db.select().from(refusedChanges).orderBy(asc(refusedChanges.mutationId)).all();

export const findRefusedChange = (db: StoreDb, mutationId: number): RefusedChange | undefined =>
  db.select().from(refusedChanges).where(eq(refusedChanges.mutationId, mutationId)).get();

export const deleteRefusedChange = (db: StoreDb, mutationId: number): void => {
  db.delete(refusedChanges).where(eq(refusedChanges.mutationId, mutationId)).run();
};

export const countRefusedChanges = (db: StoreDb): number => db.select({ n: count() }).from(refusedChanges).get()?.n ?? 0;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const nameOf = (firstName: unknown, surname: unknown) => [text(firstName), text(surname)].filter(Boolean).join(' ') || null;

/** Whom or what the change was about, from what was sent or, failing that, what this workstation holds. */
function subjectAndDate(db: StoreDb, change: RefusedChange, args: Record<string, unknown>): { subject: string | null; date: string | null } {
  const row = mutationRow(change.name, args);
  switch (row?.entity) {
    case 'companion': {
      if (change.name === 'companion.save') return { subject: nameOf(args.firstName, args.surname), date: null };
      const held = db.select().from(companions).where(eq(companions.id, row.id)).get();
      return { subject: held ? nameOf(held.firstName, held.surname) : null, date: null };
    }
    case 'contact':
      return { subject: nameOf(args.firstName, args.surname), date: null };
    case 'venueRequest': {
      const venueId = text(args.venueId);
      return { subject: venueId && (findVenue(db, venueId)?.name ?? venueId), date: text(args.visitDate) };
    }
    case 'option': {
      const option = findOption(db, row.id);
      return { subject: option ? (findVenue(db, option.venueId)?.name ?? option.venueId) : null, date: option?.startsAt ?? null };
    }
    default:
      return { subject: null, date: null };
  }
}

export function toRefusedChangeDto(db: StoreDb, change: RefusedChange): RefusedChangeDto {
  const args = change.args !== null && typeof change.args === 'object' && !Array.isArray(change.args) ? (change.args as Record<string, unknown>) : {};
  const { subject, date } = subjectAndDate(db, change, args);
  return {
    mutationId: change.mutationId, change: change.name, subject: subject && showControlCharacters(subject), date, code: change.code,
    fields: change.fields as InvalidField[], refusedAt: change.refusedAt, args,
  };
}
