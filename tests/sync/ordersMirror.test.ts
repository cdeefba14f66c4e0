// Orders, tickets and contacts as pulls write them, read back as the Orders, Tickets and
// contact screens ask for them. The pages are built here so the dates can sit on the edges
// of the office's days; tests/sync/checkout.test.ts gets them from a real central service.
import { afterEach, describe, expect, it } from 'vitest';
import type { PatchOp, PullResponse, WireOrder, WireTicket } from '../../src-main/contract/centralApi.std.ts';
import { methods } from '../../src-main/contract/methods.std.ts';
import type { ContactRowDto, OrderDetailDto, OrderRowDto, TicketRowDto } from '../../src-main/contract/orderSchemas.std.ts';
import { applyPull } from '../../src-main/core/sync/applyServerChanges.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { ok } from './helpers.node.ts';

const cores: TempCore[] = [];
afterEach(() => Promise.all(cores.splice(0).map((core) => core.close())));

const companion = (companionId: string, surname: string, placeholder = false) => ({
  kind: 'leader' as const, index: 0, companionId, surname, firstName: 'Anna', email: `${surname.toLowerCase()}@example.org`,
  phone: '+33 6 12 34 56 78', placeholder,
});

function order(id: string, number: string, createdAt: string, state: WireOrder['state'], cancelledByVenue = false): WireOrder {
  return {
    id, number, state, createdAt, paidAt: state === 'awaiting_transfer' ? null : createdAt, refundedAt: null,
    paymentDueAt: null, cancelledAt: null, cancelReason: null,
    payment: { method: state === 'awaiting_transfer' ? 'transfer' : 'card', cardLast4: '4242', reference: `REF-${number}` },
    bookings: [{
      optionId: `${id}-b1`, venueId: 'sainte-chapelle', venueName: 'Sainte-Chapelle', slotId: 's1', startsAt: '2025-03-18T12:15:00.000Z',
      composition: { visitors: 16, guides: 0, leaders: 1 }, cancelledByVenue,
      lines: [{ productId: 'p', label: { fr: 'Tarif revendeur', en: 'Reseller rate' }, unitCents: 1700, quantity: 16, totalCents: 27200, vatRateBp: 550 }],
      companions: [companion('c1', 'NDIAYE'), { ...companion('c1', 'NDIAYE'), index: 1 }, companion('c2', 'TYPE', true)],
    }],
    voucherLines: [], totalCents: 27200, discountCents: 0, vat: [{ rateBp: 550, baseCents: 25782, vatCents: 1418 }], refundCents: cancelledByVenue ? 27200 : 0,
  };
}

function ticket(id: string, o: WireOrder, number: string): WireTicket {
  return {
    id, number, orderId: o.id, optionId: o.bookings[0]!.optionId, venueId: 'sainte-chapelle', productId: 'p', kind: 'visitor',
    label: { fr: 'Tarif revendeur', en: 'Reseller rate' }, slotId: 's1', validFrom: '2025-03-18T12:15:00.000Z', validUntil: '2025-03-18T13:15:00.000Z',
    qr: 'signed', state: 'valid', assignedTo: null,
  };
}

const page = (patch: PatchOp[]): PullResponse =>
  ({ cookie: '1', patch, lastMutationId: 0, results: [], hasMore: false, serverTime: '2025-02-01T09:00:00.000Z' });

// 23:30 UTC on 31 January is already 1 February in Paris.
const january = order('o-jan', 'GCH-2025-000001', '2025-01-31T22:30:00.000Z', 'paid');
const february = order('o-feb', 'GCH-2025-000002', '2025-01-31T23:30:00.000Z', 'awaiting_transfer');
const cancelled = order('o-cxl', 'GCH-2025-000003', '2025-02-03T10:00:00+01:00', 'to_be_refunded', true);

async function deskWithOrders() {
  const core = await tempCore(new Date('2025-02-01T09:00:00Z'));
  cores.push(core);
  applyPull(core.store, [page([
    ...[january, february, cancelled].map((value): PatchOp => ({ op: 'put', entity: 'order', id: value.id, value })),
    { op: 'put', entity: 'ticket', id: 't2', value: ticket('t2', january, 'T-0002') },
    { op: 'put', entity: 'ticket', id: 't1', value: ticket('t1', january, 'T-0001') },
    { op: 'put', entity: 'ticket', id: 't3', value: ticket('t3', cancelled, 'T-0003') },
    { op: 'put', entity: 'contact', id: 'k1', value: { id: 'k1', surname: 'LAGO', firstName: 'Lola', email: 'lola@example.org', updatedAt: '2025-01-10T09:00:00.000Z' } },
  ])], new Date('2025-02-01T09:00:00Z'));
  return core;
}

describe('orders, tickets and contacts from the central service', () => {
  it('orders are found by the day they were placed in Paris and by state, newest first', async () => {
    const core = await deskWithOrders();
    const numbers = async (input: object) => (await ok<OrderRowDto[]>(core, 'orders.list', input)).map((o) => o.number);
    expect(await numbers({})).toEqual(['GCH-2025-000003', 'GCH-2025-000002', 'GCH-2025-000001']);
    expect(await numbers({ from: '2025-01-01', to: '2025-01-31' })).toEqual(['GCH-2025-000001']);
    expect(await numbers({ from: '2025-02-01', to: '2025-02-01' })).toEqual(['GCH-2025-000002']);
    expect(await numbers({ from: '2025-02-01' })).toEqual(['GCH-2025-000003', 'GCH-2025-000002']);
    expect(await numbers({ state: 'awaiting_transfer' })).toEqual(['GCH-2025-000002']);
    const [row] = await ok<OrderRowDto[]>(core, 'orders.list', { to: '2025-01-31' });
    expect(methods['orders.list'].output.safeParse([row]).success).toBe(true);
    expect(row).toMatchObject({ paymentMethod: 'card', totalCents: 27200, venueNames: ['Sainte-Chapelle'], firstVisitAt: '2025-03-18T12:15:00.000Z', ticketCount: 2 });
  });

  it('an order in detail: its tickets, and the companions to call when the venue cancelled the visit', async () => {
    const core = await deskWithOrders();
    const detail = await ok<OrderDetailDto>(core, 'orders.get', { orderId: cancelled.id });
    expect(methods['orders.get'].output.safeParse(detail).success).toBe(true);
    expect(detail.order).toEqual(cancelled);
    expect(detail.tickets.map((t) => [t.number, t.orderNumber, t.venueName])).toEqual([['T-0003', 'GCH-2025-000003', 'Sainte-Chapelle']]);
    // Named on two tickets, called once; a placeholder names nobody to call.
    expect(detail.companionsToCall).toEqual([{
      name: 'Anna NDIAYE', email: 'ndiaye@example.org', phone: '+33 6 12 34 56 78', venueName: 'Sainte-Chapelle', startsAt: '2025-03-18T12:15:00.000Z',
    }]);
    expect((await ok<OrderDetailDto>(core, 'orders.get', { orderId: january.id })).companionsToCall).toEqual([]);
    expect(await core.dispatch('orders.get', { orderId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'order' } } });
  });

  it('a venue cancellation names the client group hit, with its contact, to be told', async () => {
    const core = await deskWithOrders();
    applyPull(core.store, [page([
      { op: 'put', entity: 'dossier', id: 'd1', value: {
        id: 'd1', name: 'Lycée Voltaire', clientReference: 'LV-2025-03', contactName: 'Mme Durand', contactEmail: 'durand@lycee.example',
        contactPhone: '+33 1 44 55 66 77', expectedPeople: 17, travelFrom: null, travelTo: null, notes: null, updatedAt: '2025-01-10T09:00:00.000Z',
      } },
      { op: 'put', entity: 'option', id: `${cancelled.id}-b1`, value: {
        id: `${cancelled.id}-b1`, venueId: 'sainte-chapelle', slotId: 's1', startsAt: '2025-03-18T12:15:00.000Z', composition: { visitors: 16, guides: 0, leaders: 1 },
        totalCents: 27200, state: 'cancelled_by_venue', expiresAt: '2025-03-18T12:15:00.000Z', groupBookingId: null,
        createdAt: '2025-01-10T09:00:00.000Z', updatedAt: '2025-02-03T09:00:00.000Z', dossierId: 'd1',
      } },
    ])], new Date('2025-02-03T10:00:00Z'));
    const detail = await ok<OrderDetailDto>(core, 'orders.get', { orderId: cancelled.id });
    expect(detail.clientsToCall).toEqual([{
      dossierId: 'd1', name: 'Lycée Voltaire', contactName: 'Mme Durand', contactEmail: 'durand@lycee.example', contactPhone: '+33 1 44 55 66 77',
      venueName: 'Sainte-Chapelle', startsAt: '2025-03-18T12:15:00.000Z',
    }]);
    expect(detail.row.dossiers).toEqual([{ id: 'd1', name: 'Lycée Voltaire' }]);
    expect((await ok<OrderDetailDto>(core, 'orders.get', { orderId: january.id })).clientsToCall).toEqual([]);
  });

  it('every ticket with its order number and venue, newest order first', async () => {
    const core = await deskWithOrders();
    const tickets = await ok<TicketRowDto[]>(core, 'tickets.list');
    expect(methods['tickets.list'].output.safeParse(tickets).success).toBe(true);
    expect(tickets.map((t) => [t.number, t.orderNumber, t.venueName])).toEqual([
      ['T-0003', 'GCH-2025-000003', 'Sainte-Chapelle'],
      ['T-0001', 'GCH-2025-000001', 'Sainte-Chapelle'],
      ['T-0002', 'GCH-2025-000001', 'Sainte-Chapelle'],
    ]);
  });

  it('a pulled update replaces the order and a del removes a ticket', async () => {
    const core = await deskWithOrders();
    const received = { ...february, state: 'paid' as const, paidAt: '2025-02-02T10:00:00.000Z' };
    applyPull(core.store, [page([
      { op: 'put', entity: 'order', id: received.id, value: received },
      { op: 'del', entity: 'ticket', id: 't2' },
    ])], new Date('2025-02-02T10:00:00Z'));
    expect((await ok<OrderRowDto[]>(core, 'orders.list', { state: 'awaiting_transfer' }))).toEqual([]);
    expect((await ok<OrderDetailDto>(core, 'orders.get', { orderId: january.id })).tickets.map((t) => t.number)).toEqual(['T-0001']);
  });

  it('contacts: pulled ones, and one created here shown at once as waiting to be sent', async () => {
    const core = await deskWithOrders();
    const saved = await ok<ContactRowDto>(core, 'contacts.save', { surname: 'MARTIN', firstName: 'Camille', email: 'camille@example.org' });
    expect(saved).toMatchObject({ surname: 'MARTIN', pending: true });
    const contacts = await ok<ContactRowDto[]>(core, 'contacts.list');
    expect(contacts.map((c) => [c.surname, c.pending])).toEqual([['LAGO', false], ['MARTIN', true]]);
    const renamed = await ok<ContactRowDto>(core, 'contacts.save', { id: 'k1', surname: 'LAGO', firstName: 'Lola', email: 'l.lago@example.org' });
    expect(renamed).toMatchObject({ id: 'k1', email: 'l.lago@example.org', pending: true });
    expect(await core.dispatch('contacts.save', { surname: 'SANS', firstName: 'Mail' }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ path: 'email', problem: 'required' }] } } });
    expect(await core.dispatch('contacts.save', { id: 'nobody', surname: 'X', firstName: 'Y', email: 'x@example.org' }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'contact' } } });
  });
});
