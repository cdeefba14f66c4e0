// The cart: held options chosen on the Options screen, priced line by line as the platform
// shows them (product, unit price, quantity, total; discounts; total amount).
import { inArray } from 'drizzle-orm';
import type { CartDto } from '../../contract/schemas.std.ts';
import type { GroupComposition } from '../domain/groupComposition.std.ts';
import { priceGroup } from '../domain/pricing.std.ts';
import type { Product } from '../domain/venues.std.ts';
import { findVenue, productsOfVenue } from '../store/catalogueRepo.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { options } from '../store/schema.node.ts';
import { readSetting, writeSetting } from '../store/settingsRepo.node.ts';
import { GuichetError } from './guichetError.std.ts';
import type { HandlerContext, HandlerTable } from './handlerContext.node.ts';

const CART_KEY = 'cart.optionIds';
const cartIds = (db: StoreDb) => readSetting<string[]>(db, CART_KEY) ?? [];

function readCart(db: StoreDb): CartDto {
  const ids = cartIds(db);
  const held = ids.length === 0 ? [] : db.select().from(options).where(inArray(options.id, ids)).all().filter((o) => o.state === 'active');
  const groups = held.map((option) => {
    const products = productsOfVenue(db, option.venueId);
    const pick = (kind: Product['kind']) => products.find((p) => p.kind === kind)!;
    const price = priceGroup(option.composition as GroupComposition, { visitor: pick('visitor'), guide: pick('guide'), leader: pick('leader') });
    return {
      optionId: option.id,
      venueName: findVenue(db, option.venueId)?.name ?? option.venueId,
      startsAt: option.startsAt,
      expiresAt: option.expiresAt,
      lines: price.lines,
      totalCents: price.totalCents,
    };
  });
  groups.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const totalCents = groups.reduce((sum, g) => sum + g.totalCents, 0);
  return { groups, discountCents: 0, totalCents };
}

function saveCart(ctx: HandlerContext, ids: string[]) {
  writeSetting(ctx.store.db, CART_KEY, ids);
  const cart = readCart(ctx.store.db);
  ctx.emit('cart.changed', { count: cart.groups.length });
  return cart;
}

export const cartHandlers: HandlerTable<'cart.get' | 'cart.add' | 'cart.remove'> = {
  'cart.get': (_input, { store }) => readCart(store.db),

  'cart.add': ({ optionIds }, ctx) => {
    const found = ctx.store.db.select().from(options).where(inArray(options.id, optionIds)).all();
    const notHeld = optionIds.filter((id) => found.find((o) => o.id === id)?.state !== 'active');
    if (notHeld.length > 0) {
      throw new GuichetError('RULE_VIOLATION', 'Only held options can go to the cart.', { rule: 'NOT_HELD', count: notHeld.length });
    }
    return saveCart(ctx, [...new Set([...cartIds(ctx.store.db), ...optionIds])]);
  },

  'cart.remove': ({ optionId }, ctx) => saveCart(ctx, cartIds(ctx.store.db).filter((id) => id !== optionId)),
};
