// The command palette's search (search.find): a few letters typed, accents and case ignored,
// find a monument, an option by its day, an order or ticket by its number, a companion or a
// contact, each with the screen that shows it.
import { afterEach, describe, expect, it } from 'vitest';
import type { PatchOp, PullResponse, WireOption, WireOrder, WireTicket } from '../../src-main/contract/centralApi.std.ts';
import { methods } from '../../src-main/contract/methods.std.ts';
import { matchRank, type SearchHitDto } from '../../src-main/contract/searchSchemas.std.ts';
import { applyPull } from '../../src-main/core/sync/applyServerChanges.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { ok } from '../sync/helpers.node.ts';

const cores: TempCore[] = [];
afterEach(() => Promise.all(cores.splice(0).map((core) => core.close())));

const NOW = new Date('2025-02-01T09:00:00Z');

const option: WireOption = {
  id: 'opt-1', venueId: 'conciergerie', slotId: 'conciergerie-2025-03-06-1000', startsAt: '2025-03-06T09:00:00.000Z',
  composition: { visitors: 20, guides: 1, leaders: 0 }, totalCents: 20000, state: 'active', expiresAt: '2025-02-20T09:00:00.000Z',
  groupBookingId: null, createdAt: '2025-01-20T09:00:00.000Z', updatedAt: '2025-01-20T09:00:00.000Z', dossierId: null,
};

const order: WireOrder = {
  id: 'ord-1', number: 'GCH-2025-004471', state: 'paid', createdAt: '2025-01-31T10:00:00.000Z', paidAt: '2025-01-31T10:00:00.000Z', refundedAt: null,
  paymentDueAt: null, cancelledAt: null, cancelReason: null, payment: { method: 'card', cardLast4: '4242', reference: 'REF-1' },
  bookings: [{
    optionId: 'b1', venueId: 'sainte-chapelle', venueName: 'Sainte-Chapelle', slotId: 's1', startsAt: '2025-03-18T12:15:00.000Z',
    composition: { visitors: 16, guides: 0, leaders: 1 }, cancelledByVenue: false,
    lines: [{ productId: 'p', label: { fr: 'Tarif revendeur', en: 'Reseller rate' }, unitCents: 1700, quantity: 16, totalCents: 27200, vatRateBp: 550 }],
    companions: [],
  }],
  voucherLines: [], totalCents: 27200, discountCents: 0, vat: [{ rateBp: 550, baseCents: 25782, vatCents: 1418 }], refundCents: 0,
};

const ticket = (id: string, number: string): WireTicket => ({
  id, number, orderId: order.id, optionId: 'b1', venueId: 'sainte-chapelle', productId: 'p', kind: 'visitor',
  label: { fr: 'Tarif revendeur', en: 'Reseller rate' }, slotId: 's1', validFrom: '2025-03-18T12:15:00.000Z', validUntil: '2025-03-18T13:15:00.000Z',
  qr: 'signed', state: 'valid', assignedTo: null,
});

async function busyDesk() {
  const core = await tempCore(NOW);
  cores.push(core);
  const page: PullResponse = {
    cookie: '1', lastMutationId: 0, results: [], hasMore: false, serverTime: NOW.toISOString(),
    patch: [
      { op: 'put', entity: 'option', id: option.id, value: option },
      { op: 'put', entity: 'order', id: order.id, value: order },
      ...Array.from({ length: 8 }, (_, i): PatchOp => ({ op: 'put', entity: 'ticket', id: `t${i}`, value: ticket(`t${i}`, `T-9${i}47-0${i}`) })),
      { op: 'put', entity: 'contact', id: 'k1', value: { id: 'k1', surname: 'ÉLUARD', firstName: 'Paul', email: 'paul@example.org', updatedAt: NOW.toISOString() } },
    ],
  };
  applyPull(core.store, [page], NOW);
  await ok(core, 'companions.save', { kind: 'leader', surname: 'LAGO', firstName: 'Lola', email: 'lola@example.org', phone: null, placeholder: false });
  return core;
}

const find = (core: TempCore, query: string) => ok<SearchHitDto[]>(core, 'search.find', { query });
const titles = (hits: SearchHitDto[], kind: string) => hits.filter((h) => h.kind === kind).map((h) => h.title);

describe('search.find', () => {
  it('finds a monument without its accents, and says where its calendar is', async () => {
    const core = await busyDesk();
    const hits = await find(core, 'cite de carcas');
    expect(methods['search.find'].output.safeParse(hits).success).toBe(true);
    expect(hits[0]).toMatchObject({ kind: 'venue', title: 'Château et remparts de la cité de Carcassonne', target: { screen: 'calendar', params: { venue: expect.any(String) } } });
    expect(titles(await find(core, 'CHÂTEAU vinc'), 'venue')).toEqual(['Château de Vincennes']);
  });

  it('finds an order by three letters of its number and opens it on the Orders screen', async () => {
    const core = await busyDesk();
    const hits = await find(core, '447');
    expect(hits.find((h) => h.kind === 'order')).toMatchObject({
      id: order.id, title: 'GCH-2025-004471', detail: 'Sainte-Chapelle', state: 'paid', target: { screen: 'orders', params: { order: order.id } },
    });
  });

  it('finds an option by its visit day as written in French or in English', async () => {
    const core = await busyDesk();
    for (const written of ['6 mars', '6 march', '06/03/2025', '2025-03-06', 'jeudi', 'concierg']) {
      expect((await find(core, written)).find((h) => h.kind === 'option'), written).toMatchObject({
        id: option.id, title: 'Conciergerie', at: option.startsAt, target: { screen: 'options', params: { option: option.id } },
      });
    }
    expect((await find(core, '7 mars')).some((h) => h.kind === 'option')).toBe(false);
  });

  it('finds a companion and a contact by a few letters of the name, accents ignored', async () => {
    const core = await busyDesk();
    expect((await find(core, 'lag')).find((h) => h.kind === 'companion')).toMatchObject({ title: 'Lola LAGO', target: { screen: 'companions', params: {} } });
    expect((await find(core, 'eluar')).find((h) => h.kind === 'contact')).toMatchObject({ title: 'Paul ÉLUARD', detail: 'paul@example.org', target: { screen: 'contacts', params: { contact: 'k1' } } });
  });

  it('needs every word typed, and shows at most five of one kind so the others are not crowded out', async () => {
    const core = await busyDesk();
    expect(await find(core, 'lola zzz')).toEqual([]);
    const hits = await find(core, '47');
    expect(hits.filter((h) => h.kind === 'ticket')).toHaveLength(5);
    expect(hits.some((h) => h.kind === 'order')).toBe(true);
  });
});

describe('matchRank', () => {
  it('puts a field that starts with the query before a word that does, before anywhere', () => {
    expect(matchRank('sainte', ['Sainte-Chapelle'])).toBe(0);
    expect(matchRank('chap', ['Sainte-Chapelle'])).toBe(1);
    expect(matchRank('ape', ['Sainte-Chapelle'])).toBe(2);
    expect(matchRank('  ', ['Sainte-Chapelle'])).toBeNull();
    expect(matchRank('œuvre', ['Oeuvre'])).toBe(0);
  });
});
