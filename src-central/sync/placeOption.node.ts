// option.place: holds seats on a slot for a group, until the venue's holding period says.
// Every refusal is a result the desktop shows; the seats are taken by one guarded UPDATE so
// that two offices racing for the last seats can never both get them.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlaceOptionArgsSchema, WireVenueSchema } from '../../src-main/contract/centralApi.std.ts';
import { groupViolations, headCount } from '../../src-main/core/domain/groupComposition.std.ts';
import { optionExpiry } from '../../src-main/core/domain/optionExpiry.std.ts';
import { priceGroup, type GroupProducts } from '../../src-main/core/domain/pricing.std.ts';
import type { Product } from '../../src-main/core/domain/venues.std.ts';
import type { OfficeRow } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { preparedRows, type Queryable, type Tx } from '../store/database.node.ts';
import { products, slots } from '../store/schema.node.ts';
import { CURRENT_VERSION } from '../store/versions.node.ts';
import { alternativeSlots } from './alternatives.node.ts';
import { rejected, type MutationOutcome, type ResultBody } from './outcome.node.ts';
import { wireOption, type OptionRow, type SlotRow } from './wireRows.node.ts';

type PlaceArgs = z.infer<typeof PlaceOptionArgsSchema>;
type WireVenue = z.infer<typeof WireVenueSchema>;
/** The office placing: its id and whether the platform has validated it. */
export type PlacingOffice = Pick<OfficeRow, 'id' | 'status'>;

/** A venue's visitor, guide and leader products, from its product rows. */
export function groupProducts(venueId: string, rows: Product[]): GroupProducts {
  const byKind = (kind: Product['kind']) => {
    const product = rows.find((p) => p.kind === kind);
    if (!product) throw new Error(`catalogue: ${venueId} has no ${kind} product`);
    return product;
  };
  return { visitor: byKind('visitor'), guide: byKind('guide'), leader: byKind('leader') };
}

export async function venueProducts(db: Queryable, venueId: string): Promise<GroupProducts> {
  const rows = await db.select({ data: products.data }).from(products).where(eq(products.venueId, venueId));
  return groupProducts(venueId, rows.map((r) => r.data as Product));
}

/** The guard of every seat taken: the slot is open and has the seats left. */
const seatsLeft = (people: number) => sql`${slots.status} = 'open' AND ${slots.capacity} - ${slots.held} - ${slots.sold} >= ${people}`;

/** The guarded UPDATE: no row back means the seats were not there. */
export async function takeSeats(tx: Tx, slotId: string, people: number): Promise<boolean> {
  const taken = await tx.update(slots).set({ held: sql`${slots.held} + ${people}` })
    .where(and(eq(slots.id, slotId), seatsLeft(people)))
    .returning({ id: slots.id });
  return taken.length > 0;
}

/** What a placement decides on: the slot, its venue and products, and the args' references. */
export interface Target {
  slot: Pick<SlotRow, 'id' | 'venueId' | 'localDate' | 'startsAt' | 'status'>;
  venue: WireVenue;
  products: Product[];
  duplicate: boolean;
  /** Seats left as the read saw them: none there then is a refusal that waits for no lock. */
  seatsLeft: number;
  /** The args' dossier when it is this office's; another office's dossier id reads as none. */
  dossierId: string | null;
}

type TargetRow = {
  id: string; venue_id: string; local_date: string; status: SlotRow['status']; starts_ms: number;
  venue: WireVenue; products: Product[] | null; duplicate: boolean; dossier_id: string | null; seats_left: number;
};

/** The SELECT of everything a placement decides on: one row, none when the slot does not exist. */
export const targetQuery = (officeId: string, args: PlaceArgs) => sql`
    SELECT s.id, s.venue_id, s.local_date, s.status, (extract(epoch FROM s.starts_at) * 1000)::float8 AS starts_ms, v.data AS venue,
      s.capacity - s.held - s.sold AS seats_left,
      (SELECT json_agg(p.data) FROM products p WHERE p.venue_id = s.venue_id) AS products,
      EXISTS (SELECT 1 FROM options o WHERE o.id = ${args.optionId}) AS duplicate,
      (SELECT d.id FROM dossiers d WHERE d.id = ${args.dossierId ?? null} AND d.office_id = ${officeId}) AS dossier_id
    FROM slots s JOIN venues v ON v.id = s.venue_id WHERE s.id = ${args.slotId}`;

export function targetOf(row: TargetRow): Target {
  return {
    slot: { id: row.id, venueId: row.venue_id, localDate: row.local_date, status: row.status, startsAt: new Date(row.starts_ms) },
    venue: row.venue, products: row.products ?? [], duplicate: row.duplicate, dossierId: row.dossier_id, seatsLeft: row.seats_left,
  };
}

/** Everything a placement decides on, in one round trip. */
async function readTarget(tx: Tx, officeId: string, args: PlaceArgs): Promise<Target | null> {
  const [row] = await preparedRows<TargetRow>(tx, 'place_read_target', targetQuery(officeId, args));
  return row ? targetOf(row) : null;
}

/** The option's INSERT, of one row from the CTE `taken` (none when it has none). */
export const optionInsertFromTaken = (option: OptionRow) => sql`
    INSERT INTO options (id, office_id, venue_id, slot_id, starts_at, composition, head_count, total_cents, state,
      expires_at, group_booking_id, dossier_id, created_at, updated_at, version)
    SELECT ${option.id}, ${option.officeId}, ${option.venueId}, ${option.slotId}, ${option.startsAt.toISOString()}::timestamptz,
      ${JSON.stringify(option.composition)}::jsonb, ${option.headCount}, ${option.totalCents}, ${option.state},
      ${option.expiresAt.toISOString()}::timestamptz, ${option.groupBookingId}::uuid, ${option.dossierId},
      ${option.createdAt.toISOString()}::timestamptz, ${option.updatedAt.toISOString()}::timestamptz, ${CURRENT_VERSION}
    FROM taken RETURNING id`;

/**
 * The seats and the option in one statement: the guarded UPDATE as a CTE, and the option
 * inserted only from its row, so that no row back means the seats were not there.
 */
async function insertSeated(tx: Tx, option: OptionRow, taken: { name: string; sql: SQL }): Promise<boolean> {
  const inserted = await preparedRows<{ id: string }>(tx, taken.name, sql`WITH taken AS (${taken.sql}) ${optionInsertFromTaken(option)}`);
  return inserted.length > 0;
}

/** The guarded UPDATE, stamping the slot's version as it takes the seats. */
export const guardedTake = (slotId: string, people: number) => ({
  name: 'place_seated',
  sql: sql`UPDATE ${slots} SET held = held + ${people}, version = ${CURRENT_VERSION} WHERE id = ${slotId} AND ${seatsLeft(people)} RETURNING id`,
});

/** TEST ONLY (negative control): check, then write, with nothing tying the two together. */
async function takeUnguarded(tx: Tx, ctx: CentralContext, slotId: string, people: number): Promise<{ name: string; sql: SQL } | null> {
  const [now] = await tx.select().from(slots).where(eq(slots.id, slotId));
  await ctx.racePoints?.seatsChecked?.(slotId);
  if (!now || now.capacity - now.held - now.sold < people) return null;
  await tx.update(slots).set({ held: sql`${slots.held} + ${people}`, version: CURRENT_VERSION }).where(eq(slots.id, slotId));
  return { name: 'place_seated_unguarded', sql: sql`SELECT ${slotId} AS id` };
}

/** Seats the group and inserts its option, guarded, unless the negative control asks for the unguarded take. */
async function seatGroup(tx: Tx, ctx: CentralContext, option: OptionRow): Promise<boolean> {
  if (ctx.unsafeNoCapacityGuard) {
    const taken = await takeUnguarded(tx, ctx, option.slotId, option.headCount);
    return taken !== null && insertSeated(tx, option, taken);
  }
  await ctx.racePoints?.seatsChecked?.(option.slotId);
  return insertSeated(tx, option, guardedTake(option.slotId, option.headCount));
}

/** Why a placement is refused; with alternatives, the slots that would take the same group. */
export interface Refusal {
  code: NonNullable<ResultBody['code']>;
  message: string;
  withAlternatives?: boolean;
  violations?: ResultBody['violations'];
}

export const SLOT_FULL: Refusal = { code: 'SLOT_FULL', message: 'Not enough seats left on this slot for the whole group.', withAlternatives: true };

/** What the placement comes to on what was read: the option to seat, or a refusal. */
export type Decision = { seat: OptionRow } | { refuse: Refusal };

export function decidePlacement(target: Target, officeId: string, args: PlaceArgs, now: Date): Decision {
  const { slot, venue } = target;
  if (slot.status !== 'open') return { refuse: { code: 'SLOT_UNAVAILABLE', message: 'This slot is not open to groups.', withAlternatives: true } };
  if (slot.startsAt.getTime() <= now.getTime()) return { refuse: { code: 'SLOT_STARTED', message: 'This slot has already started.', withAlternatives: true } };
  const violations = groupViolations(venue.rules, args.composition, { specialVisit: args.specialVisit ?? false });
  if (violations.length > 0) return { refuse: { code: 'GROUP_RULE', message: 'The venue does not take this group on one slot.', violations } };
  const expiry = optionExpiry(venue.rules, slot.startsAt.toISOString(), now.toISOString(), venue.timeZone);
  if (!expiry.possible) {
    return { refuse: { code: 'NO_OPTION_POSSIBLE', message: expiry.reason === 'NO_HOLDING_PERIOD'
      ? `${venue.name} takes no options: the booking is paid at once.`
      : 'The visit is closer than the holding period: the booking is paid at once.' } };
  }
  if (target.duplicate) return { refuse: { code: 'DUPLICATE_OPTION', message: 'An option with this id already exists.' } };
  const people = headCount(args.composition);
  // A slot already full when read is refused at once: on a hot slot, most placements are such
  // refusals, and they no longer queue on the row lock of the few that do take seats.
  if (target.seatsLeft < people) return { refuse: SLOT_FULL };
  const price = priceGroup(args.composition, groupProducts(venue.id, target.products));
  return {
    seat: {
      id: args.optionId, officeId, venueId: venue.id, slotId: slot.id, startsAt: slot.startsAt,
      composition: args.composition, headCount: people, totalCents: price.totalCents, state: 'active',
      expiresAt: new Date(expiry.expiresAt), groupBookingId: args.groupBookingId ?? null, orderId: null,
      dossierId: target.dossierId, createdAt: now, updatedAt: now, version: 0,
    },
  };
}

/** The refusal as the desktop reads it, with the slots that can take the group when it wants them. */
export async function refusalOutcome(db: Queryable, target: Target, args: PlaceArgs, now: Date, refusal: Refusal): Promise<MutationOutcome> {
  const { code, message, withAlternatives, violations } = refusal;
  if (!withAlternatives) return rejected(code, message, violations ? { violations } : {});
  const { slot, venue } = target;
  const alternatives = await alternativeSlots(db, { slot, people: headCount(args.composition), rules: venue.rules, timeZone: venue.timeZone, now });
  return rejected(code, message, { alternatives });
}

/** The slot and the option were stamped with the writing transaction's version as they were written. */
export const seated = (option: OptionRow): MutationOutcome => ({ result: { status: 'applied', option: wireOption(option) }, touched: {} });

export async function placeOption(tx: Tx, ctx: CentralContext, office: PlacingOffice, args: PlaceArgs): Promise<MutationOutcome> {
  if (office.status !== 'validated') {
    return rejected('NOT_VALIDATED', 'The platform has not validated this account yet.');
  }
  const target = await readTarget(tx, office.id, args);
  if (!target) return rejected('SLOT_UNAVAILABLE', 'This slot does not exist.');
  const now = ctx.now();
  const decision = decidePlacement(target, office.id, args, now);
  if ('refuse' in decision) return refusalOutcome(tx, target, args, now, decision.refuse);
  if (!(await seatGroup(tx, ctx, decision.seat))) return refusalOutcome(tx, target, args, now, SLOT_FULL);
  return seated(decision.seat);
}
