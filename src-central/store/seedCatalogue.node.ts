// First start on an empty database: the demo catalogue becomes data, with a year of slots
// (a test may ask for fewer months).
// From then on the catalogue lives in the database and reaches desktops through pull.
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { demoProducts, demoVenues, demoVoucherMuseums } from '../../src-main/core/domain/demoCatalogue.std.ts';
import { closedDays as closedDaysOf, generateSlots } from '../../src-main/core/domain/slotGrid.std.ts';
import type { Venue } from '../../src-main/core/domain/venues.std.ts';
import type { z } from 'zod';
import type { WireVenueSchema } from '../../src-main/contract/centralApi.std.ts';
import { rowsOf, type Db, type Tx } from './database.node.ts';
import { currentVersion } from './versions.node.ts';
import { closedDays, products, venues, voucherMuseums } from './schema.node.ts';

const SEED_LOCK = 4_870_002;
const VOUCHER_SEED_LOCK = 4_870_003;
/** Keeps each INSERT well under PostgreSQL's 65,535 bind parameters. */
const BATCH = 5_000;

/** The four venues sold online come first in every list. */
function bySortOrder(list: Venue[]): Venue[] {
  return [...list.filter((v) => v.online), ...list.filter((v) => !v.online)];
}

function wireVenue(venue: Venue, sortOrder: number): z.infer<typeof WireVenueSchema> {
  const { id, name, city, timeZone, online, rules, contact, schedule } = venue;
  return { id, name, city, timeZone, online, sortOrder, rules, contact, schedule };
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** The first and last days `venueId` has slots or closed days for; null when it has none. */
async function calendarSpan(tx: Tx, venueId: string): Promise<{ first: string; last: string } | null> {
  const [row] = rowsOf<{ first: string | null; last: string | null }>(await tx.execute(sql`SELECT
      least((SELECT min(local_date) FROM slots WHERE venue_id = ${venueId}), (SELECT min(local_date) FROM closed_days WHERE venue_id = ${venueId})) AS first,
      greatest((SELECT max(local_date) FROM slots WHERE venue_id = ${venueId}), (SELECT max(local_date) FROM closed_days WHERE venue_id = ${venueId})) AS last`));
  return row!.first && row!.last ? { first: row!.first, last: row!.last } : null;
}

const dayAfter = (day: string, days: number) => DateTime.fromISO(day).plus({ days }).toISODate()!;

/** The days of [from, to] outside the span a venue already has: before it, after it, or all. */
function missingRanges(span: { first: string; last: string } | null, from: string, to: string): [string, string][] {
  if (!span || span.last < from || span.first > to) return [[from, to]];
  const ranges: [string, string][] = [];
  if (span.first > from) ranges.push([from, dayAfter(span.first, -1)]);
  if (span.last < to) ranges.push([dayAfter(span.last, 1), to]);
  return ranges;
}

/**
 * Gives every demo venue its slots and closed days from today to `months` ahead, adding only
 * the days it lacks: a catalogue seeded into the app's PGlite template (pgliteTemplate.node.ts)
 * or by a service running for weeks gets the days since. Returns the slots added.
 */
async function extendCalendars(tx: Tx, ordered: Venue[], now: Date, months: number): Promise<number> {
  const version = await currentVersion(tx);
  const today = DateTime.fromJSDate(now, { zone: 'Europe/Paris' });
  const from = today.toISODate()!;
  const to = today.plus({ months }).toISODate()!;
  let added = 0;
  for (const venue of ordered) {
    for (const [first, last] of missingRanges(await calendarSpan(tx, venue.id), from, to)) {
      const slotRows = generateSlots(venue, first, last);
      // One JSON parameter per batch: binding 50,000 rows column by column is what takes time.
      await insertInBatches(slotRows, (batch) => tx.execute(sql`
        INSERT INTO slots (id, venue_id, starts_at, local_date, local_time, capacity, version)
        SELECT s.id, s."venueId", s."startsAt"::timestamptz, s."localDate", s."localTime", s.capacity, ${version}
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
          AS s(id text, "venueId" text, "startsAt" text, "localDate" text, "localTime" text, capacity int)
        ON CONFLICT (id) DO NOTHING`));
      const closedRows = closedDaysOf(venue, first, last).map((localDate) => ({ id: `${venue.id}:${localDate}`, venueId: venue.id, localDate, version }));
      await insertInBatches(closedRows, (batch) => tx.insert(closedDays).values(batch).onConflictDoNothing());
      added += slotRows.length;
    }
  }
  return added;
}

/**
 * Seeds venues, products, `months` of slots and closed days into an empty database; a
 * catalogue already there gets the days that bring it to `months` ahead. Returns true when
 * the catalogue was seeded fresh.
 */
export async function seedCatalogue(db: Db, now: Date, months = 12): Promise<boolean> {
  const ordered = bySortOrder(demoVenues);
  const { seeded, added } = await db.transaction(async (tx) => {
    // Two API processes starting on one fresh database: the second waits, then finds the catalogue.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const existing = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM venues`));
    const fresh = existing[0]!.n === 0;
    if (fresh) {
      const version = await currentVersion(tx);
      await tx.insert(venues).values(ordered.map((v, i) => ({ id: v.id, sortOrder: i, data: wireVenue(v, i), version })));
      await tx.insert(products).values(demoProducts.map((p) => ({ id: p.id, venueId: p.venueId, data: p, version })));
    }
    const present = new Set(rowsOf<{ id: string }>(await tx.execute(sql`SELECT id FROM venues`)).map((r) => r.id));
    return { seeded: fresh, added: await extendCalendars(tx, ordered.filter((v) => present.has(v.id)), now, months) };
  });
  // Freshly filled tables have no statistics until autovacuum comes by (PGlite has none);
  // without them the planner sorts a venue's whole year of slots for every refusal's alternatives.
  if (seeded || added > 10_000) await db.execute(sql`ANALYZE venues, products, slots, closed_days`);
  return seeded;
}

/**
 * The museums selling vouchers, seeded on their own: a database whose catalogue predates
 * vouchers gets them at its first start that knows them. Returns false when some exist.
 */
export async function seedVoucherMuseums(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${VOUCHER_SEED_LOCK})`);
    const existing = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM voucher_museums`));
    if (existing[0]!.n > 0) return false;
    const version = await currentVersion(tx);
    await tx.insert(voucherMuseums).values(demoVoucherMuseums.map((m) => ({ id: m.id, data: m, version })));
    return true;
  });
}
