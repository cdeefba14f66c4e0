// What a checkout asks for, read and priced before any money moves: the office's options and
// the slots of its direct purchases, each priced from the server's catalogue, and every guide
// or leader ticket checked for a companion. Refusals found here cost the office nothing: no
// card has been authorized yet. The transaction that follows re-checks what can change.
import { and, eq, inArray } from 'drizzle-orm';
import type {
  CheckoutItem, Designation, WireVenueSchema, WireVoucherMuseum, WireVoucherTariff,
} from '../../src-main/contract/centralApi.std.ts';
import { undesignatedSlots } from '../../src-main/core/domain/designations.std.ts';
import { groupViolations, headCount, type GroupComposition } from '../../src-main/core/domain/groupComposition.std.ts';
import { priceGroup, type GroupPrice, type GroupProducts } from '../../src-main/core/domain/pricing.std.ts';
import type { z } from 'zod';
import { HttpError } from '../http/httpError.node.ts';
import type { Queryable } from '../store/database.node.ts';
import { companions, options, slots, venues, voucherMuseums } from '../store/schema.node.ts';
import { venueProducts } from '../sync/placeOption.node.ts';
import type { SlotRow } from '../sync/wireRows.node.ts';

export type WireVenue = z.infer<typeof WireVenueSchema>;

export type BookingItem = Exclude<CheckoutItem, { kind: 'voucher' }>;
type VoucherItem = Extract<CheckoutItem, { kind: 'voucher' }>;

export interface PlannedBooking {
  kind: BookingItem['kind'];
  /** The option confirmed, or the id the direct purchase's option row will take. */
  itemId: string;
  venue: WireVenue;
  slot: SlotRow;
  composition: GroupComposition;
  people: number;
  products: GroupProducts;
  price: GroupPrice;
  designations: Designation[];
  /** A direct purchase's client group, as the desk asked (checked to be the office's at insert). */
  dossierId: string | null;
}

/** Vouchers of one tariff, priced from the catalogue; their codes are issued once the order is paid. */
export interface PlannedVoucher {
  itemId: string;
  museum: WireVoucherMuseum;
  tariff: WireVoucherTariff;
  quantity: number;
  totalCents: number;
}

export interface CheckoutPlan {
  bookings: PlannedBooking[];
  vouchers: PlannedVoucher[];
  totalCents: number;
}

const itemIdOf = (item: CheckoutItem) => (item.kind === 'option' ? item.optionId : item.itemId);

export const sameComposition = (a: GroupComposition, b: GroupComposition) =>
  a.visitors === b.visitors && a.guides === b.guides && a.leaders === b.leaders;

/** How many guide/leader tickets name nobody the office's registry still holds. */
export async function missingCompanions(
  db: Queryable, officeId: string, bookings: { composition: GroupComposition; designations: Designation[] }[],
): Promise<number> {
  const named = [...new Set(bookings.flatMap((b) => b.designations.map((d) => d.companionId)))];
  const known = new Set(named.length === 0 ? [] : (await db.select({ id: companions.id }).from(companions)
    .where(and(eq(companions.officeId, officeId), eq(companions.deleted, false), inArray(companions.id, named)))).map((c) => c.id));
  return bookings.reduce((n, b) => n + undesignatedSlots(b.composition, b.designations, (id) => known.has(id)).length, 0);
}

async function venueOf(db: Queryable, venueId: string): Promise<WireVenue> {
  const [row] = await db.select({ data: venues.data }).from(venues).where(eq(venues.id, venueId));
  if (!row) throw new Error(`catalogue: unknown venue ${venueId}`);
  return row.data as WireVenue;
}

/** A booking of the checkout, priced from the venue's products. */
export function plannedBooking(item: BookingItem, composition: GroupComposition, slot: SlotRow, venue: WireVenue, products: GroupProducts): PlannedBooking {
  return {
    kind: item.kind, itemId: itemIdOf(item), venue, slot, composition, people: headCount(composition), products,
    price: priceGroup(composition, products), designations: item.designations,
    dossierId: item.kind === 'direct' ? item.dossierId ?? null : null,
  };
}

export async function planCheckout(db: Queryable, officeId: string, items: CheckoutItem[], now: Date): Promise<CheckoutPlan> {
  const ids = items.map(itemIdOf);
  if (new Set(ids).size !== ids.length) throw new HttpError(400, 'INVALID_INPUT', 'items: the same option or item appears twice.');

  const optionIds = items.flatMap((i) => (i.kind === 'option' ? [i.optionId] : []));
  // Another office's option is not found, as everywhere else: its existence is none of this office's business.
  const held = optionIds.length === 0 ? [] : await db.select().from(options)
    .where(and(inArray(options.id, optionIds), eq(options.officeId, officeId)));
  const directIds = items.flatMap((i) => (i.kind === 'direct' ? [i.itemId] : []));
  const taken = directIds.length === 0 ? [] : await db.select({ id: options.id }).from(options).where(inArray(options.id, directIds));
  if (taken.length > 0) throw new HttpError(400, 'INVALID_INPUT', `items: ${taken.map((t) => t.id).join(', ')} already names a booking.`);

  const known: { item: BookingItem; composition: GroupComposition; slotId: string }[] = [];
  for (const item of items) {
    if (item.kind === 'voucher') continue;
    if (item.kind === 'direct') {
      known.push({ item, composition: item.composition, slotId: item.slotId });
    } else {
      const option = held.find((o) => o.id === item.optionId);
      if (option) known.push({ item, composition: option.composition as GroupComposition, slotId: option.slotId });
    }
  }

  const missingCount = await missingCompanions(db, officeId, known.map((k) => ({ composition: k.composition, designations: k.item.designations })));
  if (missingCount > 0) {
    throw new HttpError(422, 'COMPANIONS_MISSING', 'Not all accompanying leaders are designated.', { missingCount });
  }

  // The sweep may not have run yet: the server clock alone decides whether an option still holds.
  const notHeld = optionIds.filter((id) => {
    const option = held.find((o) => o.id === id);
    return !option || option.state !== 'active' || option.expiresAt.getTime() <= now.getTime();
  });
  if (notHeld.length > 0) {
    throw new HttpError(409, 'OPTIONS_NOT_HELD', 'Some options are no longer held (expired or cancelled): they cannot be paid.', { itemIds: notHeld });
  }

  const bookings: PlannedBooking[] = [];
  const ruleBreakers: string[] = [];
  const closed: string[] = [];
  const started: string[] = [];
  const full: string[] = [];
  for (const { item, composition, slotId } of known) {
    const [slot] = await db.select().from(slots).where(eq(slots.id, slotId));
    if (!slot) throw new HttpError(404, 'NOT_FOUND', `No slot ${slotId}.`);
    const venue = await venueOf(db, slot.venueId);
    const people = headCount(composition);
    if (item.kind === 'direct') {
      if (groupViolations(venue.rules, composition, { specialVisit: item.specialVisit ?? false }).length > 0) ruleBreakers.push(item.itemId);
      // Checked again by the guarded UPDATE; refused here, no card is authorized for seats that are not there.
      if (slot.status !== 'open') closed.push(item.itemId);
      else if (slot.startsAt.getTime() <= now.getTime()) started.push(item.itemId);
      else if (slot.capacity - slot.held - slot.sold < people) full.push(item.itemId);
    }
    bookings.push(plannedBooking(item, composition, slot, venue, await venueProducts(db, venue.id)));
  }
  if (ruleBreakers.length > 0) {
    throw new HttpError(422, 'GROUP_RULE', 'The venue does not take this group on one slot.', { itemIds: ruleBreakers });
  }
  // The most lasting reason first: a closed slot stays closed, a started one cannot be sold again.
  if (closed.length > 0) {
    throw new HttpError(409, 'SLOT_UNAVAILABLE', 'The slot is no longer on sale to groups (closed by the venue or cancelled).', { itemIds: closed });
  }
  if (started.length > 0) {
    throw new HttpError(409, 'SLOT_STARTED', 'The slot has already started: it is no longer on sale.', { itemIds: started });
  }
  if (full.length > 0) {
    throw new HttpError(409, 'SLOT_FULL', 'Not enough seats left on the slot for the whole group.', { itemIds: full });
  }
  const vouchers = await planVouchers(db, items.filter((i): i is VoucherItem => i.kind === 'voucher'));
  return {
    bookings, vouchers,
    totalCents: bookings.reduce((sum, b) => sum + b.price.totalCents, 0) + vouchers.reduce((sum, v) => sum + v.totalCents, 0),
  };
}

/** Each voucher item at its tariff's price today; a tariff the catalogue no longer sells is refused before any payment. */
async function planVouchers(db: Queryable, items: VoucherItem[]): Promise<PlannedVoucher[]> {
  if (items.length === 0) return [];
  const museums = (await db.select({ data: voucherMuseums.data }).from(voucherMuseums)).map((r) => r.data as WireVoucherMuseum);
  const tariffs = new Map(museums.flatMap((museum) => museum.tariffs.map((tariff) => [tariff.id, { museum, tariff }] as const)));
  const unknown = items.filter((i) => !tariffs.has(i.tariffId)).map((i) => i.tariffId);
  if (unknown.length > 0) {
    throw new HttpError(422, 'VOUCHER_TARIFF_UNKNOWN', 'No museum sells vouchers at this tariff (any more): nothing was charged.', { tariffIds: unknown });
  }
  return items.map((item) => {
    const { museum, tariff } = tariffs.get(item.tariffId)!;
    return { itemId: item.itemId, museum, tariff, quantity: item.quantity, totalCents: tariff.priceCents * item.quantity };
  });
}
