import { asc, count, eq } from 'drizzle-orm';
import type { StoreDb } from './openStore.node.ts';
import { serverProducts, serverVenues } from './schema.node.ts';
import type { BookingContact, BookingRules, Product, SlotSchedule, Venue } from '../domain/venues.std.ts';
import type { GroupProducts } from '../domain/pricing.std.ts';

type VenueRow = typeof serverVenues.$inferSelect;

const toVenue = (row: VenueRow): Venue => ({
  id: row.id,
  name: row.name,
  city: row.city,
  timeZone: row.timeZone,
  online: row.online,
  rules: row.rules as BookingRules,
  contact: row.contact as BookingContact,
  schedule: (row.schedule as SlotSchedule | null) ?? null,
});

/** Online venues first (as the platform lists them), then the others by name. */
export function listVenues(db: StoreDb): Venue[] {
  return db.select().from(serverVenues).orderBy(asc(serverVenues.sortOrder), asc(serverVenues.name)).all().map(toVenue);
}

export function findVenue(db: StoreDb, id: string): Venue | undefined {
  const row = db.select().from(serverVenues).where(eq(serverVenues.id, id)).get();
  return row && toVenue(row);
}

export function productsOfVenue(db: StoreDb, venueId: string): Product[] {
  return db.select().from(serverProducts).where(eq(serverProducts.venueId, venueId)).all().map((p) => ({
    id: p.id,
    venueId: p.venueId,
    kind: p.kind,
    label: { fr: p.labelFr, en: p.labelEn },
    priceCents: p.priceCents,
  }));
}

/** The visitor, guide and leader tickets a venue sells online; undefined where it sells none. */
export function groupProductsOf(db: StoreDb, venueId: string): GroupProducts | undefined {
  const products = productsOfVenue(db, venueId);
  const visitor = products.find((p) => p.kind === 'visitor');
  const guide = products.find((p) => p.kind === 'guide');
  const leader = products.find((p) => p.kind === 'leader');
  return visitor && guide && leader ? { visitor, guide, leader } : undefined;
}

export function countVenues(db: StoreDb): number {
  return db.select({ n: count() }).from(serverVenues).get()?.n ?? 0;
}
