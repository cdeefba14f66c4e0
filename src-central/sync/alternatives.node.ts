// When a slot cannot take a group, the slots that could take all of it: the same day first,
// nearest in time, then the following days — a coach party rarely changes its date.
import { sql } from 'drizzle-orm';
import type { AlternativeSlot } from '../../src-main/contract/centralApi.std.ts';
import { optionPossible } from '../../src-main/core/domain/optionExpiry.std.ts';
import type { BookingRules } from '../../src-main/core/domain/venues.std.ts';
import { preparedRows, type Queryable } from '../store/database.node.ts';
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

/**
 * The same day's candidates nearest in time, then the following days' in order, in one round
 * trip. One venue keeps one time zone, so its days then times are its instants' order, and the
 * venue-day index serves the following days without sorting a year of slots.
 */
export async function alternativeSlots(db: Queryable, q: AlternativesQuery): Promise<AlternativeSlot[]> {
  const fits = sql`venue_id = ${q.slot.venueId} AND status = 'open' AND capacity - held - sold >= ${q.people} AND id <> ${q.slot.id}`;
  const startsAt = sql`${q.slot.startsAt.toISOString()}::timestamptz`;
  const distance = sql`abs(extract(epoch FROM starts_at - ${startsAt}))`;
  const candidates = await preparedRows<{ id: string; starts_ms: number; remaining: number }>(db, 'alternative_slots', sql`
    SELECT id, (extract(epoch FROM starts_at) * 1000)::float8 AS starts_ms, remaining FROM (
      (SELECT id, local_date, starts_at, capacity - held - sold AS remaining, 0 AS part, ${distance} AS distance FROM slots
        WHERE ${fits} AND local_date = ${q.slot.localDate} ORDER BY distance, starts_at LIMIT ${CANDIDATES})
      UNION ALL
      (SELECT id, local_date, starts_at, capacity - held - sold, 1, 0 FROM slots
        WHERE ${fits} AND local_date > ${q.slot.localDate} ORDER BY local_date, starts_at LIMIT ${CANDIDATES})
    ) AS candidates ORDER BY part, distance, local_date, starts_at`);
  const nowIso = q.now.toISOString();
  return candidates
    .map((s) => ({ slotId: s.id, startsAt: new Date(s.starts_ms).toISOString(), remaining: Number(s.remaining) }))
    .filter((s) => optionPossible(q.rules, s.startsAt, nowIso, q.timeZone))
    .slice(0, MAX_ALTERNATIVES);
}
