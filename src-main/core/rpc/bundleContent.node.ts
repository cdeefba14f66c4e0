// What a bundle holds, read from the local store only (the morning of a visit the coach has no
// network): the valid tickets of the scope, grouped by sub-group, each group with its cover.
import { DateTime } from 'luxon';
import { and, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { WireGroupCode, WireOrder, WireTicket } from '../../contract/centralApi.std.ts';
import type { BundleScope } from '../../contract/printSchemas.std.ts';
import type { BundleCover, BundleDocument, BundleSection } from '../print/bundle/bundleModel.std.ts';
import { VENUE_TIME_ZONE, type PrintLanguage } from '../print/printText.std.ts';
import { findVenue } from '../store/catalogueRepo.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { findOrder, ticketsOf } from '../store/ordersRepo.node.ts';
import { LIVE_SUB_GROUP_STATES } from '../store/optionsRepo.node.ts';
import { dossiers, groupCodes, options, tickets } from '../store/schema.node.ts';
import { findDossier } from '../store/dossiersRepo.node.ts';
import { notFound } from './guichetError.std.ts';
import { refuse } from './slotChecks.node.ts';

export interface BundleContent {
  document: BundleDocument;
  /** The tickets printed, for the print history. */
  printed: { id: string; orderId: string }[];
  leftOut: { number: string; reason: 'cancelled' }[];
  fileName: string;
}

const KIND_ORDER = { guide: 0, leader: 1, visitor: 2 } as const;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const ticketValues = (rows: { value: unknown }[]) => rows.map((row) => row.value as WireTicket);

/** An order and its tickets, for a bundle or a CSV; says why when it has none yet. */
export function ticketsOfOrder(db: StoreDb, orderId: string): { order: WireOrder; tickets: WireTicket[] } {
  const order = findOrder(db, orderId);
  if (!order) throw notFound('order', orderId);
  const found = ticketsOf(db, [orderId]);
  if (found.length === 0) refuse(order.state === 'awaiting_transfer' ? 'TICKETS_AWAIT_TRANSFER' : 'NO_TICKETS', 'This order has no tickets yet.');
  return { order, tickets: found };
}

/** The tickets still valid: voided ones are never printed nor exported. */
export function validTickets(all: WireTicket[]): WireTicket[] {
  const valid = all.filter((t) => t.state === 'valid');
  if (valid.length === 0) refuse('ALL_TICKETS_VOIDED', 'Every ticket chosen was voided.');
  return valid;
}

/** Every ticket of these sub-groups (options), whichever order paid them. */
function ticketsOfOptions(db: StoreDb, optionIds: string[]): WireTicket[] {
  return optionIds.length === 0 ? [] : ticketValues(db.select({ value: tickets.value }).from(tickets)
    .where(inArray(sql`json_extract(${tickets.value}, '$.optionId')`, optionIds)).all());
}

function scopeTickets(db: StoreDb, scope: BundleScope): WireTicket[] {
  switch (scope.kind) {
    case 'order':
      return ticketsOfOrder(db, scope.orderId).tickets;
    case 'groupBooking': {
      const optionIds = db.select({ id: options.id }).from(options).where(eq(options.groupBookingId, scope.groupBookingId)).all().map((o) => o.id);
      if (optionIds.length === 0) throw notFound('group booking', scope.groupBookingId);
      return ticketsOfOptions(db, optionIds);
    }
    case 'tickets': {
      const found = ticketValues(db.select({ value: tickets.value }).from(tickets).where(inArray(tickets.id, scope.ticketIds)).all());
      const missing = scope.ticketIds.length - found.length;
      if (missing > 0) refuse('TICKETS_NOT_HERE', `${missing} of the chosen tickets are not on this workstation.`, { count: missing });
      return found;
    }
    case 'dossier': {
      if (!findDossier(db, scope.dossierId)) throw notFound('dossier', scope.dossierId);
      return ticketsOfOptions(db, db.select({ id: options.id }).from(options).where(eq(options.dossierId, scope.dossierId)).all().map((o) => o.id));
    }
    case 'day': {
      // Slots start within a day of the Paris date whatever the venue's zone; the exact local day is checked below.
      const day = DateTime.fromISO(scope.date, { zone: VENUE_TIME_ZONE });
      const from = day.minus({ days: 1 }).toUTC().toISO()!;
      const until = day.plus({ days: 2 }).toUTC().toISO()!;
      const validFrom = sql<string>`json_extract(${tickets.value}, '$.validFrom')`;
      const near = ticketValues(db.select({ value: tickets.value }).from(tickets)
        .where(and(isNotNull(sql`json_extract(${tickets.value}, '$.slotId')`), gte(validFrom, from), lt(validFrom, until))).all());
      return near.filter((t) => DateTime.fromISO(t.validFrom, { zone: venueZone(db, t.venueId) }).toISODate() === scope.date);
    }
  }
}

function dossierOfOption(db: StoreDb, optionId: string): BundleCover['dossier'] {
  const found = db.select({ name: dossiers.name, reference: dossiers.clientReference }).from(options)
    .innerJoin(dossiers, eq(dossiers.id, options.dossierId)).where(eq(options.id, optionId)).get();
  return found ?? null;
}

const venueZone = (db: StoreDb, venueId: string) => findVenue(db, venueId)?.timeZone ?? VENUE_TIME_ZONE;

/** "2/3": the sub-group's place among the live sub-groups of its group booking, by slot. */
function subGroupPlace(db: StoreDb, optionId: string): { index: number; count: number } {
  const option = db.select({ groupBookingId: options.groupBookingId }).from(options).where(eq(options.id, optionId)).get();
  if (!option?.groupBookingId) return { index: 1, count: 1 };
  const siblings = db.select({ id: options.id }).from(options)
    .where(and(eq(options.groupBookingId, option.groupBookingId), inArray(options.state, [...LIVE_SUB_GROUP_STATES])))
    .orderBy(options.startsAt, options.id).all().map((o) => o.id);
  const index = siblings.indexOf(optionId);
  return index < 0 ? { index: 1, count: 1 } : { index: index + 1, count: siblings.length };
}

function groupCodeOf(db: StoreDb, optionId: string): WireGroupCode | undefined {
  return db.select({ value: groupCodes.value }).from(groupCodes).where(eq(groupCodes.id, optionId)).get()?.value as WireGroupCode | undefined;
}

export function bundleContent(db: StoreDb, scope: BundleScope, language: PrintLanguage, office: string): BundleContent {
  const all = scopeTickets(db, scope);
  if (all.length === 0) refuse('NOTHING_TO_PRINT', 'There are no tickets to print here.');
  const valid = validTickets(all);

  const orders = new Map<string, WireOrder>();
  const orderOf = (id: string) => {
    if (!orders.has(id)) orders.set(id, findOrder(db, id)!);
    return orders.get(id)!;
  };
  const byOption = groupBy(valid, (t) => t.optionId);
  const sections: (BundleSection & { startsAt: string })[] = [...byOption].map(([optionId, group]) => {
    const order = orderOf(group[0]!.orderId);
    const booking = order.bookings.find((b) => b.optionId === optionId);
    const venue = findVenue(db, group[0]!.venueId);
    const timeZone = venue?.timeZone ?? VENUE_TIME_ZONE;
    const venueName = booking?.venueName ?? venue?.name ?? group[0]!.venueId;
    const designated = booking?.companions.find((c) => c.kind === 'guide') ?? booking?.companions[0];
    const companion = designated ? { name: `${designated.firstName} ${designated.surname}`.trim(), phone: designated.phone } : null;
    const sorted = [...group].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.number.localeCompare(b.number));
    const code = groupCodeOf(db, optionId);
    const numbers = sorted.map((t) => t.number);
    const wholeGroup = code?.state === 'valid' && code.qr !== null
      && code.ticketNumbers.length === numbers.length && code.ticketNumbers.every((n) => numbers.includes(n));
    const tariffs = groupBy(sorted, (t) => t.label[language]);
    const startsAt = booking?.startsAt ?? sorted[0]!.validFrom;
    return {
      startsAt,
      subGroup: subGroupPlace(db, optionId),
      companion,
      cover: {
        venueName, timeZone, slotStartsAt: startsAt, companion, ticketNumbers: numbers, orderNumber: order.number,
        tariffs: [...tariffs].map(([product, list]) => ({ product, count: list.length })),
        groupQr: wholeGroup ? code.qr : null,
        dossier: dossierOfOption(db, optionId),
      },
      tickets: sorted.map((t) => ({
        number: t.number, qr: t.qr, kind: t.kind, product: t.label[language], venueName, timeZone,
        priceCents: booking?.lines.find((l) => l.productId === t.productId)?.unitCents ?? 0,
        slotStartsAt: t.slotId ? t.validFrom : null, validUntil: t.validUntil, orderNumber: order.number, holder: t.assignedTo?.name ?? null,
      })),
    };
  });
  sections.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.subGroup.index - b.subGroup.index);
  const dossierName = scope.kind === 'dossier' ? findDossier(db, scope.dossierId)!.name : '';

  return {
    document: { title: titleOf(scope, language, [...orders.values()], dossierName), language, office, sections: sections.map(({ startsAt: _, ...section }) => section) },
    printed: valid.map((t) => ({ id: t.id, orderId: t.orderId })),
    leftOut: all.filter((t) => t.state !== 'valid').map((t) => ({ number: t.number, reason: 'cancelled' as const })),
    fileName: `${fileStem(scope, [...orders.values()], language, dossierName)}.pdf`,
  };
}

function titleOf(scope: BundleScope, language: PrintLanguage, orders: WireOrder[], dossierName: string): string {
  const tickets = language === 'fr' ? 'Billets' : 'Tickets';
  if (scope.kind === 'day') return `${tickets} — ${scope.date}`;
  if (scope.kind === 'dossier') return `${tickets} — ${dossierName}`;
  return `${tickets} — ${orders.map((o) => o.number).join(', ')}`;
}

/** "Lycée Voltaire — Paris" → "lycee-voltaire-paris": a file name every system keeps. */
const slug = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'dossier';

function fileStem(scope: BundleScope, orders: WireOrder[], language: PrintLanguage, dossierName: string): string {
  const tickets = language === 'fr' ? 'billets' : 'tickets';
  switch (scope.kind) {
    case 'order': return `${tickets}-${orders[0]!.number}`;
    case 'groupBooking': return `${tickets}-${language === 'fr' ? 'groupe' : 'group'}-${orders.map((o) => o.number).sort()[0]}`;
    case 'tickets': return `${tickets}-selection-${orders.length === 1 ? orders[0]!.number : `${orders.length}-${language === 'fr' ? 'commandes' : 'orders'}`}`;
    case 'day': return `${tickets}-${scope.date}`;
    case 'dossier': return `${tickets}-${slug(dossierName)}`;
  }
}
