// Fills an empty local store's mirror tables with the demo catalogue, for tests that
// exercise the desktop without a central service.
import { DateTime } from 'luxon';
import type { Store } from '../../src-main/core/store/openStore.node.ts';
import { serverClosedDays, serverProducts, serverSlots, serverVenues } from '../../src-main/core/store/schema.node.ts';
import { demoProducts, demoVenues } from '../../src-main/core/domain/demoCatalogue.std.ts';
import { closedDays, generateSlots } from '../../src-main/core/domain/slotGrid.std.ts';
import { demoOccupancy } from './demoOccupancy.std.ts';

/**
 * Months of slots a test's catalogue holds, on a desk or a central service, unless it asks
 * for the demo's year: every date the tests book falls within six months of their day, and
 * every desk pulls the whole catalogue, so half a year halves what each pull carries.
 */
export const TEST_SEED_MONTHS = 6;

export function seedDemoCatalogue(store: Store, today: string, months = 12): void {
  const until = DateTime.fromISO(today).plus({ months }).toISODate()!;
  const { db } = store;
  store.sqlite.transaction(() => {
    demoVenues.forEach((venue, index) => {
      db.insert(serverVenues).values({
        id: venue.id,
        name: venue.name,
        city: venue.city,
        timeZone: venue.timeZone,
        online: venue.online,
        rules: venue.rules,
        contact: venue.contact,
        schedule: venue.schedule,
        sortOrder: venue.online ? index : 1000,
      }).run();
      if (!venue.schedule) return;
      for (const slot of generateSlots(venue, today, until)) {
        const occupancy = demoOccupancy(slot.id, slot.capacity);
        db.insert(serverSlots).values({
          id: slot.id,
          venueId: venue.id,
          startsAt: slot.startsAt,
          localDate: slot.localDate,
          localTime: slot.localTime,
          capacity: slot.capacity,
          remaining: occupancy.remaining,
          status: occupancy.status,
        }).run();
      }
      for (const localDate of closedDays(venue, today, until)) {
        db.insert(serverClosedDays).values({ venueId: venue.id, localDate }).run();
      }
    });
    for (const product of demoProducts) {
      db.insert(serverProducts).values({
        id: product.id,
        venueId: product.venueId,
        kind: product.kind,
        labelFr: product.label.fr,
        labelEn: product.label.en,
        priceCents: product.priceCents,
      }).run();
    }
  })();
}
