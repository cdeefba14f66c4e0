// A dossier as the agent reads it: its visits across monuments as the trip's days, what they
// add up to, and what is still to do before the group travels. Read from the local store
// alone, so it holds offline.
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { WireOrder } from '../../contract/centralApi.std.ts';
import type { DossierDetailDto, DossierMissingDto, DossierRowDto, DossierVisitDto } from '../../contract/dossierSchemas.std.ts';
import type { Designated } from '../domain/designations.std.ts';
import { undesignatedSlots } from '../domain/designations.std.ts';
import { headCount, type GroupComposition } from '../domain/groupComposition.std.ts';
import { findVenue } from '../store/catalogueRepo.node.ts';
import { readStoredCart } from '../store/cartRepo.node.ts';
import { dossierFields, type DossierRecord } from '../store/dossiersRepo.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { listOrders, ticketsOf } from '../store/ordersRepo.node.ts';
import { ticketPrintSummaries } from '../store/printHistoryRepo.node.ts';
import { findCompanion } from '../store/companionsRepo.node.ts';
import { options } from '../store/schema.node.ts';
import { dossierVenueRequests } from '../store/venueRequestsRepo.node.ts';
import { VENUE_TIME_ZONE } from '../print/printText.std.ts';

const DAY_MS = 86_400_000;
/** What the trip still counts: a lapsed or cancelled option is history, not a visit. */
const VISIT_STATES = new Set(['pending', 'active', 'confirmed', 'cancelled_by_venue', 'rejected']);

export interface DossierClock {
  /** The server's clock as this workstation last measured it. */
  serverNow: Date;
  expiringSoonDays: number;
}

/** Each visit with its day where the monument is, earliest first. */
function visitsOf(db: StoreDb, dossierId: string, orderOfOption: Map<string, WireOrder>): { visit: DossierVisitDto; localDate: string }[] {
  const rows = db.select().from(options).where(eq(options.dossierId, dossierId)).all().filter((o) => VISIT_STATES.has(o.state));
  return rows.map((o) => {
    const venue = findVenue(db, o.venueId);
    const composition = o.composition as GroupComposition;
    const order = orderOfOption.get(o.id);
    const local = DateTime.fromISO(o.startsAt, { zone: venue?.timeZone ?? VENUE_TIME_ZONE });
    const visit: DossierVisitDto = {
      optionId: o.id, venueId: o.venueId, venueName: venue?.name ?? o.venueId, startsAt: o.startsAt, localTime: local.toFormat('HH:mm'),
      composition, headCount: headCount(composition), state: o.state, expiresAt: o.expiresAt, totalCents: o.totalCents,
      groupBookingId: o.groupBookingId, orderId: order?.id ?? null, orderNumber: order?.number ?? null,
    };
    return { visit, localDate: local.toISODate()! };
  }).sort((a, b) => a.visit.startsAt.localeCompare(b.visit.startsAt) || a.visit.venueName.localeCompare(b.visit.venueName));
}

/** The companions named in the cart for an option's guide and leader places. */
function designatedInCart(designations: Record<string, string>, optionId: string): Designated[] {
  return Object.entries(designations).flatMap(([key, companionId]) => {
    const [itemId, kind, index] = key.split(':');
    return itemId === optionId && (kind === 'guide' || kind === 'leader') ? [{ kind, index: Number(index), companionId }] : [];
  });
}

function missingOf(db: StoreDb, visits: DossierVisitDto[], designations: Record<string, string>, clock: DossierClock): DossierMissingDto[] {
  const missing: DossierMissingDto[] = [];
  const now = clock.serverNow.getTime();
  const future = visits.filter((v) => Date.parse(v.startsAt) > now);
  for (const v of future) {
    if (v.state === 'rejected') missing.push({ kind: 'optionRefused', optionId: v.optionId, venueName: v.venueName, startsAt: v.startsAt });
    if (v.state === 'cancelled_by_venue') missing.push({ kind: 'cancelledByVenue', optionId: v.optionId, venueName: v.venueName, startsAt: v.startsAt });
    if (v.state !== 'active') continue;
    if (v.expiresAt && Date.parse(v.expiresAt) - now <= clock.expiringSoonDays * DAY_MS) {
      missing.push({ kind: 'optionExpiring', optionId: v.optionId, venueName: v.venueName, expiresAt: v.expiresAt });
    }
    const unnamed = undesignatedSlots(v.composition, designatedInCart(designations, v.optionId), (id) => findCompanion(db, id) !== undefined).length;
    if (unnamed > 0) missing.push({ kind: 'companionsMissing', optionId: v.optionId, venueName: v.venueName, count: unnamed });
  }
  const paid = future.filter((v) => v.state === 'confirmed' && v.orderId);
  const tickets = ticketsOf(db, [...new Set(paid.map((v) => v.orderId!))]).filter((t) => t.state === 'valid');
  const printed = ticketPrintSummaries(db, tickets.map((t) => t.id));
  for (const v of paid) {
    const unprinted = tickets.filter((t) => t.optionId === v.optionId && !printed.has(t.id)).length;
    if (unprinted > 0) missing.push({ kind: 'ticketsNotPrinted', orderId: v.orderId!, orderNumber: v.orderNumber!, venueName: v.venueName, count: unprinted });
  }
  return missing;
}

/** Which order paid each option, for every order of the office. */
function ordersByOption(db: StoreDb): Map<string, WireOrder> {
  return new Map(listOrders(db).flatMap((order) => order.bookings.map((b) => [b.optionId, order] as const)));
}

/** Who is named for each visit: from the order once paid, from the cart while held. */
function companionsOf(db: StoreDb, visits: DossierVisitDto[], designations: Record<string, string>, orders: Map<string, WireOrder>): DossierDetailDto['companions'] {
  return visits.flatMap((v) => {
    const booking = orders.get(v.optionId)?.bookings.find((b) => b.optionId === v.optionId);
    const named = booking
      ? booking.companions.map((c) => ({ companionId: c.companionId, name: `${c.firstName} ${c.surname}`, kind: c.kind, phone: c.phone }))
      : designatedInCart(designations, v.optionId).flatMap((d) => {
        const c = findCompanion(db, d.companionId);
        return c ? [{ companionId: c.id, name: `${c.firstName} ${c.surname}`, kind: c.kind, phone: c.phone }] : [];
      });
    const once = [...new Map(named.map((c) => [c.companionId, c])).values()];
    return once.map((c) => ({ ...c, optionId: v.optionId, venueName: v.venueName, startsAt: v.startsAt }));
  });
}

/** What every dossier's detail reads alike, read once for a whole list. */
export interface DossierShared {
  orders: Map<string, WireOrder>;
  designations: Record<string, string>;
}

export const dossierShared = (db: StoreDb): DossierShared => ({ orders: ordersByOption(db), designations: readStoredCart(db).designations });

export function dossierDetail(
  db: StoreDb, dossier: DossierRecord, pending: boolean, clock: DossierClock, { orders, designations }: DossierShared = dossierShared(db),
): DossierDetailDto {
  const dated = visitsOf(db, dossier.id, orders);
  const visits = dated.map((d) => d.visit);
  const days = new Map<string, DossierVisitDto[]>();
  for (const { visit, localDate } of dated) days.set(localDate, [...(days.get(localDate) ?? []), visit]);
  const counted = visits.filter((v) => v.state === 'pending' || v.state === 'active' || v.state === 'confirmed');
  const missing = missingOf(db, visits, designations, clock);
  const upcoming = counted.find((v) => Date.parse(v.startsAt) > clock.serverNow.getTime());
  const row: DossierRowDto = {
    id: dossier.id, ...dossierFields(dossier), pending, visits: counted.length, nextVisitAt: upcoming?.startsAt ?? null, missingCount: missing.length,
  };
  return {
    dossier: row,
    days: [...days].map(([localDate, dayVisits]) => ({ localDate, visits: dayVisits })),
    totals: {
      people: counted.reduce((sum, v) => sum + v.headCount, 0),
      paidCents: counted.filter((v) => v.state === 'confirmed').reduce((sum, v) => sum + v.totalCents, 0),
      heldCents: counted.filter((v) => v.state !== 'confirmed').reduce((sum, v) => sum + v.totalCents, 0),
    },
    missing,
    requests: dossierVenueRequests(db, dossier.id).map((r) => ({
      id: r.id, venueId: r.venueId, venueName: findVenue(db, r.venueId)?.name ?? r.venueId, visitDate: r.visitDate, headCount: r.headCount, state: r.state,
    })),
    companions: companionsOf(db, visits, designations, orders),
  };
}
