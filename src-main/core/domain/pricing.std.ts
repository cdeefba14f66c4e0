// Prices a group booking as the platform's cart shows it: one line per product.
import { multiplyCents, sumCents, type Cents } from './money.std.ts';
import { ticketBreakdown, type GroupComposition } from './groupComposition.std.ts';
import type { Product } from './venues.std.ts';

export interface PriceLine {
  productId: string;
  label: { fr: string; en: string };
  unitCents: Cents;
  quantity: number;
  totalCents: Cents;
}

export interface GroupPrice {
  lines: PriceLine[];
  totalCents: Cents;
  /** The cart's "Remises" line; no discount rule exists yet. */
  discountCents: 0;
}

export interface GroupProducts {
  visitor: Product;
  guide: Product;
  leader: Product;
}

function line(product: Product, unitCents: Cents, quantity: number): PriceLine {
  return { productId: product.id, label: product.label, unitCents, quantity, totalCents: multiplyCents(unitCents, quantity) };
}

/**
 * Free tickets are priced 0 by rule rather than by the catalogue's tariff, so a mis-keyed
 * companion price can never charge a guide. A leader who is not free is "included in the
 * group" (FAQ): an extra ticket on the visitor line, at the visitor tariff.
 */
export function priceGroup(c: GroupComposition, products: GroupProducts): GroupPrice {
  const tickets = ticketBreakdown(c);
  const lines: PriceLine[] = [];
  const paying = tickets.paidVisitors + tickets.paidLeaders;
  if (paying > 0) lines.push(line(products.visitor, products.visitor.priceCents, paying));
  if (tickets.freeGuides > 0) lines.push(line(products.guide, 0, tickets.freeGuides));
  if (tickets.freeLeaders > 0) lines.push(line(products.leader, 0, tickets.freeLeaders));
  return { lines, totalCents: sumCents(lines.map((l) => l.totalCents)), discountCents: 0 };
}
