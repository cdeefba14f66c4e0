// Paying the cart: refused here first when the cart cannot be paid as it is, then by the
// central service (options no longer held, a full slot, a declined card). Every refusal
// keeps the cart exactly as it was; only a payment that went through takes items out.
import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { CheckoutItem, CheckoutRequest, WireOrder, WireTicket, WireVoucher } from '../../contract/centralApi.std.ts';
import type { CartDto } from '../../contract/schemas.std.ts';
import { CART_SETTINGS, readStoredCart, withoutItems, writeStoredCart } from '../store/cartRepo.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { orderDetail, putOrder, putTicket } from '../store/ordersRepo.node.ts';
import { options } from '../store/schema.node.ts';
import { putVoucher } from '../store/vouchersRepo.node.ts';
import { readSetting, writeSetting } from '../store/settingsRepo.node.ts';
import { CentralRefusal, OfflineError } from '../sync/centralClient.node.ts';
import { sendFirst } from '../sync/sendFirst.node.ts';
import { syncState } from '../sync/syncState.node.ts';
import { cartCount, readCart } from './cartView.node.ts';
import { GuichetError } from './guichetError.std.ts';
import type { Handler, HandlerContext } from './handlerContext.node.ts';
import { serverNow } from './optionHandlers.node.ts';
import { refuse } from './slotChecks.node.ts';

const offline = () => new GuichetError('OFFLINE', 'Payment needs the connection; your cart is kept.');

function checkoutItems(db: StoreDb, cart: CartDto): CheckoutItem[] {
  const direct = new Map(readStoredCart(db).directItems.map((item) => [item.itemId, item]));
  const vouchers = cart.vouchers.map(({ itemId, tariffId, quantity }): CheckoutItem => ({ kind: 'voucher', itemId, tariffId, quantity }));
  return [...cart.groups.map((group): CheckoutItem => {
    const designations = group.companionLines.flatMap(({ kind, index, companionId }) => (companionId ? [{ kind, index, companionId }] : []));
    if (group.kind === 'option') return { kind: 'option', optionId: group.itemId, designations };
    const stored = direct.get(group.itemId);
    const specialVisit = stored?.specialVisit ?? false;
    return {
      kind: 'direct', itemId: group.itemId, slotId: group.slotId, composition: group.composition, ...(specialVisit ? { specialVisit } : {}), designations,
      ...(stored?.dossierId ? { dossierId: stored.dossierId } : {}),
    };
  }), ...vouchers];
}

/** The service decides from what it has: the cart's options and named companions must have reached it. */
function dependsOn(cart: CartDto) {
  const optionIds = new Set(cart.groups.filter((g) => g.kind === 'option').map((g) => g.itemId));
  const companionIds = new Set(cart.groups.flatMap((g) => g.companionLines.map((line) => line.companionId)).filter((id) => id !== null));
  return ({ args }: { args: unknown }) => {
    const { optionId, companionId } = args as { optionId?: string; companionId?: string };
    return (optionId !== undefined && optionIds.has(optionId)) || (companionId !== undefined && companionIds.has(companionId));
  };
}

/** One id per payment attempt, kept until the service answers, so a retry after a lost answer cannot pay twice. */
function checkoutId(db: StoreDb): string {
  const pending = readSetting<string>(db, CART_SETTINGS.checkoutId);
  if (pending) return pending;
  const id = crypto.randomUUID();
  writeSetting(db, CART_SETTINGS.checkoutId, id);
  return id;
}

/** The paid order, its tickets and codes, the options confirmed, the paid items out of the cart: together or not at all. */
function settle(ctx: HandlerContext, order: WireOrder, tickets: WireTicket[], codes: WireVoucher[]): void {
  const { db } = ctx.store;
  const paid = new Set([...order.bookings.map((b) => b.optionId), ...order.voucherLines.map((v) => v.itemId)]);
  ctx.store.sqlite.transaction(() => {
    putOrder(db, order);
    for (const ticket of tickets) putTicket(db, ticket);
    for (const code of codes) putVoucher(db, code);
    db.update(options).set({ state: 'confirmed', updatedAt: ctx.now().toISOString() })
      .where(and(inArray(options.id, [...paid]), eq(options.state, 'active'))).run();
    writeStoredCart(db, withoutItems(readStoredCart(db), paid));
    writeSetting(db, CART_SETTINGS.checkoutId, null);
  })();
  ctx.emit('cart.changed', { count: cartCount(readCart(db, serverNow(ctx))) });
  ctx.emit('orders.changed', {});
  ctx.emit('vouchers.changed', {});
  ctx.emit('options.changed', {});
  void ctx.sync.syncNow();
}

export const checkoutHandler: Handler<'cart.checkout'> = async ({ termsAccepted, payment }, ctx) => {
  const { db } = ctx.store;
  const cart = readCart(db, serverNow(ctx));
  if (cartCount(cart) === 0) refuse('CART_EMPTY', 'The cart is empty.');
  const started = cart.groups.filter((g) => g.started).length;
  if (started > 0) refuse('SLOT_STARTED', 'A visit in the cart has already started: remove it to pay the rest.', { count: started });
  if (cart.undesignated > 0) refuse('COMPANIONS_MISSING', 'Not all accompanying leaders are designated', { count: cart.undesignated });
  if (!termsAccepted) refuse('TERMS_NOT_ACCEPTED', 'The terms and conditions of sale must be accepted.');
  if (!syncState.session(db)) refuse('SIGN_IN_TO_PAY', 'Sign in to the central service to pay.');
  if (!(await sendFirst(ctx.sync, db, dependsOn(cart)))) throw offline();

  const request: CheckoutRequest = { orderId: checkoutId(db), items: checkoutItems(db, cart), termsAccepted, payment };
  try {
    const { order, tickets, vouchers } = await ctx.sync.authorised((token) => ctx.central.checkout(token, request));
    settle(ctx, order, tickets, vouchers);
    return orderDetail(db, order.id)!;
  } catch (error) {
    // Lost on the way (or its answer was): the id is kept, so the retry is the same payment.
    if (error instanceof OfflineError) throw offline();
    if (error instanceof CentralRefusal) {
      writeSetting(db, CART_SETTINGS.checkoutId, null);
      throw new GuichetError('CENTRAL_REFUSED', error.message, { reason: error.code, ...error.extra });
    }
    throw error;
  }
};
