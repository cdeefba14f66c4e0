// The central service's PostgreSQL schema. Every row a desktop pulls carries the version of
// the transaction that last changed it (its id: versions.node.ts); pull pages walk (version,
// entity, id).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn, bigint, boolean, check, customType, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { ORDER_CANCEL_REASONS, ORDER_STATES, VENUE_REQUEST_STATES, VOUCHER_STATES } from '../../src-main/contract/centralApi.std.ts';

/**
 * Ids compared by bytes: pull pages resume after the last (version, entity, id) key, and
 * the desktop compares that key as JavaScript does. A locale collation would order
 * 'arc-de-triomphe:…' differently on another server and skip or repeat rows.
 */
const byteText = customType<{ data: string; driverData: string }>({ dataType: () => 'text collate "C"' });

const version = () => bigint('version', { mode: 'number' }).notNull();
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Pull cookies hold transaction ids of this cluster. A database restored from a dump into
 * another cluster counts them again from low: it gets a new epoch, and every client starts over.
 */
export const pullEpoch = pgTable('pull_epoch', {
  id: integer('id').primaryKey().default(1),
  epoch: uuid('epoch').notNull().defaultRandom(),
  /** The transaction id of the last start: an id below it means the ids were counted again. */
  seenXid: bigint('seen_xid', { mode: 'number' }).notNull().default(0),
  /**
   * The epoch of the demo template this database was unpacked from (pgliteTemplate.node.ts):
   * its cookies are of this very cluster as it was then, so a desk's mirror made with the
   * template pulls on from there. Null otherwise, and once the ids were counted again.
   */
  templateEpoch: uuid('template_epoch'),
}, (t) => [check('pull_epoch_single_row', sql`${t.id} = 1`)]);

/**
 * The key that signs access tokens when none is configured (the embedded demo): shared by
 * every API process in front of the database, and so readable by anyone who reads it. Emptied
 * at the first start with a configured token key.
 */
export const tokenKey = pgTable('token_key', {
  id: integer('id').primaryKey().default(1),
  secret: text('secret').notNull(),
}, (t) => [check('token_key_single_row', sql`${t.id} = 1`)]);

export const offices = pgTable('offices', {
  id: uuid('id').primaryKey(),
  company: text('company').notNull(),
  contactName: text('contact_name').notNull(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  status: text('status', { enum: ['awaiting_validation', 'validated'] }).notNull(),
  createdAt: instant('created_at').notNull(),
  // The sign-up form's other fields (DOMAIN.md §8): null for offices created before it asked them.
  legalForm: text('legal_form'),
  siret: text('siret'),
  vatNumber: text('vat_number'),
  website: text('website'),
  civility: text('civility', { enum: ['mme', 'm'] }),
  firstName: text('first_name'),
  surname: text('surname'),
  phone: text('phone'),
  jobTitle: text('job_title'),
  street: text('street'),
  postcode: text('postcode'),
  city: text('city'),
  country: text('country'),
  /** The language of the office's e-mails. */
  language: text('language', { enum: ['fr', 'en'] }).notNull().default('fr'),
  /** When the mail server took the "account created" / "pro status validated" e-mail; null while not sent. */
  createdMailSentAt: instant('created_mail_sent_at'),
  validatedMailSentAt: instant('validated_mail_sent_at'),
});

export const sessions = pgTable('sessions', {
  refreshTokenHash: text('refresh_token_hash').primaryKey(),
  /** Named in every access token of the session; kept when the refresh token rotates. */
  sessionId: uuid('session_id').notNull().defaultRandom(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  expiresAt: instant('expires_at').notNull(),
  /**
   * The refresh token this one replaced, kept until this one is first used: a desk whose
   * refresh answer was lost on the way still holds the old one, and may use it again.
   */
  predecessorHash: text('predecessor_hash'),
}, (t) => [index('sessions_office').on(t.officeId), index('sessions_predecessor').on(t.predecessorHash)]);

/**
 * Sessions signed out while access tokens naming them may still be alive: every API process
 * refuses those tokens at once. A row is needed only until the last such token lapses.
 */
export const revokedSessions = pgTable('revoked_sessions', {
  sessionId: uuid('session_id').primaryKey(),
  until: instant('until').notNull(),
}, (t) => [index('revoked_sessions_until').on(t.until)]);

export const venues = pgTable('venues', {
  id: byteText('id').primaryKey(),
  sortOrder: integer('sort_order').notNull(),
  /** The WireVenue without its sort order: catalogue data the service only passes on. */
  data: jsonb('data').notNull(),
  version: version(),
}, (t) => [index('venues_version').on(t.version, t.id)]);

export const products = pgTable('products', {
  id: byteText('id').primaryKey(),
  venueId: byteText('venue_id').notNull().references(() => venues.id),
  data: jsonb('data').notNull(),
  version: version(),
}, (t) => [index('products_version').on(t.version, t.id)]);

export const slots = pgTable('slots', {
  id: byteText('id').primaryKey(),
  venueId: byteText('venue_id').notNull().references(() => venues.id),
  startsAt: instant('starts_at').notNull(),
  localDate: text('local_date').notNull(),
  localTime: text('local_time').notNull(),
  capacity: integer('capacity').notNull(),
  held: integer('held').notNull().default(0),
  sold: integer('sold').notNull().default(0),
  status: text('status', { enum: ['open', 'unavailable', 'cancelled'] }).notNull().default('open'),
  version: version(),
}, (t) => [
  // The backstop behind the guarded UPDATE: whatever a bug does, PostgreSQL refuses an oversell.
  check('slots_capacity', sql`${t.held} + ${t.sold} <= ${t.capacity} AND ${t.held} >= 0 AND ${t.sold} >= 0`),
  index('slots_version').on(t.version, t.id),
  index('slots_venue_day').on(t.venueId, t.localDate, t.startsAt),
]);

export const closedDays = pgTable('closed_days', {
  /** `${venueId}:${localDate}` */
  id: byteText('id').primaryKey(),
  venueId: byteText('venue_id').notNull().references(() => venues.id),
  localDate: text('local_date').notNull(),
  version: version(),
}, (t) => [index('closed_days_version').on(t.version, t.id)]);

export const OPTION_STATES = ['active', 'confirmed', 'cancelled', 'expired', 'cancelled_by_venue'] as const;

export const options = pgTable('options', {
  /** The desktop's optionId: the office names its option before the server has seen it. */
  id: byteText('id').primaryKey(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  venueId: byteText('venue_id').notNull().references(() => venues.id),
  slotId: byteText('slot_id').notNull().references(() => slots.id),
  startsAt: instant('starts_at').notNull(),
  composition: jsonb('composition').notNull(),
  headCount: integer('head_count').notNull(),
  totalCents: integer('total_cents').notNull(),
  state: text('state', { enum: OPTION_STATES }).notNull(),
  expiresAt: instant('expires_at').notNull(),
  groupBookingId: uuid('group_booking_id'),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  /** The order that confirmed it (state 'confirmed', or 'cancelled_by_venue' after it). */
  orderId: byteText('order_id').references((): AnyPgColumn => orders.id),
  /** The client group it is for, always one of the same office's dossiers. */
  dossierId: byteText('dossier_id').references((): AnyPgColumn => dossiers.id),
  version: version(),
}, (t) => [
  index('options_order').on(t.orderId),
  index('options_dossier').on(t.dossierId),
  index('options_office_version').on(t.officeId, t.version, t.id),
  index('options_slot').on(t.slotId),
  index('options_active_expiry').on(t.expiresAt).where(sql`${t.state} = 'active'`),
]);

/** An office's registry of guides and accompanying leaders (DOMAIN.md §4), shared by its workstations. */
export const companions = pgTable('companions', {
  /** The desktop's companionId: the office names its companion before the server has seen it. */
  id: byteText('id').primaryKey(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  kind: text('kind', { enum: ['guide', 'leader'] }).notNull(),
  surname: text('surname').notNull(),
  firstName: text('first_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  placeholder: boolean('placeholder').notNull(),
  updatedAt: instant('updated_at').notNull(),
  /** Kept as a tombstone so that pull can tell every workstation to drop it. */
  deleted: boolean('deleted').notNull().default(false),
  version: version(),
}, (t) => [index('companions_office_version').on(t.officeId, t.version, t.id)]);

/** Requests to monuments booked through their own booking department (DOMAIN.md §1), shared by the office's workstations. */
export const venueRequests = pgTable('venue_requests', {
  /** The desktop's uuid: a request is recorded offline too. */
  id: byteText('id').primaryKey(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  venueId: byteText('venue_id').notNull().references(() => venues.id),
  visitDate: text('visit_date').notNull(),
  headCount: integer('head_count').notNull(),
  state: text('state', { enum: VENUE_REQUEST_STATES }).notNull(),
  notes: text('notes').notNull(),
  sentAt: instant('sent_at').notNull(),
  confirmedAt: instant('confirmed_at'),
  paidAt: instant('paid_at'),
  doneAt: instant('done_at'),
  updatedAt: instant('updated_at').notNull(),
  /** The client group it is for, always one of the same office's dossiers. */
  dossierId: byteText('dossier_id').references((): AnyPgColumn => dossiers.id),
  version: version(),
}, (t) => [index('venue_requests_office_version').on(t.officeId, t.version, t.id)]);

export const clients = pgTable('clients', {
  clientId: uuid('client_id').primaryKey(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  lastMutationId: integer('last_mutation_id').notNull().default(0),
});

export const mutationResults = pgTable('mutation_results', {
  clientId: uuid('client_id').notNull().references(() => clients.clientId),
  mutationId: integer('mutation_id').notNull(),
  argsHash: text('args_hash').notNull(),
  result: jsonb('result').notNull(),
}, (t) => [primaryKey({ columns: [t.clientId, t.mutationId] })]);

/**
 * Attempts counted against a rate limit (http/rateLimits.node.ts), in the database so every
 * API process counts the same attempts. One row per rule and subject (an account, an address).
 */
export const rateLimits = pgTable('rate_limits', {
  /** `<rule>:<sha-256 of the subject>`: no e-mail or address is kept in clear. */
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  /** When the count starts again from nothing; the sweeper deletes rows past it. */
  resetsAt: instant('resets_at').notNull(),
  /** Lockout rules: refused until then. */
  lockedUntil: instant('locked_until'),
}, (t) => [index('rate_limits_resets_at').on(t.resetsAt)]);

/** An office's people to send tickets to (DOMAIN.md §6), shared by its workstations. */
export const contacts = pgTable('contacts', {
  /** The desktop's contactId: a contact is created on the spot while assigning, offline too. */
  id: byteText('id').primaryKey(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  surname: text('surname').notNull(),
  firstName: text('first_name').notNull(),
  email: text('email').notNull(),
  updatedAt: instant('updated_at').notNull(),
  version: version(),
}, (t) => [index('contacts_office_version').on(t.officeId, t.version, t.id)]);

/** An office's client groups (DOMAIN.md §1 "groups"), shared by its workstations. */
export const dossiers = pgTable('dossiers', {
  /** The desktop's dossierId: a dossier is created on the spot while booking, offline too. */
  id: byteText('id').primaryKey(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  name: text('name').notNull(),
  clientReference: text('client_reference'),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  expectedPeople: integer('expected_people'),
  /** Local dates (YYYY-MM-DD) of the trip, as the client gives them. */
  travelFrom: text('travel_from'),
  travelTo: text('travel_to'),
  notes: text('notes'),
  updatedAt: instant('updated_at').notNull(),
  version: version(),
}, (t) => [index('dossiers_office_version').on(t.officeId, t.version, t.id)]);

/** Numbers printed on receipts ("GCH-2026-000042") and tickets: never reused, never guessed by a client. */
export const orderNumbers = pgSequence('order_numbers', { startWith: 1 });
export const ticketNumbers = pgSequence('ticket_numbers', { startWith: 1_000_000_000 });

export const PAYMENT_METHODS = ['card', 'transfer'] as const;

export const orders = pgTable('orders', {
  /** The desktop's orderId: a checkout retried after a lost answer finds the order it paid. */
  id: byteText('id').primaryKey(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  number: text('number').notNull().unique(),
  state: text('state', { enum: ORDER_STATES }).notNull(),
  paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }).notNull(),
  cardLast4: text('card_last4'),
  /** Card: the provider's authorization; transfer: the reference to quote (the order number). */
  paymentReference: text('payment_reference').notNull(),
  totalCents: integer('total_cents').notNull(),
  discountCents: integer('discount_cents').notNull(),
  refundCents: integer('refund_cents').notNull().default(0),
  createdAt: instant('created_at').notNull(),
  paidAt: instant('paid_at'),
  refundedAt: instant('refunded_at'),
  /** A bank transfer not received by then is cancelled by the sweeper and its seats resold. */
  paymentDueAt: instant('payment_due_at'),
  cancelledAt: instant('cancelled_at'),
  cancelReason: text('cancel_reason', { enum: ORDER_CANCEL_REASONS }),
  /**
   * What was sold, as the receipt shows it: WireOrder's bookings (lines, the companions as
   * they were when paid) and VAT shares. A snapshot, so later catalogue or registry edits
   * never rewrite a receipt.
   */
  bookings: jsonb('bookings').notNull(),
  /** The vouchers sold, as WireOrder's voucherLines: a snapshot of the tariffs when ordered. */
  voucherLines: jsonb('voucher_lines').notNull().default([]),
  vat: jsonb('vat').notNull(),
  version: version(),
}, (t) => [
  check('orders_amounts', sql`${t.totalCents} >= 0 AND ${t.discountCents} >= 0 AND ${t.refundCents} >= 0 AND ${t.refundCents} <= ${t.totalCents}`),
  index('orders_office_version').on(t.officeId, t.version, t.id),
  index('orders_state').on(t.state, t.createdAt),
  index('orders_payment_due').on(t.paymentDueAt).where(sql`${t.state} = 'awaiting_transfer'`),
]);

/** The platform's own rules that customer service may change (PlatformSettings); one row. */
export const platformSettings = pgTable('platform_settings', {
  id: integer('id').primaryKey().default(1),
  data: jsonb('data').notNull(),
}, (t) => [check('platform_settings_single_row', sql`${t.id} = 1`)]);

export const TICKET_STATES = ['valid', 'cancelled'] as const;

/** One ticket per person of a paid booking (DOMAIN.md §6). */
export const tickets = pgTable('tickets', {
  id: byteText('id').primaryKey(),
  orderId: byteText('order_id').notNull().references(() => orders.id),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  optionId: byteText('option_id').notNull().references(() => options.id),
  number: text('number').notNull().unique(),
  venueId: byteText('venue_id').notNull().references(() => venues.id),
  productId: byteText('product_id').notNull().references(() => products.id),
  kind: text('kind', { enum: ['visitor', 'guide', 'leader'] }).notNull(),
  label: jsonb('label').notNull(),
  /** Dated tickets: the slot they admit to; null for undated e-tickets. */
  slotId: byteText('slot_id').references(() => slots.id),
  validFrom: instant('valid_from').notNull(),
  validUntil: instant('valid_until').notNull(),
  /** The signed facts a venue verifies offline. */
  qr: text('qr').notNull(),
  state: text('state', { enum: TICKET_STATES }).notNull(),
  assignedContactId: byteText('assigned_contact_id'),
  assignedName: text('assigned_name'),
  assignedEmail: text('assigned_email'),
  assignedAt: instant('assigned_at'),
  version: version(),
}, (t) => [
  index('tickets_office_version').on(t.officeId, t.version, t.id),
  index('tickets_order').on(t.orderId),
  index('tickets_option').on(t.optionId),
]);

/**
 * One per sub-group (an option) with tickets: the code that admits the whole sub-group in one
 * scan. Replaced by the next revision when a ticket of the sub-group is voided; void once none
 * is left.
 */
export const groupCodes = pgTable('group_codes', {
  /** The sub-group's option id. */
  id: byteText('id').primaryKey().references(() => options.id),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  orderId: byteText('order_id').notNull().references(() => orders.id),
  revision: integer('revision').notNull(),
  ticketNumbers: jsonb('ticket_numbers').notNull(),
  /** The signed code; null once void. */
  qr: text('qr'),
  state: text('state', { enum: ['valid', 'void'] }).notNull(),
  version: version(),
}, (t) => [index('group_codes_office_version').on(t.officeId, t.version, t.id)]);

/**
 * Ed25519 keys that signed ticket and group codes, named by key id. A key the service made
 * itself (no key configured: the demo) keeps its private half here; once keys are configured
 * it is retired and its private half erased, and its public half goes on verifying the codes
 * already printed, listed at GET /tickets/public-key.
 */
export const ticketKeys = pgTable('ticket_keys', {
  keyId: text('key_id').primaryKey(),
  publicKeyPem: text('public_key_pem').notNull(),
  privateKeyPem: text('private_key_pem'),
  createdAt: instant('created_at').notNull(),
  retiredAt: instant('retired_at'),
});

/**
 * What an administrator may have to account for (src-central/audit): back-office changes,
 * sign-ins, checkouts. Never a password, card or token.
 */
export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: instant('at').notNull(),
  /** An office's id, the e-mail a sign-in was tried with, or 'back office'. */
  actor: text('actor'),
  action: text('action').notNull(),
  /** What it was about: an order, an office, a slot. */
  subject: text('subject'),
  /** The HTTP status answered, and the refusal's code when it was one. */
  outcome: integer('outcome').notNull(),
  code: text('code'),
  address: text('address'),
  detail: jsonb('detail'),
}, (t) => [index('audit_log_action').on(t.action, t.id), index('audit_log_actor').on(t.actor, t.id)]);


/** Museums that sell vouchers (DOMAIN.md §7): the WireVoucherMuseum with its tariffs, catalogue data. */
export const voucherMuseums = pgTable('voucher_museums', {
  id: byteText('id').primaryKey(),
  data: jsonb('data').notNull(),
  version: version(),
}, (t) => [index('voucher_museums_version').on(t.version, t.id)]);

/** One per voucher of a paid order; its code admits one person, once. */
export const vouchers = pgTable('vouchers', {
  id: byteText('id').primaryKey(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  orderId: byteText('order_id').notNull().references(() => orders.id),
  museumId: byteText('museum_id').notNull().references(() => voucherMuseums.id),
  tariffId: text('tariff_id').notNull(),
  label: jsonb('label').notNull(),
  priceCents: integer('price_cents').notNull(),
  /** "XXXX-XXXX-XXXX", canonical form: what a till's lookup compares. */
  code: text('code').notNull().unique(),
  issuedAt: instant('issued_at').notNull(),
  validUntil: instant('valid_until').notNull(),
  state: text('state', { enum: VOUCHER_STATES }).notNull(),
  usedAt: instant('used_at'),
  usedMuseumId: byteText('used_museum_id'),
  usedTill: text('used_till'),
  revokedAt: instant('revoked_at'),
  /** The latest recipient the code was e-mailed to (written once the mail server took it). */
  assignedEmail: text('assigned_email'),
  assignedName: text('assigned_name'),
  assignedAt: instant('assigned_at'),
  /** The POST /vouchers/assign that e-mailed it: a retry of that request finds it done. */
  assignRequestId: uuid('assign_request_id'),
  version: version(),
}, (t) => [
  // Used means used somewhere, at some time: the redemption writes both or neither.
  check('vouchers_used', sql`(${t.state} = 'used') = (${t.usedAt} IS NOT NULL AND ${t.usedMuseumId} IS NOT NULL)`),
  index('vouchers_office_version').on(t.officeId, t.version, t.id),
  index('vouchers_order').on(t.orderId),
]);

/**
 * Each POST /vouchers/assign by its requestId: taken when it starts, its results written when
 * it ends, so a retry (the desk's answer lost, or sent again after being offline) gets the first
 * results and no mail goes twice.
 */
export const voucherAssignRequests = pgTable('voucher_assign_requests', {
  id: uuid('id').primaryKey(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  startedAt: instant('started_at').notNull(),
  /** The AssignVouchersResponse; null while it is being sent. */
  response: jsonb('response'),
});
