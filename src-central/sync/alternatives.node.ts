// When a slot cannot take a group, the slots that could take all of it: the same day first,
// nearest in time, then the following days — a coach party rarely changes its date.
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import type { AlternativeSlot } from '../../src-main/contract/centralApi.std.ts';
import { optionExpiry } from '../../src-main/core/domain/optionExpiry.std.ts';
import type { BookingRules } from '../../src-main/core/domain/venues.std.ts';
import type { Queryable } from '../store/database.node.ts';
import { slots } from '../store/schema.node.ts';
import type { SlotRow } from './wireRows.node.ts';

const MAX_ALTERNATIVES = 8;
/** Read a few more than needed: some on the same day may be too close to place an option. */
const CANDIDATES = MAX_ALTERNATIVES * 3;

export interface AlternativesQuery {
  slot: Pick<SlotRow, 'id' | 'venueId' | 'localDate' | 'startsAt'>;
  people: number;
  rules: BookingRules;
  timeZone: string;
  now: Date;
}

export async function alternativeSlots(db: Queryable, q: AlternativesQuery): Promise<AlternativeSlot[]> {
  const remaining = sql<number>`${slots.capacity} - ${slots.held} - ${slots.sold}`;
  const fits = and(eq(slots.venueId, q.slot.venueId), eq(slots.status, 'open'), sql`${remaining} >= ${q.people}`, ne(slots.id, q.slot.id));
  const columns = { id: slots.id, startsAt: slots.startsAt, remaining };
  const sameDay = await db.select(columns).from(slots)
    .where(and(fits, eq(slots.localDate, q.slot.localDate)))
    .orderBy(sql`abs(extract(epoch from ${slots.startsAt} - ${q.slot.startsAt.toISOString()}::timestamptz))`, asc(slots.startsAt))
    .limit(CANDIDATES);
  const laterDays = await db.select(columns).from(slots)
    .where(and(fits, gt(slots.localDate, q.slot.localDate)))
    .orderBy(asc(slots.startsAt))
    .limit(CANDIDATES);
  const nowIso = q.now.toISOString();
  return [...sameDay, ...laterDays]
    .filter((s) => optionExpiry(q.rules, s.startsAt.toISOString(), nowIso, q.timeZone).possible)
    .slice(0, MAX_ALTERNATIVES)
    .map((s) => ({ slotId: s.id, startsAt: s.startsAt.toISOString(), remaining: Number(s.remaining) }));
}
