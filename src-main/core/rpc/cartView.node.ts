// The cart as the platform shows it: one group per held option or direct purchase, priced line
// by line, with one companion line per guide and leader ticket (DOMAIN.md §4–§5).
import { eq, inArray } from 'drizzle-orm';
import type { CartDto, CompanionLineDto } from '../../contract/schemas.std.ts';
import { designationSlots, undesignatedSlots, type Designated } from '../domain/designations.std.ts';
import { ticketBreakdown, type GroupComposition } from '../domain/groupComposition.std.ts';
import { priceGroup, type GroupProducts } from '../domain/pricing.std.ts';
import { findVenue, groupProductsOf } from '../store/catalogueRepo.node.ts';
import { designationKey, readStoredCart, type StoredCart } from '../store/cartRepo.node.ts';
import { dossierNameOf } from '../store/optionsRepo.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { companions, options } from '../store/schema.node.ts';
import { findSlot } from '../store/slotsRepo.node.ts';
import { findVoucherTariff } from '../store/vouchersRepo.node.ts';
import { hasStarted } from './slotChecks.node.ts';

export type CartGroup = CartDto['groups'][number];

interface Item {
  itemId: string;
  kind: CartGroup['kind'];
  venueId: string;
  slotId: string;
  startsAt: string;
  expiresAt: string | null;
  composition: GroupComposition;
  dossierId: string | null;
}

/**
 * Guides travel free; so does the first leader of a group of more than 20 visitors. Any other
 * leader pays the visitor tariff (DOMAIN.md §4), and the line says so.
 */
function ticketOf(products: GroupProducts, composition: GroupComposition, kind: Designated['kind'], index: number) {
  if (kind === 'guide') return { label: products.guide.label, unitCents: 0 };
  if (index < ticketBreakdown(composition).freeLeaders) return { label: products.leader.label, unitCents: 0 };
  return { label: products.visitor.label, unitCents: products.visitor.priceCents };
}

/** The options and direct purchases still to pay; options no longer held drop out. */
function itemsOf(db: StoreDb, stored: StoredCart): Item[] {
  const held = stored.optionIds.length === 0 ? [] : db.select().from(options).where(inArray(options.id, stored.optionIds)).all()
    .filter((o) => o.state === 'active')
    .map((o) => ({
      itemId: o.id, kind: 'option' as const, venueId: o.venueId, slotId: o.slotId, startsAt: o.startsAt, expiresAt: o.expiresAt,
      composition: o.composition as GroupComposition, dossierId: o.dossierId,
    }));
  const direct = stored.directItems.flatMap((item) => {
    const slot = findSlot(db, item.slotId);
    // Paid already (an answer lost, then pulled): the service keeps it as an option of that id.
    const bought = db.select({ id: options.id }).from(options).where(eq(options.id, item.itemId)).get();
    if (!slot || bought) return [];
    return [{
      itemId: item.itemId, kind: 'direct' as const, venueId: slot.venueId, slotId: slot.id, startsAt: slot.startsAt, expiresAt: null,
      composition: item.composition, dossierId: item.dossierId ?? null,
    }];
  });
  return [...held, ...direct];
}

/** Vouchers priced from the mirrored catalogue; a tariff no longer sold drops out. */
function voucherLinesOf(db: StoreDb, stored: StoredCart): CartDto['vouchers'] {
  return stored.voucherItems.flatMap((item) => {
    const found = findVoucherTariff(db, item.tariffId);
    if (!found) return [];
    const { museum, tariff } = found;
    return [{
      itemId: item.itemId, museumId: museum.id, museumName: museum.name, tariffId: tariff.id, label: tariff.label,
      unitCents: tariff.priceCents, quantity: item.quantity, totalCents: tariff.priceCents * item.quantity, validityMonths: tariff.validityMonths,
    }];
  });
}

/** What the navigation's cart badge counts: groups and voucher lines. */
export const cartCount = (cart: CartDto) => cart.groups.length + cart.vouchers.length;

/** `now`: the server's clock as this workstation measured it, which says which visits have started. */
export function readCart(db: StoreDb, now: Date): CartDto {
  const stored = readStoredCart(db);
  const registry = new Set(db.select({ id: companions.id }).from(companions).all().map((c) => c.id));
  const isKnown = (companionId: string) => registry.has(companionId);
  let undesignated = 0;
  const groups: CartGroup[] = itemsOf(db, stored).flatMap((item) => {
    const products = groupProductsOf(db, item.venueId);
    if (!products) return [];
    const price = priceGroup(item.composition, products);
    const designated: Designated[] = designationSlots(item.composition).flatMap((slot) => {
      const companionId = stored.designations[designationKey(item.itemId, slot.kind, slot.index)];
      return companionId ? [{ ...slot, companionId }] : [];
    });
    undesignated += undesignatedSlots(item.composition, designated, isKnown).length;
    const companionLines: CompanionLineDto[] = designationSlots(item.composition).map(({ kind, index }) => {
      const companionId = designated.find((d) => d.kind === kind && d.index === index)?.companionId;
      return {
        key: designationKey(item.itemId, kind, index),
        kind,
        index,
        ...ticketOf(products, item.composition, kind, index),
        companionId: companionId && isKnown(companionId) ? companionId : null,
      };
    });
    return [{
      itemId: item.itemId,
      kind: item.kind,
      venueName: findVenue(db, item.venueId)?.name ?? item.venueId,
      slotId: item.slotId,
      startsAt: item.startsAt,
      expiresAt: item.expiresAt,
      started: hasStarted(item, now),
      composition: item.composition,
      lines: price.lines,
      companionLines,
      totalCents: price.totalCents,
      dossierId: item.dossierId,
      dossierName: dossierNameOf(db, item.dossierId),
    }];
  });
  groups.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const vouchers = voucherLinesOf(db, stored);
  const totalCents = groups.reduce((sum, g) => sum + g.totalCents, 0) + vouchers.reduce((sum, v) => sum + v.totalCents, 0);
  return { groups, vouchers, discountCents: 0, totalCents, undesignated };
}
