// The central service's PostgreSQL schema. Every row a desktop pulls carries the server
// version of the transaction that last changed it; pull pages walk (version, entity, id).
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';

/**
 * Ids compared by bytes: pull pages resume after the last (version, entity, id) key, and
 * the desktop compares that key as JavaScript does. A locale collation would order
 * 'arc-de-triomphe:…' differently on another server and skip or repeat rows.
 */
const byteText = customType<{ data: string; driverData: string }>({ dataType: () => 'text collate "C"' });

const version = () => bigint('version', { mode: 'number' }).notNull();
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const serverVersion = pgTable('server_version', {
  id: integer('id').primaryKey().default(1),
  v: bigint('v', { mode: 'number' }).notNull().default(0),
}, (t) => [check('server_version_single_row', sql`${t.id} = 1`)]);

/** The key that signs access tokens, shared by every API process in front of the database. */
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
});

export const sessions = pgTable('sessions', {
  refreshTokenHash: text('refresh_token_hash').primaryKey(),
  officeId: uuid('office_id').notNull().references(() => offices.id),
  expiresAt: instant('expires_at').notNull(),
}, (t) => [index('sessions_office').on(t.officeId)]);

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
  version: version(),
}, (t) => [
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
