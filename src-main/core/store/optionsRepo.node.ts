import { asc, count, eq } from 'drizzle-orm';
import type { StoreDb } from './openStore.node.ts';
import { dossiers, options, outbox, serverVenues } from './schema.node.ts';
import { headCount, type GroupComposition } from '../domain/groupComposition.std.ts';
import type { OptionRowDto, RejectionDto } from '../../contract/schemas.std.ts';

export type OptionRecord = typeof options.$inferSelect;

/** The sub-groups of a group booking that still exist: a lapsed or cancelled one is no longer counted in "2/3". */
export const LIVE_SUB_GROUP_STATES = ['pending', 'active', 'confirmed', 'cancelled_by_venue'] as const;

export function findOption(db: StoreDb, id: string): OptionRecord | undefined {
  return db.select().from(options).where(eq(options.id, id)).get();
}

export function countRejectedOptions(db: StoreDb): number {
  return db.select({ n: count() }).from(options).where(eq(options.state, 'rejected')).get()?.n ?? 0;
}

export function deleteOption(db: StoreDb, id: string): void {
  db.delete(options).where(eq(options.id, id)).run();
}

interface PendingChange { change: 'resize' | 'cancel'; composition: GroupComposition | null }

/** The latest change waiting in the outbox for each option (resizes and cancellations). */
function pendingChanges(db: StoreDb): Map<string, PendingChange> {
  const changes = new Map<string, PendingChange>();
  for (const row of db.select().from(outbox).orderBy(asc(outbox.mutationId)).all()) {
    const args = row.args as { optionId: string; composition?: GroupComposition };
    if (row.name === 'option.resize') changes.set(args.optionId, { change: 'resize', composition: args.composition ?? null });
    if (row.name === 'option.cancel') changes.set(args.optionId, { change: 'cancel', composition: null });
  }
  return changes;
}

export function toOptionRow(option: OptionRecord, venueName: string, pending?: PendingChange, dossierName: string | null = null): OptionRowDto {
  const composition = option.composition as GroupComposition;
  return {
    id: option.id,
    venueId: option.venueId,
    venueName,
    slotId: option.slotId,
    startsAt: option.startsAt,
    composition,
    headCount: headCount(composition),
    totalCents: option.totalCents,
    state: option.state,
    expiresAt: option.expiresAt,
    groupBookingId: option.groupBookingId,
    rejection: (option.rejection as RejectionDto | null) ?? null,
    pendingChange: pending?.change ?? null,
    pendingComposition: pending?.composition ?? null,
    dossierId: option.dossierId,
    dossierName: option.dossierId ? dossierName : null,
  };
}

export function dossierNameOf(db: StoreDb, dossierId: string | null): string | null {
  return dossierId ? db.select({ name: dossiers.name }).from(dossiers).where(eq(dossiers.id, dossierId)).get()?.name ?? null : null;
}

export function optionRow(db: StoreDb, option: OptionRecord, venueName: string): OptionRowDto {
  return toOptionRow(option, venueName, pendingChanges(db).get(option.id), dossierNameOf(db, option.dossierId));
}

export function listOptions(db: StoreDb): OptionRowDto[] {
  const pending = pendingChanges(db);
  return db
    .select({ option: options, venueName: serverVenues.name, dossierName: dossiers.name })
    .from(options)
    .leftJoin(serverVenues, eq(serverVenues.id, options.venueId))
    .leftJoin(dossiers, eq(dossiers.id, options.dossierId))
    .orderBy(asc(options.startsAt))
    .all()
    .map(({ option, venueName, dossierName }) => toOptionRow(option, venueName ?? option.venueId, pending.get(option.id), dossierName));
}

/** Seats this office has asked for but the server has not confirmed yet, per slot. */
export function pendingSeatsBySlot(db: StoreDb, slotIds: string[]): Map<string, number> {
  const wanted = new Set(slotIds);
  const seats = new Map<string, number>();
  for (const option of db.select().from(options).where(eq(options.state, 'pending')).all()) {
    if (!wanted.has(option.slotId)) continue;
    seats.set(option.slotId, (seats.get(option.slotId) ?? 0) + headCount(option.composition as GroupComposition));
  }
  return seats;
}
