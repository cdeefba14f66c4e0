// The cart: held options chosen on the Options screen and "buy at once" groups, with the
// companion named for each guide and leader ticket. Paying it is cart.checkout (checkout.node.ts).
import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { CartDto } from '../../contract/schemas.std.ts';
import { headCount } from '../domain/groupComposition.std.ts';
import { groupProductsOf } from '../store/catalogueRepo.node.ts';
import { findCompanion } from '../store/companionsRepo.node.ts';
import { readStoredCart, withoutItems, writeStoredCart, type StoredCart } from '../store/cartRepo.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { options } from '../store/schema.node.ts';
import { syncState } from '../sync/syncState.node.ts';
import { findVoucherTariff } from '../store/vouchersRepo.node.ts';
import { cartCount, readCart } from './cartView.node.ts';
import { checkoutHandler } from './checkout.node.ts';
import { GuichetError, notFound } from './guichetError.std.ts';
import type { HandlerContext, HandlerTable } from './handlerContext.node.ts';
import { checkDossier } from './knownDossier.node.ts';
import { serverNow } from './optionHandlers.node.ts';
import { checkGroupRules, checkSeats, checkSlotOpen, refuse, slotAndVenue } from './slotChecks.node.ts';

export function saveCart(ctx: HandlerContext, stored: StoredCart): CartDto {
  writeStoredCart(ctx.store.db, stored);
  const cart = readCart(ctx.store.db, serverNow(ctx));
  ctx.emit('cart.changed', { count: cartCount(cart) });
  return cart;
}

function knownCompanion(db: StoreDb, companionId: string): void {
  if (!findCompanion(db, companionId)) throw notFound('companion', companionId);
}

/** The most vouchers of one tariff a checkout item carries (CheckoutItemSchema). */
const MAX_VOUCHERS_A_LINE = 1000;

export const cartHandlers: HandlerTable<
  'cart.get' | 'cart.add' | 'cart.addVouchers' | 'cart.remove' | 'cart.buyNow' | 'cart.designate' | 'cart.applyToAll' | 'cart.checkout'
> = {
  'cart.get': (_input, ctx) => readCart(ctx.store.db, serverNow(ctx)),

  'cart.add': ({ optionIds }, ctx) => {
    const found = ctx.store.db.select().from(options).where(inArray(options.id, optionIds)).all();
    const notHeld = optionIds.filter((id) => found.find((o) => o.id === id)?.state !== 'active');
    if (notHeld.length > 0) {
      throw new GuichetError('RULE_VIOLATION', 'Only held options can go to the cart.', { rule: 'NOT_HELD', count: notHeld.length });
    }
    const stored = readStoredCart(ctx.store.db);
    return saveCart(ctx, { ...stored, optionIds: [...new Set([...stored.optionIds, ...optionIds])] });
  },

  /** The platform sells vouchers to validated pro accounts only; saying so here spares a refused payment. */
  'cart.addVouchers': ({ tariffId, quantity }, ctx) => {
    const { db } = ctx.store;
    if (syncState.session(db)?.office.status === 'awaiting_validation') {
      refuse('ACCOUNT_NOT_VALIDATED', 'The platform has not validated this account yet.');
    }
    if (!findVoucherTariff(db, tariffId)) throw notFound('voucher tariff', tariffId);
    const stored = readStoredCart(db);
    const same = stored.voucherItems.find((item) => item.tariffId === tariffId);
    const total = (same?.quantity ?? 0) + quantity;
    if (total > MAX_VOUCHERS_A_LINE) refuse('TOO_MANY_VOUCHERS', 'At most 1,000 vouchers a line.', { max: MAX_VOUCHERS_A_LINE, inCart: same?.quantity ?? 0 });
    const voucherItems = same
      ? stored.voucherItems.map((item) => (item === same ? { ...item, quantity: total } : item))
      : [...stored.voucherItems, { itemId: crypto.randomUUID(), tariffId, quantity }];
    return saveCart(ctx, { ...stored, voucherItems });
  },

  'cart.remove': ({ itemId }, ctx) => saveCart(ctx, withoutItems(readStoredCart(ctx.store.db), new Set([itemId]))),

  /**
   * Nothing is held: the seats are taken only when the cart is paid, so another office may take
   * them first (the payment is then refused with SLOT_FULL and nothing is charged).
   */
  'cart.buyNow': ({ slotId, composition, specialVisit = false, dossierId }, ctx) => {
    const { db } = ctx.store;
    const { slot, venue } = slotAndVenue(db, slotId);
    if (!groupProductsOf(db, venue.id)) refuse('NO_ONLINE_BOOKING', `${venue.name} sells no group tickets online.`);
    checkGroupRules(venue, composition, specialVisit);
    checkSlotOpen(slot, serverNow(ctx));
    const stored = readStoredCart(db);
    const inCart = stored.directItems.filter((item) => item.slotId === slotId).reduce((sum, item) => sum + headCount(item.composition), 0);
    checkSeats(db, slot, composition, inCart);
    const item = { itemId: crypto.randomUUID(), slotId, composition, specialVisit, dossierId: checkDossier(ctx, dossierId) };
    return saveCart(ctx, { ...stored, directItems: [...stored.directItems, item] });
  },

  'cart.designate': ({ key, companionId }, ctx) => {
    const { db } = ctx.store;
    if (!readCart(db, serverNow(ctx)).groups.some((g) => g.companionLines.some((line) => line.key === key))) throw notFound('companion line', key);
    if (companionId !== null) knownCompanion(db, companionId);
    const stored = readStoredCart(db);
    const designations = Object.fromEntries(Object.entries(stored.designations).filter(([other]) => other !== key));
    return saveCart(ctx, { ...stored, designations: companionId === null ? designations : { ...designations, [key]: companionId } });
  },

  'cart.applyToAll': ({ companionId }, ctx) => {
    const { db } = ctx.store;
    knownCompanion(db, companionId);
    const stored = readStoredCart(db);
    const keys = readCart(db, serverNow(ctx)).groups.flatMap((g) => g.companionLines.map((line) => line.key));
    return saveCart(ctx, { ...stored, designations: { ...stored.designations, ...Object.fromEntries(keys.map((key) => [key, companionId])) } });
  },

  'cart.checkout': checkoutHandler,
};
