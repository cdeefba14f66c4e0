// The checkout a desk sends most: its held options paid by card, each with its guides and
// leaders named. It runs without an explicit transaction, in two statements instead of some
// twenty-five: one reads everything the checkout decides on (whether the caller's session has
// ended too) and draws its numbers; one confirms the options, sells their seats, records the
// order and writes its signed tickets, group codes and audit entry, a single statement being a
// transaction of its own. That statement writes only if every option and every companion is
// still as read; otherwise nothing is written and the transactional checkout decides, with the
// plan and the authorization already made.
import { sql } from 'drizzle-orm';
import type { CheckoutRequest } from '../../src-main/contract/centralApi.std.ts';
import { undesignatedSlots } from '../../src-main/core/domain/designations.std.ts';
import type { GroupComposition } from '../../src-main/core/domain/groupComposition.std.ts';
import type { Product } from '../../src-main/core/domain/venues.std.ts';
import { sessionOver, type OfficeRow } from '../accounts/authenticate.node.ts';
import type { TokenClaims } from '../accounts/tokens.node.ts';
import type { AuditEntry } from '../audit/auditLog.node.ts';
import type { CentralContext } from '../context.node.ts';
import { loggableFailure } from '../http/httpError.node.ts';
import { ticketNumber } from '../numbers/documentNumbers.node.ts';
import { preparedRows } from '../store/database.node.ts';
import type { companions } from '../store/schema.node.ts';
import { CURRENT_VERSION } from '../store/versions.node.ts';
import { groupProducts } from '../sync/placeOption.node.ts';
import type { OrderRow, SlotRow, TicketRow } from '../sync/wireRows.node.ts';
import { groupCodeQr } from '../tickets/groupCodes.node.ts';
import { plannedBooking, type BookingItem, type CheckoutPlan, type WireVenue } from './checkoutPlan.node.ts';
import { ticketCount, ticketRows } from './issueTickets.node.ts';

type CompanionRow = typeof companions.$inferSelect;

/**
 * An option expiring sooner than this is paid in the transaction, under its lock: there a
 * payment that found the option held wins over the sweep arriving at its expiry meanwhile.
 * Here the sweep would win, so this path keeps away from the instant.
 */
export const EXPIRY_MARGIN_MS = 5 * 60_000;

/** What the checkout read, planned: the plan, the rows it rests on as read, and its numbers. */
export interface DirectCheckout {
  plan: CheckoutPlan;
  /** Each option's version when read: confirmed only if still so. */
  optionVersions: Map<string, number>;
  companionRows: Map<string, CompanionRow>;
  orderSeq: string;
  ticketNumbers: string[];
}

interface ReadRow {
  session_ended: boolean;
  office_status: OfficeRow['status'] | null;
  order_taken: boolean;
  options: {
    id: string; slot: SlotJson; venue: WireVenue; products: Product[] | null; composition: GroupComposition;
    state: string; expiresMs: number; version: number;
  }[] | null;
  companions: (Omit<CompanionRow, 'updatedAt'> & { updatedMs: number })[] | null;
  ticket_numbers: string[] | null;
  order_seq: string;
}

type SlotJson = Omit<SlotRow, 'startsAt'> & { startsMs: number };

const read = ({ officeId, sessionId }: TokenClaims, orderId: string, optionIds: string[], companionIds: string[]) => sql`
    WITH held AS (SELECT * FROM options WHERE id = ANY(${sql.param(optionIds)}::text[]) AND office_id = ${officeId})
    SELECT EXISTS (SELECT 1 FROM revoked_sessions WHERE session_id = ${sessionId}) AS session_ended,
      (SELECT status FROM offices WHERE id = ${officeId}) AS office_status,
      EXISTS (SELECT 1 FROM orders WHERE id = ${orderId}) AS order_taken,
      (SELECT json_agg(json_build_object(
          'id', h.id, 'composition', h.composition, 'state', h.state, 'version', h.version,
          'expiresMs', extract(epoch FROM h.expires_at) * 1000, 'venue', v.data,
          'products', (SELECT json_agg(p.data) FROM products p WHERE p.venue_id = h.venue_id),
          'slot', json_build_object('id', s.id, 'venueId', s.venue_id, 'startsMs', extract(epoch FROM s.starts_at) * 1000,
            'localDate', s.local_date, 'localTime', s.local_time, 'capacity', s.capacity, 'held', s.held, 'sold', s.sold,
            'status', s.status, 'version', s.version)))
        FROM held h JOIN slots s ON s.id = h.slot_id JOIN venues v ON v.id = h.venue_id) AS options,
      (SELECT json_agg(json_build_object(
          'id', c.id, 'officeId', c.office_id, 'kind', c.kind, 'surname', c.surname, 'firstName', c.first_name, 'email', c.email,
          'phone', c.phone, 'placeholder', c.placeholder, 'updatedMs', extract(epoch FROM c.updated_at) * 1000,
          'deleted', c.deleted, 'version', c.version))
        FROM companions c WHERE c.id = ANY(${sql.param(companionIds)}::text[]) AND c.office_id = ${officeId} AND NOT c.deleted) AS companions,
      (SELECT array_agg(nextval('ticket_numbers'))::text[]
        FROM generate_series(1, (SELECT coalesce(sum(head_count), 0)::int FROM held WHERE state = 'active'))) AS ticket_numbers,
      nextval('order_numbers')::text AS order_seq`;

/**
 * Reads and plans a checkout of held options by card; null when it is anything else, or
 * anything would be refused: the transactional checkout then reads again and says why. The
 * read also asks whether the caller's session has ended, a question of its own on every other route.
 */
export async function readDirectCheckout(ctx: CentralContext, caller: TokenClaims, req: CheckoutRequest): Promise<DirectCheckout | null> {
  if (ctx.unsafeNoCheckoutLock || req.payment.method !== 'card' || !req.termsAccepted) return null;
  const items = req.items.filter((i): i is Extract<BookingItem, { kind: 'option' }> => i.kind === 'option');
  const optionIds = items.map((i) => i.optionId);
  if (items.length === 0 || items.length !== req.items.length || new Set(optionIds).size !== items.length) return null;
  const companionIds = [...new Set(items.flatMap((i) => i.designations.map((d) => d.companionId)))];
  const [row] = await preparedRows<ReadRow>(ctx.db, 'checkout_direct_read', read(caller, req.orderId, optionIds, companionIds));
  if (row?.session_ended) throw sessionOver();
  if (!row || row.office_status !== 'validated' || row.order_taken) return null;

  const now = ctx.now().getTime();
  const found = new Map((row.options ?? []).map((o) => [o.id, o]));
  const companionRows = new Map((row.companions ?? []).map(({ updatedMs, ...c }) => [c.id, { ...c, updatedAt: new Date(updatedMs) }]));
  const bookings = [];
  for (const item of items) {
    const o = found.get(item.optionId);
    if (!o || o.state !== 'active' || o.expiresMs <= now + EXPIRY_MARGIN_MS) return null;
    if (undesignatedSlots(o.composition, item.designations, (id) => companionRows.has(id)).length > 0) return null;
    const { startsMs, ...slot } = o.slot;
    bookings.push(plannedBooking(item, o.composition, { ...slot, startsAt: new Date(startsMs) }, o.venue, groupProducts(o.venue.id, o.products ?? [])));
  }
  const ticketNumbers = (row.ticket_numbers ?? []).map(ticketNumber);
  if (ticketNumbers.length !== ticketCount(bookings.map(ticketed))) return null;
  return {
    plan: { bookings, vouchers: [], totalCents: bookings.reduce((sum, b) => sum + b.price.totalCents, 0) },
    optionVersions: new Map(items.map((i) => [i.optionId, found.get(i.optionId)!.version])),
    companionRows, orderSeq: row.order_seq, ticketNumbers,
  };
}

const ticketed = (b: CheckoutPlan['bookings'][number]) => ({
  optionId: b.itemId, venue: b.venue, slotId: b.slot.id, startsAt: b.slot.startsAt, composition: b.composition, products: b.products,
});

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** The statement: every CTE writes, and the division by zero undoes them all unless every row was as read. */
const write = (
  officeId: string, order: OrderRow, options: unknown[], slotSeats: unknown[], kept: unknown[], tickets: unknown[], codes: unknown[], audit: AuditEntry,
) => sql`
    WITH confirmed AS (
        UPDATE options o SET state = 'confirmed', order_id = ${order.id}, total_cents = x.total_cents,
          updated_at = ${order.createdAt.toISOString()}::timestamptz, version = ${CURRENT_VERSION}
        FROM jsonb_to_recordset(${json(options)}) AS x(id text, version bigint, total_cents int)
        WHERE o.id = x.id AND o.office_id = ${officeId} AND o.state = 'active' AND o.version = x.version
          AND o.expires_at > ${order.createdAt.toISOString()}::timestamptz
        RETURNING o.id),
      sold AS (
        UPDATE slots s SET held = s.held - x.people, sold = s.sold + x.people, version = ${CURRENT_VERSION}
        FROM jsonb_to_recordset(${json(slotSeats)}) AS x(id text, people int) WHERE s.id = x.id RETURNING s.id),
      kept AS (
        SELECT c.id FROM companions c JOIN jsonb_to_recordset(${json(kept)}) AS x(id text, version bigint) ON c.id = x.id AND c.version = x.version
        WHERE c.office_id = ${officeId} AND NOT c.deleted FOR SHARE OF c),
      placed AS (
        INSERT INTO orders (id, office_id, number, state, payment_method, card_last4, payment_reference, total_cents, discount_cents,
          refund_cents, created_at, paid_at, bookings, voucher_lines, vat, version)
        VALUES (${order.id}, ${officeId}, ${order.number}, ${order.state}, ${order.paymentMethod}, ${order.cardLast4}, ${order.paymentReference},
          ${order.totalCents}, 0, 0, ${order.createdAt.toISOString()}::timestamptz, ${order.paidAt?.toISOString() ?? null}::timestamptz,
          ${json(order.bookings)}, '[]'::jsonb, ${json(order.vat)}, ${CURRENT_VERSION})
        RETURNING id),
      issued AS (
        INSERT INTO tickets (id, order_id, office_id, option_id, number, venue_id, product_id, kind, label, slot_id, valid_from, valid_until, qr, state, version)
        SELECT t.id, ${order.id}, ${officeId}, t.option_id, t.number, t.venue_id, t.product_id, t.kind, t.label, t.slot_id, t.valid_from, t.valid_until,
          t.qr, 'valid', ${CURRENT_VERSION}
        FROM jsonb_to_recordset(${json(tickets)}) AS t(id text, option_id text, number text, venue_id text, product_id text, kind text, label jsonb,
          slot_id text, valid_from timestamptz, valid_until timestamptz, qr text)
        RETURNING id),
      coded AS (
        INSERT INTO group_codes (id, office_id, order_id, revision, ticket_numbers, qr, state, version)
        SELECT g.id, ${officeId}, ${order.id}, 1, g.ticket_numbers, g.qr, 'valid', ${CURRENT_VERSION}
        FROM jsonb_to_recordset(${json(codes)}) AS g(id text, ticket_numbers jsonb, qr text)
        ON CONFLICT (id) DO NOTHING RETURNING id),
      audited AS (
        INSERT INTO audit_log (at, actor, action, subject, outcome, code, address, detail)
        VALUES (${audit.at.toISOString()}::timestamptz, ${audit.actor ?? null}, ${audit.action}, ${audit.subject ?? null}, ${audit.outcome},
          ${audit.code ?? null}, ${audit.address ?? null}, ${audit.detail == null ? null : JSON.stringify(audit.detail)}::jsonb))
    SELECT ${CURRENT_VERSION} AS version,
      1 / (CASE WHEN (SELECT count(*) FROM confirmed) = ${options.length} AND (SELECT count(*) FROM kept) = ${kept.length}
        AND (SELECT count(*) FROM coded) = ${codes.length} AND (SELECT count(*) FROM sold) = ${slotSeats.length}
        AND (SELECT count(*) FROM issued) = ${tickets.length} THEN 1 ELSE 0 END) AS written`;

/**
 * What PostgreSQL refuses here (the undoing division, a key taken by a twin checkout, the
 * slots' CHECK, a deadlock with a transaction) rolled the statement back; anything else is a
 * real failure.
 */
const leftToTransaction = (error: unknown) => /^(22|23|40)/.test(loggableFailure(error).code ?? '');

/** The checkout written as read, or null: nothing was written, and the transaction decides. */
export async function writeDirectCheckout(
  ctx: CentralContext, officeId: string, direct: DirectCheckout, order: OrderRow, audit: AuditEntry,
): Promise<{ order: OrderRow; issued: TicketRow[] } | null> {
  const { plan } = direct;
  const issued = ticketRows(ctx, { id: order.id, officeId }, plan.bookings.map(ticketed), direct.ticketNumbers);
  const perSlot = new Map<string, number>();
  for (const b of plan.bookings) perSlot.set(b.slot.id, (perSlot.get(b.slot.id) ?? 0) + b.people);
  const codes = plan.bookings.map((b) => {
    const numbers = issued.filter((t) => t.optionId === b.itemId).map((t) => t.number);
    return { id: b.itemId, ticket_numbers: numbers, qr: groupCodeQr(ctx, b.itemId, 1, { venueId: b.venue.id, slotId: b.slot.id, composition: b.composition }, numbers) };
  });
  const statement = write(
    officeId, order,
    plan.bookings.map((b) => ({ id: b.itemId, version: direct.optionVersions.get(b.itemId), total_cents: b.price.totalCents })),
    [...perSlot].map(([id, people]) => ({ id, people })),
    [...direct.companionRows.values()].map((c) => ({ id: c.id, version: c.version })),
    issued.map((t) => ({
      id: t.id, option_id: t.optionId, number: t.number, venue_id: t.venueId, product_id: t.productId, kind: t.kind, label: t.label,
      slot_id: t.slotId, valid_from: t.validFrom.toISOString(), valid_until: t.validUntil.toISOString(), qr: t.qr,
    })),
    codes, audit,
  );
  try {
    const [row] = await preparedRows<{ version: string }>(ctx.db, 'checkout_direct_write', statement);
    const version = Number(row!.version);
    return { order: { ...order, version }, issued: issued.map((t) => ({ ...t, version })) };
  } catch (error) {
    if (leftToTransaction(error)) return null;
    throw error;
  }
}
