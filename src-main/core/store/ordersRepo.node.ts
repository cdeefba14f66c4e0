// The office's orders and tickets as the central service sent them (whole wire values), and
// the rows the Orders and Tickets screens show.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import type { OrderState, WireGroupCode, WireOrder, WireTicket } from '../../contract/centralApi.std.ts';
import type { OrderDetailDto, OrderRowDto, TicketRowDto } from '../../contract/orderSchemas.std.ts';
import type { StoreDb } from './openStore.node.ts';
import type { PrintSummary } from '../../contract/printSchemas.std.ts';
import { dossiers, groupCodes, options, orders, tickets } from './schema.node.ts';
import { orderPrintSummaries, ticketPrintSummaries } from './printHistoryRepo.node.ts';
import { LIVE_SUB_GROUP_STATES } from './optionsRepo.node.ts';

export function putOrder(db: StoreDb, order: WireOrder): void {
  const row = { number: order.number, state: order.state, createdAt: new Date(order.createdAt).toISOString(), value: order };
  db.insert(orders).values({ id: order.id, ...row }).onConflictDoUpdate({ target: orders.id, set: row }).run();
}

export function putTicket(db: StoreDb, ticket: WireTicket): void {
  const row = { orderId: ticket.orderId, number: ticket.number, state: ticket.state, value: ticket };
  db.insert(tickets).values({ id: ticket.id, ...row }).onConflictDoUpdate({ target: tickets.id, set: row }).run();
}

export function putGroupCode(db: StoreDb, code: WireGroupCode): void {
  const row = { orderId: code.orderId, state: code.state, value: code };
  db.insert(groupCodes).values({ id: code.id, ...row }).onConflictDoUpdate({ target: groupCodes.id, set: row }).run();
}

export function findOrder(db: StoreDb, id: string): WireOrder | undefined {
  return db.select().from(orders).where(eq(orders.id, id)).get()?.value as WireOrder | undefined;
}

export function ticketsOf(db: StoreDb, orderIds: string[]): WireTicket[] {
  if (orderIds.length === 0) return [];
  return db.select().from(tickets).where(inArray(tickets.orderId, orderIds)).orderBy(asc(tickets.number)).all()
    .map((t) => t.value as WireTicket);
}

/** The client group of each option that has one. */
export type DossierOfOption = ReadonlyMap<string, { id: string; name: string }>;

export function dossiersByOption(db: StoreDb): DossierOfOption {
  return new Map(db.select({ optionId: options.id, id: dossiers.id, name: dossiers.name }).from(options)
    .innerJoin(dossiers, eq(dossiers.id, options.dossierId)).all().map(({ optionId, id, name }) => [optionId, { id, name }]));
}

export function toOrderRow(order: WireOrder, ticketCount: number, dossierOf: DossierOfOption): OrderRowDto {
  const visits = order.bookings.map((b) => b.startsAt).sort((a, b) => Date.parse(a) - Date.parse(b));
  const orderDossiers = new Map(order.bookings.flatMap((b) => { const d = dossierOf.get(b.optionId); return d ? [[d.id, d] as const] : []; }));
  return {
    id: order.id,
    number: order.number,
    createdAt: order.createdAt,
    state: order.state,
    paymentMethod: order.payment.method,
    totalCents: order.totalCents,
    venueNames: [...new Set(order.bookings.map((b) => b.venueName))],
    firstVisitAt: visits[0] ?? order.createdAt,
    // Mirrored by a version before transfer deadlines: no deadline known until the next pull.
    paymentDueAt: order.state === 'awaiting_transfer' ? order.paymentDueAt ?? null : null,
    ticketCount,
    dossiers: [...orderDossiers.values()],
  };
}

export function toTicketRow(ticket: WireTicket, order: WireOrder | undefined, dossierOf: DossierOfOption, printed: PrintSummary = null): TicketRowDto {
  const booking = order?.bookings.find((b) => b.optionId === ticket.optionId);
  return {
    id: ticket.id,
    number: ticket.number,
    orderId: ticket.orderId,
    orderNumber: order?.number ?? '',
    optionId: ticket.optionId,
    venueName: booking?.venueName ?? order?.bookings.find((b) => b.venueId === ticket.venueId)?.venueName ?? ticket.venueId,
    kind: ticket.kind,
    label: ticket.label,
    validFrom: ticket.validFrom,
    validUntil: ticket.validUntil,
    state: ticket.state,
    assignedTo: ticket.assignedTo && { name: ticket.assignedTo.name, email: ticket.assignedTo.email, at: ticket.assignedTo.at },
    printed,
    dossier: dossierOf.get(ticket.optionId) ?? null,
  };
}

export interface OrderFilter {
  /** Instants (UTC ISO), from inclusive, until exclusive. */
  from?: string;
  until?: string;
  state?: OrderState;
}

/** Newest first. */
export function listOrders(db: StoreDb, filter: OrderFilter = {}): WireOrder[] {
  const conditions: SQL[] = [];
  if (filter.from) conditions.push(gte(orders.createdAt, filter.from));
  if (filter.until) conditions.push(lt(orders.createdAt, filter.until));
  if (filter.state) conditions.push(eq(orders.state, filter.state));
  return db.select().from(orders).where(and(...conditions)).orderBy(desc(orders.createdAt)).all().map((o) => o.value as WireOrder);
}

export function countTicketsByOrder(db: StoreDb): Map<string, number> {
  const rows = db.select({ orderId: tickets.orderId, n: count() }).from(tickets).groupBy(tickets.orderId).all();
  return new Map(rows.map((r) => [r.orderId, r.n]));
}

export function orderDetail(db: StoreDb, orderId: string): OrderDetailDto | undefined {
  const order = findOrder(db, orderId);
  if (!order) return undefined;
  const tickets = ticketsOf(db, [order.id]);
  // The venue calls the people named for the cancelled visit; a placeholder names nobody to call.
  const companionsToCall = order.bookings.filter((b) => b.cancelledByVenue).flatMap((booking) =>
    [...new Map(booking.companions.filter((c) => !c.placeholder).map((c) => [c.companionId, c])).values()].map((c) => ({
      name: `${c.firstName} ${c.surname}`, email: c.email, phone: c.phone, venueName: booking.venueName, startsAt: booking.startsAt,
    })));
  const printed = ticketPrintSummaries(db, tickets.map((t) => t.id));
  const dossierOf = dossiersByOption(db);
  const clientsToCall = order.bookings.filter((b) => b.cancelledByVenue).flatMap((booking) => {
    const dossier = dossierOf.get(booking.optionId);
    const found = dossier && db.select().from(dossiers).where(eq(dossiers.id, dossier.id)).get();
    return found ? [{
      dossierId: found.id, name: found.name, contactName: found.contactName, contactEmail: found.contactEmail, contactPhone: found.contactPhone,
      venueName: booking.venueName, startsAt: booking.startsAt,
    }] : [];
  });
  return {
    row: toOrderRow(order, tickets.length, dossierOf), order, tickets: tickets.map((t) => toTicketRow(t, order, dossierOf, printed.get(t.id))),
    companionsToCall, clientsToCall,
    printed: orderPrintSummaries(db, [order.id]).get(order.id) ?? null,
    groupBookings: groupBookingsOf(db, order.bookings.map((b) => b.optionId)),
  };
}

/** The split groups the given sub-groups (options) belong to, with how many sub-groups each has. */
function groupBookingsOf(db: StoreDb, optionIds: string[]): { id: string; subGroups: number }[] {
  if (optionIds.length === 0) return [];
  const ids = db.selectDistinct({ id: options.groupBookingId }).from(options)
    .where(and(inArray(options.id, optionIds), isNotNull(options.groupBookingId))).all().map((r) => r.id!);
  if (ids.length === 0) return [];
  return db.select({ id: options.groupBookingId, subGroups: count() }).from(options)
    .where(and(inArray(options.groupBookingId, ids), inArray(options.state, [...LIVE_SUB_GROUP_STATES])))
    .groupBy(options.groupBookingId).all().map((r) => ({ id: r.id!, subGroups: r.subGroups }));
}
