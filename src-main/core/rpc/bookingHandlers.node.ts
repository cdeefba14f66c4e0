import { DateTime } from 'luxon';
import { findVenue, groupProductsOf } from '../store/catalogueRepo.node.ts';
import { findSlot, slotsBetween } from '../store/slotsRepo.node.ts';
import { groupViolations, headCount, ticketBreakdown } from '../domain/groupComposition.std.ts';
import { optionExpiry } from '../domain/optionExpiry.std.ts';
import { priceGroup, type GroupProducts } from '../domain/pricing.std.ts';
import { splitGroup } from '../domain/splitGroup.std.ts';
import type { Venue } from '../domain/venues.std.ts';
import { GuichetError, notFound } from './guichetError.std.ts';
import type { HandlerTable } from './handlerContext.node.ts';
import { serverNow } from './optionHandlers.node.ts';
import { hasStarted } from './slotChecks.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';

/** How far around the wished date the split planner may look for slots. */
const SPLIT_SEARCH_DAYS = 14;

function venueOrThrow(db: StoreDb, venueId: string): Venue {
  const venue = findVenue(db, venueId);
  if (!venue) throw notFound('venue', venueId);
  return venue;
}

function groupProducts(db: StoreDb, venue: Venue): GroupProducts {
  const products = groupProductsOf(db, venue.id);
  if (!products) {
    throw new GuichetError('RULE_VIOLATION', `${venue.name} sells no group tickets online.`, {
      rule: 'NO_ONLINE_BOOKING',
      id: venue.id,
    });
  }
  return products;
}

export const bookingHandlers: HandlerTable<'booking.quote' | 'booking.planSplit'> = {
  'booking.quote': ({ slotId, composition, specialVisit }, ctx) => {
    const { store } = ctx;
    const slot = findSlot(store.db, slotId);
    if (!slot) throw notFound('slot', slotId);
    const venue = venueOrThrow(store.db, slot.venueId);
    const price = priceGroup(composition, groupProducts(store.db, venue));
    return {
      slotId,
      headCount: headCount(composition),
      remaining: slot.remaining,
      breakdown: ticketBreakdown(composition),
      lines: price.lines,
      totalCents: price.totalCents,
      discountCents: price.discountCents,
      started: hasStarted(slot, serverNow(ctx)),
      option: optionExpiry(venue.rules, slot.startsAt, serverNow(ctx).toISOString(), venue.timeZone),
      violations: groupViolations(venue.rules, composition, { specialVisit: specialVisit ?? false }),
    };
  },

  'booking.planSplit': ({ venueId, date, composition, startsAt }, ctx) => {
    const { store } = ctx;
    const now = serverNow(ctx);
    const venue = venueOrThrow(store.db, venueId);
    const day = DateTime.fromISO(date, { zone: venue.timeZone });
    const candidates = slotsBetween(
      store.db,
      venueId,
      day.minus({ days: SPLIT_SEARCH_DAYS }).toISODate()!,
      day.plus({ days: SPLIT_SEARCH_DAYS }).toISODate()!,
    ).map((slot) => ({
      slotId: slot.id,
      startsAt: slot.startsAt,
      localDate: slot.localDate,
      remaining: slot.remaining,
      bookable: slot.status === 'open' && slot.remaining > 0 && !hasStarted(slot, now),
    }));
    const plan = splitGroup({ rules: venue.rules, composition, candidates, preferredDate: date, preferredStart: startsAt });
    if (!plan.ok) return plan;
    return {
      ok: true,
      subGroups: plan.subGroups.map(({ slotId, startsAt, composition: part, warnings }) => ({
        slotId,
        startsAt,
        composition: part,
        warnings,
      })),
    };
  },
};
