import { describe, expect, it } from 'vitest';
import { demoProducts } from '../../../src-main/core/domain/demoCatalogue.std.ts';
import { priceGroup } from '../../../src-main/core/domain/pricing.std.ts';
import type { Product, ProductKind } from '../../../src-main/core/domain/venues.std.ts';

const productsOf = (venueId: string) => {
  const pick = (kind: ProductKind): Product => demoProducts.find((p) => p.venueId === venueId && p.kind === kind)!;
  return { visitor: pick('visitor'), guide: pick('guide'), leader: pick('leader') };
};
const sainteChapelle = productsOf('sainte-chapelle');

describe('priceGroup', () => {
  it("reproduces the seed's cart: 16 × 17,00 € + a free tour guide = 272,00 €", () => {
    const price = priceGroup({ visitors: 16, guides: 1, leaders: 0 }, sainteChapelle);
    expect(price.lines.map(({ productId, unitCents, quantity, totalCents }) => ({ productId, unitCents, quantity, totalCents }))).toEqual([
      { productId: sainteChapelle.visitor.id, unitCents: 1700, quantity: 16, totalCents: 27200 },
      { productId: sainteChapelle.guide.id, unitCents: 0, quantity: 1, totalCents: 0 },
    ]);
    expect(price.lines[1]?.label.fr).toBe('Guide conférencier (carte de guide professionnel en cours de validité)');
    expect(price.totalCents).toBe(27200);
    expect(price.discountCents).toBe(0);
  });

  it('gives the leader of more than 20 visitors a free line on the leader product', () => {
    const price = priceGroup({ visitors: 21, guides: 0, leaders: 1 }, sainteChapelle);
    expect(price.lines.at(-1)).toMatchObject({ productId: sainteChapelle.leader.id, unitCents: 0, quantity: 1, totalCents: 0 });
    expect(price.totalCents).toBe(21 * 1700);
  });

  it('counts the leader of 20 visitors in the group at the visitor tariff', () => {
    const price = priceGroup({ visitors: 20, guides: 0, leaders: 1 }, sainteChapelle);
    expect(price.lines).toHaveLength(1);
    expect(price.lines[0]).toMatchObject({ productId: sainteChapelle.visitor.id, unitCents: 1700, quantity: 21, totalCents: 35700 });
  });

  it('never charges a guide, even if the catalogue priced the guide product', () => {
    const products = { ...sainteChapelle, guide: { ...sainteChapelle.guide, priceCents: 500 } };
    expect(priceGroup({ visitors: 10, guides: 2, leaders: 0 }, products).totalCents).toBe(17000);
  });

  it('prices each venue at its own reseller rate', () => {
    const arc = productsOf('arc-de-triomphe');
    expect(priceGroup({ visitors: 10, guides: 0, leaders: 0 }, arc).totalCents).toBe(10 * arc.visitor.priceCents);
  });
});
