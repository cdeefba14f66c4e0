// Orders, their tickets and receipts, read from the mirror of what the central service sent;
// sending tickets by e-mail is the one step here that needs the connection.
import { DateTime } from 'luxon';
import { findContact } from '../store/contactsRepo.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { countTicketsByOrder, dossiersByOption, findOrder, listOrders, orderDetail, putTicket, ticketsOf, toOrderRow, toTicketRow } from '../store/ordersRepo.node.ts';
import { readSettings } from '../store/settingsRepo.node.ts';
import { recordPrint, ticketPrintSummaries } from '../store/printHistoryRepo.node.ts';
import { ticketsOfOrder, validTickets } from './bundleContent.node.ts';
import { VENUE_TIME_ZONE } from '../print/printText.std.ts';
import { renderReceiptPdf } from '../print/receiptPdf.node.ts';
import { ticketsCsv } from '../print/ticketsCsv.std.ts';
import { findVenue } from '../store/catalogueRepo.node.ts';
import { sendFirst } from '../sync/sendFirst.node.ts';
import { syncState } from '../sync/syncState.node.ts';
import { askCentral } from './centralErrors.node.ts';
import { refuse } from './slotChecks.node.ts';
import { GuichetError, notFound } from './guichetError.std.ts';
import type { HandlerTable } from './handlerContext.node.ts';

/** Orders are searched by the day they were placed, as the office's calendar says it. */
const ORDERS_TIME_ZONE = 'Europe/Paris';
const startOfDay = (date: string, plusDays = 0) =>
  DateTime.fromISO(date, { zone: ORDERS_TIME_ZONE }).plus({ days: plusDays }).startOf('day').toJSDate().toISOString();

function orderOrThrow(db: StoreDb, orderId: string) {
  const order = findOrder(db, orderId);
  if (!order) throw notFound('order', orderId);
  return order;
}

function signedInSession(db: StoreDb) {
  const session = syncState.session(db);
  // Not the browser host's UNAUTHORIZED (a lost access link): the office is simply signed out.
  if (!session) refuse('SIGN_IN_TO_PAY', 'Sign in to the central service first.');
  return session;
}

export const orderHandlers: HandlerTable<'orders.list' | 'orders.get' | 'orders.receipt' | 'tickets.csv' | 'orders.assign' | 'tickets.list'> = {
  'orders.list': ({ from, to, state }, { store }) => {
    const [counts, dossierOf] = [countTicketsByOrder(store.db), dossiersByOption(store.db)];
    return listOrders(store.db, { from: from && startOfDay(from), until: to && startOfDay(to, 1), state })
      .map((order) => toOrderRow(order, counts.get(order.id) ?? 0, dossierOf));
  },

  'orders.get': ({ orderId }, { store }) => {
    orderOrThrow(store.db, orderId);
    return orderDetail(store.db, orderId)!;
  },

  'orders.receipt': async ({ orderId, language }, { store }) => {
    const order = orderOrThrow(store.db, orderId);
    const { office, user } = signedInSession(store.db);
    const pdf = await renderReceiptPdf(order, { company: office.company, contactName: user.contactName, email: user.email }, {
      language: language ?? readSettings(store.db).language ?? 'fr',
    });
    return { fileName: `justificatif-${order.number}.pdf`, base64: pdf.toString('base64') };
  },

  'tickets.csv': ({ orderId, language }, ctx) => {
    const { store } = ctx;
    const { order, tickets: all } = ticketsOfOrder(store.db, orderId);
    const valid = validTickets(all);
    const rows = valid.map((ticket) => {
      const row = toTicketRow(ticket, order, new Map());
      return {
        number: ticket.number, qr: ticket.qr, venueName: row.venueName, timeZone: findVenue(store.db, ticket.venueId)?.timeZone ?? VENUE_TIME_ZONE,
        label: ticket.label, slotStartsAt: ticket.slotId ? ticket.validFrom : null, validUntil: ticket.validUntil,
        holder: ticket.assignedTo?.name ?? null, orderNumber: order.number,
      };
    });
    const csv = ticketsCsv(rows, language ?? readSettings(store.db).language ?? 'fr');
    recordPrint(store.db, { at: ctx.now().toISOString(), how: 'csv', workstation: ctx.workstation }, valid);
    ctx.emit('orders.changed', {});
    return {
      fileName: `billets-${order.number}.csv`, base64: Buffer.from(csv, 'utf8').toString('base64'), count: valid.length,
      leftOut: all.filter((t) => t.state !== 'valid').map((t) => ({ number: t.number, reason: 'cancelled' as const })),
    };
  },

  'orders.assign': async ({ orderId, ticketIds, to, language: asked }, ctx) => {
    const { db } = ctx.store;
    orderOrThrow(db, orderId);
    if (to.kind === 'contact' && !findContact(db, to.contactId)) throw notFound('contact', to.contactId);
    signedInSession(db);
    // A contact created a moment ago must reach the service before tickets can be sent to it.
    const contactSent = to.kind === 'office'
      || await sendFirst(ctx.sync, db, (row) => (row.args as { contactId?: string }).contactId === to.contactId);
    if (!contactSent) throw new GuichetError('OFFLINE', 'Sending tickets needs the connection.');
    const language = asked ?? readSettings(db).language ?? 'fr';
    const { sentTo, tickets } = await askCentral(() =>
      ctx.sync.authorised((token) => ctx.central.assignTickets(token, orderId, { ticketIds, to, language })));
    ctx.store.sqlite.transaction(() => tickets.forEach((ticket) => putTicket(db, ticket)))();
    ctx.emit('orders.changed', {});
    return { sentTo, count: tickets.length };
  },

  'tickets.list': (_input, { store }) => {
    const orders = listOrders(store.db);
    const byId = new Map(orders.map((o) => [o.id, o]));
    const all = ticketsOf(store.db, orders.map((o) => o.id));
    const printed = ticketPrintSummaries(store.db, all.map((t) => t.id));
    const dossierOf = dossiersByOption(store.db);
    return all
      .sort((a, b) => orders.indexOf(byId.get(a.orderId)!) - orders.indexOf(byId.get(b.orderId)!) || a.number.localeCompare(b.number))
      .map((ticket) => toTicketRow(ticket, byId.get(ticket.orderId), dossierOf, printed.get(ticket.id)));
  },
};
