// POST /orders/checkout: pays for held options and "buy at once" bookings in one order.
// The card is authorized before anything is written; then ONE transaction confirms the
// options (still held and unexpired by the server clock, locked so expiry cannot win at the
// same time), sells the seats, records the order and issues its tickets. If that transaction
// refuses or fails, the authorization is voided: the office is never charged for seats it did
// not get. Only after the commit is the payment captured.
import type { FastifyBaseLogger } from 'fastify';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CheckoutRequest, CheckoutResponseSchema, WireOrderVoucherLine } from '../../src-main/contract/centralApi.std.ts';
import { designationSlots } from '../../src-main/core/domain/designations.std.ts';
import type { GroupComposition } from '../../src-main/core/domain/groupComposition.std.ts';
import { ADMISSION_VAT_RATE_BP, vatBreakdown } from '../../src-main/core/domain/vat.std.ts';
import { findOffice, sessionOver } from '../accounts/authenticate.node.ts';
import { sessionEnded } from '../accounts/revokedSessions.node.ts';
import type { TokenClaims } from '../accounts/tokens.node.ts';
import type { EntryOnSuccess } from '../audit/auditLog.node.ts';
import type { CentralContext } from '../context.node.ts';
import { HttpError, loggableFailure } from '../http/httpError.node.ts';
import { nextOrderNumber, orderNumber } from '../numbers/documentNumbers.node.ts';
import { readDirectCheckout, writeDirectCheckout } from './checkoutWithoutTransaction.node.ts';
import type { Authorization } from '../payments/paymentProvider.node.ts';
import type { Queryable, Tx } from '../store/database.node.ts';
import { companions, options, orders, slots, tickets, vouchers } from '../store/schema.node.ts';
import { stampVersion } from '../store/versions.node.ts';
import { refreshGroupCodes } from '../tickets/groupCodes.node.ts';
import {
  wireOrder, wireTicket, wireVoucher, type OrderBooking, type OrderRow, type TicketRow, type VoucherRow,
} from '../sync/wireRows.node.ts';
import {
  missingCompanions, planCheckout, sameComposition, type CheckoutPlan, type PlannedBooking, type PlannedVoucher,
} from './checkoutPlan.node.ts';
import { ownDossier } from '../sync/dossiers.node.ts';
import { issueVouchers } from './issueVouchers.node.ts';
import { issueTickets } from './issueTickets.node.ts';
import { readSettings, type TransferRules } from '../settings/platformSettings.node.ts';
import { holdWithinUnpaidLimit, transferDeadline } from './transferTerms.node.ts';

type CheckoutResponse = z.infer<typeof CheckoutResponseSchema>;
type Approved = Extract<Authorization, { approved: true }>;

async function orderAnswer(db: Queryable, order: OrderRow): Promise<CheckoutResponse> {
  const issued = await db.select().from(tickets).where(eq(tickets.orderId, order.id)).orderBy(asc(tickets.number));
  const codes = await db.select().from(vouchers).where(eq(vouchers.orderId, order.id)).orderBy(asc(vouchers.issuedAt), asc(vouchers.id));
  return { order: wireOrder(order), tickets: issued.map(wireTicket), vouchers: codes.map(wireVoucher) };
}

/** A retry of a checkout that went through gets the order it paid for, and pays nothing more. */
async function earlierOrder(db: Queryable, officeId: string, orderId: string): Promise<OrderRow | null> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return null;
  if (order.officeId !== officeId) throw new HttpError(409, 'ORDER_EXISTS', 'This order id is already taken.');
  return order;
}

function orderBooking(b: PlannedBooking, companionRows: Map<string, typeof companions.$inferSelect>): OrderBooking {
  return {
    optionId: b.itemId, venueId: b.venue.id, venueName: b.venue.name, slotId: b.slot.id, startsAt: b.slot.startsAt.toISOString(),
    composition: b.composition, cancelledByVenue: false,
    lines: b.price.lines.map((line) => ({ ...line, vatRateBp: ADMISSION_VAT_RATE_BP })),
    companions: designationSlots(b.composition).map((slot) => {
      const named = b.designations.find((d) => d.kind === slot.kind && d.index === slot.index && companionRows.has(d.companionId))!;
      const c = companionRows.get(named.companionId)!;
      return {
        kind: slot.kind, index: slot.index, companionId: c.id, surname: c.surname, firstName: c.firstName,
        email: c.email, phone: c.phone, placeholder: c.placeholder,
      };
    }),
  };
}

function voucherLine(v: PlannedVoucher): WireOrderVoucherLine {
  return {
    itemId: v.itemId, museumId: v.museum.id, museumName: v.museum.name, tariffId: v.tariff.id, label: v.tariff.label,
    unitCents: v.tariff.priceCents, quantity: v.quantity, totalCents: v.totalCents, vatRateBp: ADMISSION_VAT_RATE_BP,
    validityMonths: v.tariff.validityMonths,
  };
}

/**
 * The options exactly as planned, locked in id order (the order expiry and cancel take them
 * in), each still this office's, active and unexpired by the server clock.
 */
async function lockHeldOptions(tx: Tx, ctx: CentralContext, officeId: string, plan: CheckoutPlan, now: Date): Promise<void> {
  const planned = plan.bookings.filter((b) => b.kind === 'option');
  if (planned.length === 0) return;
  const read = tx.select().from(options).where(inArray(options.id, planned.map((b) => b.itemId))).orderBy(asc(options.id));
  const locked = ctx.unsafeNoCheckoutLock ? await read : await read.for('update');
  const notHeld = planned.filter((b) => {
    const o = locked.find((row) => row.id === b.itemId);
    // Resized by another workstation since it was priced: the price authorized is not this group's.
    return !o || o.officeId !== officeId || o.state !== 'active' || o.expiresAt.getTime() <= now.getTime()
      || !sameComposition(o.composition as GroupComposition, b.composition);
  }).map((b) => b.itemId);
  if (notHeld.length > 0) {
    throw new HttpError(409, 'OPTIONS_NOT_HELD', 'Some options are no longer held (expired, cancelled or changed): nothing was charged.', { itemIds: notHeld });
  }
}

/**
 * Per slot, in id order: the options' held seats become sold, and the direct purchases take
 * theirs straight into sold by the guarded UPDATE. The slot's CHECK stays the backstop.
 */
async function sellSeats(tx: Tx, plan: CheckoutPlan): Promise<string[]> {
  const perSlot = new Map<string, { held: number; direct: number; directIds: string[] }>();
  for (const b of plan.bookings) {
    const s = perSlot.get(b.slot.id) ?? { held: 0, direct: 0, directIds: [] };
    if (b.kind === 'option') s.held += b.people;
    else {
      s.direct += b.people;
      s.directIds.push(b.itemId);
    }
    perSlot.set(b.slot.id, s);
  }
  const slotIds = [...perSlot.keys()].sort();
  const full: string[] = [];
  for (const slotId of slotIds) {
    const { held, direct, directIds } = perSlot.get(slotId)!;
    const sold = await tx.update(slots).set({ held: sql`${slots.held} - ${held}`, sold: sql`${slots.sold} + ${held + direct}` })
      .where(and(eq(slots.id, slotId), sql`(${direct} = 0 OR (${slots.status} = 'open' AND ${slots.capacity} - ${slots.held} - ${slots.sold} >= ${direct}))`))
      .returning({ id: slots.id });
    if (sold.length === 0) full.push(...directIds);
  }
  if (full.length > 0) {
    throw new HttpError(409, 'SLOT_FULL', 'Not enough seats left on the slot for the whole group: nothing was charged.', { itemIds: full });
  }
  return slotIds;
}

/** The designated companions, kept from deletion until commit; the snapshot the venue calls from. */
async function lockCompanions(tx: Tx, officeId: string, plan: CheckoutPlan) {
  const ids = [...new Set(plan.bookings.flatMap((b) => b.designations.map((d) => d.companionId)))];
  const rows = ids.length === 0 ? [] : await tx.select().from(companions)
    .where(and(eq(companions.officeId, officeId), eq(companions.deleted, false), inArray(companions.id, ids)))
    .orderBy(asc(companions.id)).for('share');
  const missingCount = await missingCompanions(tx, officeId, plan.bookings);
  if (missingCount > 0) throw new HttpError(422, 'COMPANIONS_MISSING', 'Not all accompanying leaders are designated.', { missingCount });
  return new Map(rows.map((r) => [r.id, r]));
}

/** How the order is paid: a card authorized before the transaction, or a transfer owed by a deadline. */
export type Payment = { card: Approved } | { transfer: TransferRules };

/** The order as recorded: its receipt's bookings and VAT a snapshot of the plan and the companions named. */
export function orderRecord(
  officeId: string, req: CheckoutRequest, plan: CheckoutPlan, payment: Payment,
  companionRows: Map<string, typeof companions.$inferSelect>, number: string, now: Date, paymentDueAt: Date | null,
): OrderRow {
  const bookings = plan.bookings.map((b) => orderBooking(b, companionRows));
  const voucherLines = plan.vouchers.map(voucherLine);
  const card = req.payment.method === 'card' ? req.payment.card : null;
  return {
    id: req.orderId, officeId, number, state: card ? 'paid' : 'awaiting_transfer', paymentMethod: req.payment.method,
    cardLast4: card ? card.number.replace(/ /g, '').slice(-4) : null,
    paymentReference: 'card' in payment ? payment.card.authorizationId : number,
    totalCents: plan.totalCents, discountCents: 0, refundCents: 0, createdAt: now, paidAt: card ? now : null, refundedAt: null, paymentDueAt,
    cancelledAt: null, cancelReason: null, bookings, voucherLines, vat: vatBreakdown([...bookings.flatMap((b) => b.lines), ...voucherLines]), version: 0,
  };
}

async function record(
  ctx: CentralContext, officeId: string, req: CheckoutRequest, plan: CheckoutPlan, payment: Payment,
): Promise<{ order: OrderRow; issued: TicketRow[]; codes: VoucherRow[]; replayed: boolean }> {
  return ctx.db.transaction(async (tx) => {
    // Two copies of one checkout (a retry racing the original) queue here; the second finds the order.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`order:${req.orderId}`}))`);
    const earlier = await earlierOrder(tx, officeId, req.orderId);
    if (earlier) return { order: earlier, issued: [], codes: [], replayed: true };

    const now = ctx.now();
    await lockHeldOptions(tx, ctx, officeId, plan, now);
    await ctx.racePoints?.optionsChecked?.(plan.bookings.map((b) => b.itemId));
    const paymentDueAt = 'transfer' in payment ? transferDeadline(plan, payment.transfer, now) : null;
    if ('transfer' in payment) await holdWithinUnpaidLimit(tx, ctx, officeId, plan.bookings.reduce((n, b) => n + b.people, 0), payment.transfer);
    const slotIds = await sellSeats(tx, plan);
    const companionRows = await lockCompanions(tx, officeId, plan);

    const recorded = orderRecord(officeId, req, plan, payment, companionRows, await nextOrderNumber(tx, now), now, paymentDueAt);
    const [order] = await tx.insert(orders).values(recorded).returning();
    const card = req.payment.method === 'card';

    const direct = plan.bookings.filter((b) => b.kind === 'direct');
    if (direct.length > 0) {
      // A purchase with no hold: recorded as an option confirmed at once, "expiring" when bought.
      const dossierOf = new Map<string, string | null>();
      for (const b of direct) dossierOf.set(b.itemId, await ownDossier(tx, officeId, b.dossierId));
      await tx.insert(options).values(direct.map((b) => ({
        id: b.itemId, officeId, venueId: b.venue.id, slotId: b.slot.id, startsAt: b.slot.startsAt, composition: b.composition,
        headCount: b.people, totalCents: b.price.totalCents, state: 'confirmed' as const, expiresAt: now, groupBookingId: null,
        createdAt: now, updatedAt: now, orderId: req.orderId, dossierId: dossierOf.get(b.itemId) ?? null, version: 0,
      })));
    }
    for (const b of plan.bookings.filter((p) => p.kind === 'option')) {
      await tx.update(options).set({ state: 'confirmed', orderId: req.orderId, totalCents: b.price.totalCents, updatedAt: now })
        .where(eq(options.id, b.itemId));
    }
    // With a bank transfer, tickets are released only once the transfer is received (DOMAIN.md §5).
    const issued = card ? await issueTickets(tx, ctx, { id: req.orderId, officeId }, plan.bookings.map((b) => ({
      optionId: b.itemId, venue: b.venue, slotId: b.slot.id, startsAt: b.slot.startsAt, composition: b.composition, products: b.products,
    }))) : [];
    const codes = await refreshGroupCodes(tx, ctx, issued.map((t) => t.optionId));
    // Vouchers too are issued at payment: with a transfer, once it is received.
    const voucherCodes = card ? await issueVouchers(tx, { id: req.orderId, officeId }, recorded.voucherLines as WireOrderVoucherLine[], now) : [];
    await stampVersion(tx, {
      orders: [req.orderId], options: plan.bookings.map((b) => b.itemId), slots: slotIds, tickets: issued.map((t) => t.id), groupCodes: codes,
      vouchers: voucherCodes.map((v) => v.id),
    });
    return { order: order!, issued, codes: voucherCodes, replayed: false };
  });
}

async function authorize(ctx: CentralContext, req: CheckoutRequest, amountCents: number): Promise<Approved | null> {
  if (req.payment.method !== 'card') return null;
  const answer = await ctx.payments.authorize({ amountCents, currency: 'EUR', card: req.payment.card, reference: req.orderId });
  if (!answer.approved) {
    throw new HttpError(402, 'PAYMENT_DECLINED', `The card was declined (${answer.reason.replaceAll('_', ' ')}): nothing was booked or charged.`, {
      declineReason: answer.reason,
    });
  }
  return answer;
}

/** A checkout for the caller; its audit entry written with the order when it takes the direct path. */
export async function checkout(
  ctx: CentralContext, log: FastifyBaseLogger, caller: TokenClaims, req: CheckoutRequest, audit: EntryOnSuccess,
): Promise<CheckoutResponse> {
  const direct = await checkoutWithoutTransaction(ctx, log, caller, req, audit);
  if (direct) return direct;
  if (await sessionEnded(ctx.db, caller.sessionId)) throw sessionOver();
  const { officeId } = caller;
  const office = await findOffice(ctx.db, officeId);
  if (office.status !== 'validated') throw new HttpError(403, 'NOT_VALIDATED', 'The platform has not validated this account yet.');
  // Before every other check: a retry must find what it paid even if, say, a companion was deleted since.
  const earlier = await earlierOrder(ctx.db, officeId, req.orderId);
  if (earlier) return orderAnswer(ctx.db, earlier);
  if (!req.termsAccepted) throw new HttpError(422, 'TERMS_NOT_ACCEPTED', 'The terms and conditions of sale must be accepted.');

  const plan = await planCheckout(ctx.db, officeId, req.items, ctx.now());
  const transfer = req.payment.method === 'transfer' ? (await readSettings(ctx.db)).transfer : null;
  const payment = await authorize(ctx, req, plan.totalCents);
  return settle(ctx, log, officeId, req, plan, payment ? { card: payment } : { transfer: transfer! });
}

/** Paid held options, read as the transactional checkout would find them; null when they are not. */
async function checkoutWithoutTransaction(
  ctx: CentralContext, log: FastifyBaseLogger, caller: TokenClaims, req: CheckoutRequest, audit: EntryOnSuccess,
): Promise<CheckoutResponse | null> {
  const { officeId } = caller;
  const direct = await readDirectCheckout(ctx, caller, req);
  if (!direct) return null;
  const card = (await authorize(ctx, req, direct.plan.totalCents))!;
  let written: Awaited<ReturnType<typeof writeDirectCheckout>>;
  try {
    await ctx.racePoints?.optionsChecked?.(direct.plan.bookings.map((b) => b.itemId));
    const now = ctx.now();
    const order = orderRecord(officeId, req, direct.plan, { card }, direct.companionRows, orderNumber(direct.orderSeq, now), now, null);
    written = await writeDirectCheckout(ctx, officeId, direct, order, audit.entry);
  } catch (error) {
    await voidQuietly(ctx, log, card.authorizationId);
    throw error;
  }
  if (!written) return settle(ctx, log, officeId, req, direct.plan, { card });
  audit.written();
  await capture(ctx, log, card, written.order);
  return { order: wireOrder(written.order), tickets: written.issued.map(wireTicket), vouchers: [] };
}

/** The transaction, then the capture; the authorization voided when it refuses, fails or finds the order paid already. */
async function settle(
  ctx: CentralContext, log: FastifyBaseLogger, officeId: string, req: CheckoutRequest, plan: CheckoutPlan, payment: Payment,
): Promise<CheckoutResponse> {
  const card = 'card' in payment ? payment.card : null;
  let recorded: Awaited<ReturnType<typeof record>>;
  try {
    recorded = await record(ctx, officeId, req, plan, payment);
  } catch (error) {
    if (card) await voidQuietly(ctx, log, card.authorizationId);
    throw error;
  }
  if (recorded.replayed) {
    if (card) await voidQuietly(ctx, log, card.authorizationId);
    return orderAnswer(ctx.db, recorded.order);
  }
  if (card) await capture(ctx, log, card, recorded.order);
  return { order: wireOrder(recorded.order), tickets: recorded.issued.map(wireTicket), vouchers: recorded.codes.map(wireVoucher) };
}

async function capture(ctx: CentralContext, log: FastifyBaseLogger, card: Approved, order: OrderRow): Promise<void> {
  // The order is paid and its seats sold whatever the capture says: a failure is logged for customer service.
  await ctx.payments.capture(card.authorizationId)
    .catch((error: unknown) => log.error({ failure: loggableFailure(error) }, `capture failed for order ${order.number}`));
}

async function voidQuietly(ctx: CentralContext, log: FastifyBaseLogger, authorizationId: string): Promise<void> {
  // The acquirer lets an authorization lapse on its own after some days: a failed void is logged, not fatal.
  await ctx.payments.void(authorizationId)
    .catch((error: unknown) => log.error({ failure: loggableFailure(error) }, `void failed for authorization ${authorizationId}`));
}
