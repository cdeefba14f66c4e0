// The desktop's local store. `server_*` tables mirror the central service and are
// replaced only by what it sends; the other tables hold this office's own work
// (options it prepares, companions, orders and tickets it receives) and local state.
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { ORDER_STATES } from '../../contract/centralApi.std.ts';

export const serverVenues = sqliteTable('server_venues', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  timeZone: text('time_zone').notNull(),
  online: integer('online', { mode: 'boolean' }).notNull(),
  rules: text('rules', { mode: 'json' }).notNull(),
  contact: text('contact', { mode: 'json' }).notNull(),
  schedule: text('schedule', { mode: 'json' }),
  sortOrder: integer('sort_order').notNull(),
});

export const serverProducts = sqliteTable('server_products', {
  id: text('id').primaryKey(),
  venueId: text('venue_id').notNull().references(() => serverVenues.id),
  kind: text('kind', { enum: ['visitor', 'guide', 'leader'] }).notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en').notNull(),
  priceCents: integer('price_cents').notNull(),
});

export const serverSlots = sqliteTable('server_slots', {
  id: text('id').primaryKey(),
  venueId: text('venue_id').notNull().references(() => serverVenues.id),
  startsAt: text('starts_at').notNull(),
  localDate: text('local_date').notNull(),
  localTime: text('local_time').notNull(),
  capacity: integer('capacity').notNull(),
  remaining: integer('remaining').notNull(),
  status: text('status', { enum: ['open', 'unavailable', 'cancelled'] }).notNull(),
}, (t) => [index('server_slots_venue_date').on(t.venueId, t.localDate, t.localTime)]);

export const serverClosedDays = sqliteTable('server_closed_days', {
  venueId: text('venue_id').notNull().references(() => serverVenues.id),
  localDate: text('local_date').notNull(),
}, (t) => [primaryKey({ columns: [t.venueId, t.localDate] })]);

export const options = sqliteTable('options', {
  id: text('id').primaryKey(),
  venueId: text('venue_id').notNull(),
  slotId: text('slot_id').notNull(),
  startsAt: text('starts_at').notNull(),
  composition: text('composition', { mode: 'json' }).notNull(),
  totalCents: integer('total_cents').notNull(),
  state: text('state', {
    enum: ['pending', 'active', 'confirmed', 'cancelled', 'expired', 'cancelled_by_venue', 'rejected'],
  }).notNull(),
  expiresAt: text('expires_at'),
  groupBookingId: text('group_booking_id'),
  /** The client group it is for (dossiers.id); no foreign key, as for every mirrored row. */
  dossierId: text('dossier_id'),
  rejection: text('rejection', { mode: 'json' }),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [index('options_state').on(t.state, t.startsAt), index('options_dossier').on(t.dossierId)]);

/** The office's client groups (WireDossier), shared by its workstations. */
export const dossiers = sqliteTable('dossiers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  clientReference: text('client_reference'),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  expectedPeople: integer('expected_people'),
  travelFrom: text('travel_from'),
  travelTo: text('travel_to'),
  notes: text('notes'),
  updatedAt: text('updated_at').notNull(),
});

export const companions = sqliteTable('companions', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['guide', 'leader'] }).notNull(),
  surname: text('surname').notNull(),
  firstName: text('first_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  placeholder: integer('placeholder', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at').notNull(),
});

export const contacts = sqliteTable('contacts', {
  id: text('id').primaryKey(),
  surname: text('surname').notNull(),
  firstName: text('first_name').notNull(),
  email: text('email').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Orders and tickets mirror the central service's WireOrder / WireTicket: the whole value
 * as JSON, plus the columns lists filter and sort on. No foreign key from tickets to orders:
 * a mirror holds what the service sent, and one row's order must never fail a whole pull.
 */
export const orders = sqliteTable('orders', {
  id: text('id').primaryKey(),
  number: text('number').notNull().unique(),
  state: text('state', { enum: ORDER_STATES }).notNull(),
  /** ISO instant in UTC (`toISOString()`), so text order is time order. */
  createdAt: text('created_at').notNull(),
  value: text('value', { mode: 'json' }).notNull(),
}, (t) => [index('orders_created').on(t.createdAt)]);

export const tickets = sqliteTable('tickets', {
  id: text('id').primaryKey(),
  orderId: text('order_id').notNull(),
  number: text('number').notNull().unique(),
  state: text('state', { enum: ['valid', 'cancelled'] }).notNull(),
  value: text('value', { mode: 'json' }).notNull(),
}, (t) => [index('tickets_order').on(t.orderId)]);

/** Mirror of the central service's group codes: one per sub-group with tickets, printed on its cover. */
export const groupCodes = sqliteTable('group_codes', {
  id: text('id').primaryKey(),
  orderId: text('order_id').notNull(),
  state: text('state', { enum: ['valid', 'void'] }).notNull(),
  value: text('value', { mode: 'json' }).notNull(),
}, (t) => [index('group_codes_order').on(t.orderId)]);

/** Local state: each time tickets left the app (a bundle saved, opened or printed, a CSV). */
export const printEvents = sqliteTable('print_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  how: text('how', { enum: ['file', 'opened', 'printer', 'csv'] }).notNull(),
  /** The printer's name, for a printed bundle. */
  printer: text('printer'),
  copies: integer('copies').notNull().default(1),
  workstation: text('workstation').notNull(),
});

export const printedTickets = sqliteTable('printed_tickets', {
  eventId: integer('event_id').notNull().references(() => printEvents.id),
  ticketId: text('ticket_id').notNull(),
  orderId: text('order_id').notNull(),
}, (t) => [primaryKey({ columns: [t.eventId, t.ticketId] }), index('printed_tickets_ticket').on(t.ticketId), index('printed_tickets_order').on(t.orderId)]);

/** The museums that sell vouchers, with their tariffs, as pulled (WireVoucherMuseum). */
export const serverVoucherMuseums = sqliteTable('server_voucher_museums', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** The office's vouchers as pulled; `value` is the WireVoucher (empty only on rows older than the mirror). */
export const vouchers = sqliteTable('vouchers', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  /** The voucher museum's id. */
  venueId: text('venue_id').notNull(),
  orderId: text('order_id').references(() => orders.id),
  assignedEmail: text('assigned_email'),
  used: integer('used', { mode: 'boolean' }).notNull().default(false),
  state: text('state', { enum: ['valid', 'used', 'revoked'] }).notNull().default('valid'),
  usedAt: text('used_at'),
  value: text('value', { mode: 'json' }),
});

/**
 * Voucher e-mails asked for here (vouchers.assign), one row per POST /vouchers/assign: kept
 * until the central service answers, then with its results. The id is the request's, so sending
 * it again (the answer lost, or sent after being offline) never e-mails anyone twice.
 */
export const voucherAssignRequests = sqliteTable('voucher_assign_requests', {
  id: text('id').primaryKey(),
  language: text('language', { enum: ['fr', 'en'] }).notNull(),
  /** [{ voucherId, email, name }], in the order asked. */
  assignments: text('assignments', { mode: 'json' }).notNull(),
  createdAt: text('created_at').notNull(),
  /** null while it waits for the service (what the agent sees as "pending"). */
  sentAt: text('sent_at'),
  /** The service's answer (AssignVouchersResponse['results']). */
  results: text('results', { mode: 'json' }),
});

/**
 * Voucher e-mails the service refused, one row per code: an assignment made offline and refused
 * on reconnect leaves no one at the desk to read the answer, so the reason stays here, shown next
 * to the code until the agent sends it again or dismisses it. `reason` is the service's code
 * (the item's, or the whole request's when it refused all of it).
 */
export const voucherAssignRefusals = sqliteTable('voucher_assign_refusals', {
  requestId: text('request_id').notNull().references(() => voucherAssignRequests.id),
  voucherId: text('voucher_id').notNull(),
  email: text('email').notNull(),
  reason: text('reason').notNull(),
  message: text('message').notNull(),
  refusedAt: text('refused_at').notNull(),
  /** Dismissed by the agent, or settled by a later e-mail of the code that went. */
  closedAt: text('closed_at'),
}, (t) => [primaryKey({ columns: [t.requestId, t.voucherId] }), index('voucher_assign_refusals_voucher').on(t.voucherId)]);

/** Changes the central service must see, in the order they were made (see sync/). */
export const outbox = sqliteTable('outbox', {
  mutationId: integer('mutation_id').primaryKey(),
  name: text('name').notNull(),
  args: text('args', { mode: 'json' }).notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * Changes the central service refused as malformed (a mutation it could not read or store),
 * kept with what was sent so the agent can correct or discard them. The service moved past
 * them: they are no longer in the outbox, and nothing behind them waits.
 */
export const refusedChanges = sqliteTable('refused_changes', {
  mutationId: integer('mutation_id').primaryKey(),
  name: text('name').notNull(),
  args: text('args', { mode: 'json' }).notNull(),
  code: text('code').notNull(),
  fields: text('fields', { mode: 'json' }).notNull(),
  refusedAt: text('refused_at').notNull(),
  /** The refused values shown here were replaced by the service's by a pull. */
  rolledBack: integer('rolled_back', { mode: 'boolean' }).notNull().default(false),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** Requests to monuments booked through their own booking department (no online slots). */
export const venueRequests = sqliteTable('venue_requests', {
  id: text('id').primaryKey(),
  venueId: text('venue_id').notNull(),
  visitDate: text('visit_date').notNull(),
  headCount: integer('head_count').notNull(),
  state: text('state', { enum: ['sent', 'confirmed', 'paid', 'done'] }).notNull(),
  notes: text('notes').notNull().default(''),
  sentAt: text('sent_at').notNull(),
  confirmedAt: text('confirmed_at'),
  paidAt: text('paid_at'),
  doneAt: text('done_at'),
  /** The client group it is for (dossiers.id). */
  dossierId: text('dossier_id'),
}, (t) => [index('venue_requests_venue').on(t.venueId, t.visitDate)]);
