// option.place: holds seats on a slot for a group, until the venue's holding period says.
// Every refusal is a result the desktop shows; the seats are taken by one guarded UPDATE so
// that two offices racing for the last seats can never both get them.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlaceOptionArgsSchema, WireVenueSchema } from '../../src-main/contract/centralApi.std.ts';
import { groupViolations, headCount } from '../../src-main/core/domain/groupComposition.std.ts';
import { optionExpiry } from '../../src-main/core/domain/optionExpiry.std.ts';
import { priceGroup, type GroupProducts } from '../../src-main/core/domain/pricing.std.ts';
import type { Product } from '../../src-main/core/domain/venues.std.ts';
import type { OfficeRow } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import type { Queryable, Tx } from '../store/database.node.ts';
import { options, products, slots, venues } from '../store/schema.node.ts';
import { alternativeSlots } from './alternatives.node.ts';
import { ownDossier } from './dossiers.node.ts';
import { rejected, type MutationOutcome } from './outcome.node.ts';
import { wireOption, type SlotRow } from './wireRows.node.ts';

type PlaceArgs = z.infer<typeof PlaceOptionArgsSchema>;
type WireVenue = z.infer<typeof WireVenueSchema>;

export async function venueProducts(db: Queryable, venueId: string): Promise<GroupProducts> {
  const rows = await db.select({ data: products.data }).from(products).where(eq(products.venueId, venueId));
  const byKind = (kind: Product['kind']) => {
    const product = rows.map((r) => r.data as Product).find((p) => p.kind === kind);
    if (!product) throw new Error(`catalogue: ${venueId} has no ${kind} product`);
    return product;
  };
  return { visitor: byKind('visitor'), guide: byKind('guide'), leader: byKind('leader') };
}

/** The guarded UPDATE: no row back means the seats were not there. */
export async function takeSeats(tx: Tx, slotId: string, people: number): Promise<boolean> {
  const taken = await tx.update(slots).set({ held: sql`${slots.held} + ${people}` })
    .where(and(eq(slots.id, slotId), eq(slots.status, 'open'), sql`${slots.capacity} - ${slots.held} - ${slots.sold} >= ${people}`))
    .returning({ id: slots.id });
  return taken.length > 0;
}

/** TEST ONLY (negative control): check, then write, with nothing tying the two together. */
async function takeSeatsUnguarded(tx: Tx, ctx: CentralContext, slot: SlotRow, people: number): Promise<boolean> {
  const [now] = await tx.select().from(slots).where(eq(slots.id, slot.id));
  await ctx.racePoints?.seatsChecked?.(slot.id);
  if (!now || now.capacity - now.held - now.sold < people) return false;
  await tx.update(slots).set({ held: sql`${slots.held} + ${people}` }).where(eq(slots.id, slot.id));
  return true;
}

/** The guarded UPDATE, unless the negative control asks for the unguarded one. */
async function seatGroup(tx: Tx, ctx: CentralContext, slot: SlotRow, people: number): Promise<boolean> {
  if (ctx.unsafeNoCapacityGuard) return takeSeatsUnguarded(tx, ctx, slot, people);
  await ctx.racePoints?.seatsChecked?.(slot.id);
  return takeSeats(tx, slot.id, people);
}

export async function placeOption(tx: Tx, ctx: CentralContext, office: OfficeRow, args: PlaceArgs): Promise<MutationOutcome> {
  if (office.status !== 'validated') {
    return rejected('NOT_VALIDATED', 'The platform has not validated this account yet.');
  }
  const [slot] = await tx.select().from(slots).where(eq(slots.id, args.slotId));
  const [venueRow] = slot ? await tx.select({ data: venues.data }).from(venues).where(eq(venues.id, slot.venueId)) : [];
  if (!slot || !venueRow) return rejected('SLOT_UNAVAILABLE', 'This slot does not exist.');
  const venue = venueRow.data as WireVenue;
  const now = ctx.now();
  const people = headCount(args.composition);
  const alternatives = () => alternativeSlots(tx, { slot, people, rules: venue.rules, timeZone: venue.timeZone, now });

  if (slot.status !== 'open') {
    return rejected('SLOT_UNAVAILABLE', 'This slot is not open to groups.', { alternatives: await alternatives() });
  }
  if (slot.startsAt.getTime() <= now.getTime()) {
    return rejected('SLOT_STARTED', 'This slot has already started.', { alternatives: await alternatives() });
  }
  const violations = groupViolations(venue.rules, args.composition, { specialVisit: args.specialVisit ?? false });
  if (violations.length > 0) return rejected('GROUP_RULE', 'The venue does not take this group on one slot.', { violations });
  const expiry = optionExpiry(venue.rules, slot.startsAt.toISOString(), now.toISOString(), venue.timeZone);
  if (!expiry.possible) {
    return rejected('NO_OPTION_POSSIBLE', expiry.reason === 'NO_HOLDING_PERIOD'
      ? `${venue.name} takes no options: the booking is paid at once.`
      : 'The visit is closer than the holding period: the booking is paid at once.');
  }
  const [existing] = await tx.select({ id: options.id }).from(options).where(eq(options.id, args.optionId));
  if (existing) return rejected('DUPLICATE_OPTION', 'An option with this id already exists.');

  const price = priceGroup(args.composition, await venueProducts(tx, venue.id));
  const seated = await seatGroup(tx, ctx, slot, people);
  if (!seated) {
    return rejected('SLOT_FULL', 'Not enough seats left on this slot for the whole group.', { alternatives: await alternatives() });
  }
  const [option] = await tx.insert(options).values({
    id: args.optionId, officeId: office.id, venueId: venue.id, slotId: slot.id, startsAt: slot.startsAt,
    composition: args.composition, headCount: people, totalCents: price.totalCents, state: 'active',
    expiresAt: new Date(expiry.expiresAt), groupBookingId: args.groupBookingId ?? null,
    // Another office's dossier id is not this office's business: the option is placed without one.
    dossierId: await ownDossier(tx, office.id, args.dossierId),
    createdAt: now, updatedAt: now, version: 0,
  }).returning();
  return { result: { status: 'applied', option: wireOption(option!) }, touched: { slots: [slot.id], options: [option!.id] } };
}
