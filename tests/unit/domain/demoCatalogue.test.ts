import { describe, expect, it } from 'vitest';
import { demoProducts, demoVenues } from '../../../src-main/core/domain/demoCatalogue.std.ts';

const venue = (id: string) => {
  const found = demoVenues.find((v) => v.id === id);
  if (!found) throw new Error(`no demo venue ${id}`);
  return found;
};
const productsOf = (venueId: string) => demoProducts.filter((p) => p.venueId === venueId);

describe('demo catalogue: the FAQ numbers (DOMAIN §1)', () => {
  it('Arc de triomphe: from 7 people, 35 per slot, 30-day options, special visits', () => {
    expect(venue('arc-de-triomphe').rules).toEqual({
      slotMode: 'timed', minGroupSize: 7, guidedGroupAnySize: false, maxPerSlot: 35, holdingDays: 30, specialVisits: true,
    });
  });

  it('Château de Vincennes: from 8 people, 35 per slot, no options', () => {
    expect(venue('chateau-de-vincennes').rules).toMatchObject({ minGroupSize: 8, maxPerSlot: 35, holdingDays: null });
  });

  it.each(['conciergerie', 'sainte-chapelle'])('%s: from 8 or a guided group of any size, 26 per slot, 60 days', (id) => {
    expect(venue(id).rules).toMatchObject({ minGroupSize: 8, guidedGroupAnySize: true, maxPerSlot: 26, holdingDays: 60 });
  });

  it('special visits are bookable online only at the Arc de triomphe', () => {
    expect(demoVenues.filter((v) => v.rules.specialVisits).map((v) => v.id)).toEqual(['arc-de-triomphe']);
  });

  it('exactly the four FAQ venues are online, on timed slots with a schedule', () => {
    const online = demoVenues.filter((v) => v.online);
    expect(online.map((v) => v.id).sort()).toEqual(['arc-de-triomphe', 'chateau-de-vincennes', 'conciergerie', 'sainte-chapelle']);
    for (const v of online) {
      expect(v.rules.slotMode).toBe('timed');
      expect(v.schedule?.stepMinutes).toBe(15);
    }
  });

  it('Carcassonne sells dated group tickets', () => {
    const carcassonne = venue('carcassonne');
    expect(carcassonne.rules.slotMode).toBe('dated');
    expect(carcassonne.schedule).not.toBeNull();
    expect(carcassonne.rules.maxPerSlot).toBeGreaterThan(0);
  });

  it('about eight other monuments are booked on request through their booking department', () => {
    const onRequest = demoVenues.filter((v) => v.rules.slotMode === 'on-request');
    expect(onRequest.length).toBeGreaterThanOrEqual(8);
    for (const v of onRequest) {
      expect(v.online).toBe(false);
      expect(v.schedule).toBeNull();
      expect(v.contact.email).toBe(`reservations.${v.id}@monuments-nationaux.fr`);
      expect(v.contact.phone).toMatch(/^\+33 \d( \d\d){4}$/);
    }
  });

  it('venue and product ids are unique slugs, every product belongs to a venue', () => {
    const ids = demoVenues.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(demoProducts.map((p) => p.id)).size).toBe(demoProducts.length);
    for (const p of demoProducts) expect(ids).toContain(p.venueId);
  });
});

describe('demo catalogue: products', () => {
  it("sells the seed's combined ticket on Sainte-Chapelle slots at 17,00 €", () => {
    const visitor = productsOf('sainte-chapelle').find((p) => p.kind === 'visitor');
    expect(visitor?.priceCents).toBe(1700);
    expect(visitor?.label.fr).toBe(
      'Réservation obligatoire - Créneaux groupe adulte - Billet jumelé Ste-Chapelle - Conciergerie : Tarif revendeur',
    );
  });

  it('gives every venue that sells online one visitor, one free guide and one free leader product', () => {
    const selling = demoVenues.filter((v) => v.rules.slotMode !== 'on-request');
    for (const v of selling) {
      const products = productsOf(v.id);
      expect(products.map((p) => p.kind).sort()).toEqual(['guide', 'leader', 'visitor']);
      const byKind = Object.fromEntries(products.map((p) => [p.kind, p]));
      expect(byKind.visitor!.priceCents).toBeGreaterThan(0);
      expect(byKind.guide).toMatchObject({
        priceCents: 0,
        label: { fr: 'Guide conférencier (carte de guide professionnel en cours de validité)', en: 'Tour guide (valid professional guide card)' },
      });
      expect(byKind.leader).toMatchObject({ priceCents: 0, label: { fr: 'Accompagnateur', en: 'Accompanying leader' } });
    }
  });

  it('sells nothing online for monuments booked on request', () => {
    for (const v of demoVenues.filter((x) => x.rules.slotMode === 'on-request')) expect(productsOf(v.id)).toEqual([]);
  });
});
