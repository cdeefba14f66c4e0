// The cart lives in settings: what the office put in it and who it named for each guide and
// leader ticket. Nothing here is held or sent until the cart is paid.
import type { GroupComposition } from '../domain/groupComposition.std.ts';
import type { CompanionKind } from '../domain/designations.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { readSetting, writeSetting } from './settingsRepo.node.ts';

/** "Buy at once": a group for a slot that takes no option; its seats are taken when it is paid. */
export interface DirectItem {
  itemId: string;
  slotId: string;
  composition: GroupComposition;
  specialVisit: boolean;
  /** The client group it is for; absent from a cart kept before dossiers. */
  dossierId?: string | null;
}

/** Vouchers of one tariff; their codes are issued once the order is paid. */
export interface VoucherItem {
  itemId: string;
  tariffId: string;
  quantity: number;
}

export interface StoredCart {
  /** Held options, by id (the key every earlier Guichet kept its cart under). */
  optionIds: string[];
  directItems: DirectItem[];
  voucherItems: VoucherItem[];
  /** companionId by `${itemId}:${kind}:${index}`; a ticket not listed is "Without accompanying". */
  designations: Record<string, string>;
}

export const CART_SETTINGS = {
  optionIds: 'cart.optionIds',
  directItems: 'cart.directItems',
  voucherItems: 'cart.voucherItems',
  designations: 'cart.designations',
  /** The order id of a checkout whose answer has not come back: a retry reuses it. */
  checkoutId: 'cart.checkoutId',
} as const;

export const designationKey = (itemId: string, kind: CompanionKind, index: number) => `${itemId}:${kind}:${index}`;

export function readStoredCart(db: StoreDb): StoredCart {
  return {
    optionIds: readSetting<string[]>(db, CART_SETTINGS.optionIds) ?? [],
    directItems: readSetting<DirectItem[]>(db, CART_SETTINGS.directItems) ?? [],
    voucherItems: readSetting<VoucherItem[]>(db, CART_SETTINGS.voucherItems) ?? [],
    designations: readSetting<Record<string, string>>(db, CART_SETTINGS.designations) ?? {},
  };
}

export function writeStoredCart(db: StoreDb, cart: StoredCart): void {
  writeSetting(db, CART_SETTINGS.optionIds, cart.optionIds.length > 0 ? cart.optionIds : null);
  writeSetting(db, CART_SETTINGS.directItems, cart.directItems.length > 0 ? cart.directItems : null);
  writeSetting(db, CART_SETTINGS.voucherItems, cart.voucherItems.length > 0 ? cart.voucherItems : null);
  writeSetting(db, CART_SETTINGS.designations, Object.keys(cart.designations).length > 0 ? cart.designations : null);
}

/** Takes items out of the cart with the companions named for their tickets. */
export function withoutItems(cart: StoredCart, itemIds: ReadonlySet<string>): StoredCart {
  return {
    optionIds: cart.optionIds.filter((id) => !itemIds.has(id)),
    directItems: cart.directItems.filter((item) => !itemIds.has(item.itemId)),
    voucherItems: cart.voucherItems.filter((item) => !itemIds.has(item.itemId)),
    designations: Object.fromEntries(Object.entries(cart.designations).filter(([key]) => !itemIds.has(key.slice(0, key.indexOf(':'))))),
  };
}

export function clearCart(db: StoreDb): void {
  for (const key of Object.values(CART_SETTINGS)) writeSetting(db, key, null);
}
