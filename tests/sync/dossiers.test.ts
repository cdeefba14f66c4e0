// Dossiers at the desk against a real central service on loopback: created offline and sent
// once, shared by the office's workstations and by no other office, gathering a split group's
// sub-groups across the booking flow, with the trip's itinerary and what is still missing.
import { afterEach, describe, expect, it } from 'vitest';
import { methods } from '../../src-main/contract/methods.std.ts';
import type { DossierDetailDto, DossierRowDto } from '../../src-main/contract/dossierSchemas.std.ts';
import type { OrderDetailDto, OrderRowDto, TicketRowDto } from '../../src-main/contract/orderSchemas.std.ts';
import type { CartDto, OptionRowDto } from '../../src-main/contract/schemas.std.ts';
import type { BundleJob } from '../../src-main/contract/printSchemas.std.ts';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { startCuttableProxy } from '../support/cuttableProxy.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { ok } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = new Date('2025-01-10T09:00:00Z');
const voltaire = {
  name: 'Lycée Voltaire — Paris', clientReference: 'LV-2025-03', contactName: 'Mme Durand', contactEmail: 'durand@lycee-voltaire.example',
  contactPhone: '+33 1 44 55 66 77', expectedPeople: 75, travelFrom: '2025-03-17', travelTo: '2025-03-19', notes: null,
};

async function setUp() {
  const central = await startCentralHarness(NOW);
  cleanups.push(central.close);
  const cable = await startCuttableProxy(central.url);
  cleanups.push(cable.close);
  const office = await central.validatedOffice('Voyages Lumière');
  const desk = async (centralUrl: string, credentials = office) => {
    const core = await tempCore(NOW, { centralUrl });
    cleanups.push(() => core.close());
    await ok(core, 'account.signIn', credentials);
    await core.sync.syncNow();
    return core;
  };
  return { central, cable, office, desk };
}

const dossiers = (core: TempCore) => ok<DossierRowDto[]>(core, 'dossiers.list');

/** The seed's 75-person group at the Sainte-Chapelle, split into sub-groups, placed for `dossierId`. */
async function placeSplitGroup(core: TempCore, dossierId: string) {
  const plan = await ok<{ subGroups: { slotId: string; composition: object }[] }>(core, 'booking.planSplit', {
    venueId: 'sainte-chapelle', date: '2025-03-18', composition: { visitors: 70, guides: 3, leaders: 2 },
  });
  return ok<OptionRowDto[]>(core, 'options.placeGroup', { subGroups: plan.subGroups.map(({ slotId, composition }) => ({ slotId, composition })), dossierId });
}

describe('dossiers at the desk', () => {
  it('creates a dossier offline, sends it once, and a colleague sees it with its split group; another office sees none', async () => {
    const { central, cable, desk } = await setUp();
    const agent = await desk(cable.url);
    const colleague = await desk(central.url);
    const stranger = await desk(central.url, await central.validatedOffice('Autre Agence'));
    cable.cut();

    const created = await ok<DossierRowDto>(agent, 'dossiers.save', voltaire);
    expect(methods['dossiers.save'].output.safeParse(created).success).toBe(true);
    expect(created).toMatchObject({ ...voltaire, pending: true, visits: 0 });
    cable.restore();
    await agent.sync.syncNow();
    expect((await dossiers(agent))[0]).toMatchObject({ id: created.id, pending: false });

    const placed = await placeSplitGroup(agent, created.id);
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.every((o) => o.dossierId === created.id && o.dossierName === voltaire.name)).toBe(true);
    await agent.sync.syncNow();

    await colleague.sync.syncNow();
    await stranger.sync.syncNow();
    const seen = await dossiers(colleague);
    expect(seen).toEqual([expect.objectContaining({ id: created.id, name: voltaire.name, visits: placed.length })]);
    expect((await ok<OptionRowDto[]>(colleague, 'options.list')).filter((o) => o.dossierId === created.id)).toHaveLength(placed.length);
    expect(await dossiers(stranger)).toEqual([]);

    // Sent once: the service holds one dossier, not one per try.
    await agent.sync.syncNow();
    expect(await dossiers(colleague)).toHaveLength(1);
  });

  it('lays the trip out day by day, with totals, and says what is missing before the visit', async () => {
    const { central, desk } = await setUp();
    const agent = await desk(central.url);
    const dossier = await ok<DossierRowDto>(agent, 'dossiers.save', voltaire);
    const placed = await placeSplitGroup(agent, dossier.id);
    await agent.sync.syncNow();

    const detail = await ok<DossierDetailDto>(agent, 'dossiers.get', { id: dossier.id });
    expect(methods['dossiers.get'].output.safeParse(detail).success).toBe(true);
    expect(detail.days.map((d) => d.localDate)).toEqual(['2025-03-18']);
    expect(detail.days[0]!.visits.map((v) => [v.venueName, v.state])).toEqual(placed.map(() => ['Sainte-Chapelle', 'active']));
    expect(detail.totals).toMatchObject({ people: 75, paidCents: 0 });
    expect(detail.totals.heldCents).toBeGreaterThan(0);
    // Guides and leaders with nobody named yet, for each sub-group that has some.
    expect(detail.missing.filter((m) => m.kind === 'companionsMissing').reduce((n, m) => n + (m.kind === 'companionsMissing' ? m.count : 0), 0)).toBe(5);

    // Paid: the money moves from held to paid, and the tickets are still to print.
    await ok(agent, 'cart.add', { optionIds: placed.map((o) => o.id) });
    const guide = await ok<{ id: string }>(agent, 'companions.save', {
      kind: 'guide', surname: 'NDIAYE', firstName: 'Anna', email: 'anna@example.org', phone: '+33 6 12 34 56 78', placeholder: false,
    });
    await agent.sync.syncNow();
    await ok(agent, 'cart.applyToAll', { companionId: guide.id });
    const cart = await ok<CartDto>(agent, 'cart.get');
    expect(cart.groups.every((g) => g.dossierName === voltaire.name)).toBe(true);
    const order = await ok<OrderDetailDto>(agent, 'cart.checkout', {
      termsAccepted: true, payment: { method: 'card', card: { number: TEST_CARDS.approved, expiry: '12/29', cvc: '123', holder: 'Camille Martin' } },
    });
    await agent.sync.syncNow();
    const paid = await ok<DossierDetailDto>(agent, 'dossiers.get', { id: dossier.id });
    expect(paid.totals).toMatchObject({ people: 75, heldCents: 0, paidCents: detail.totals.heldCents });
    expect(paid.missing).toEqual(placed.map(() => expect.objectContaining({ kind: 'ticketsNotPrinted', orderNumber: order.row.number })));
    expect(paid.days[0]!.visits.every((v) => v.orderNumber === order.row.number)).toBe(true);
    // Who is named for the trip: the guide, once for each sub-group.
    expect(paid.companions.map((c) => [c.name, c.venueName])).toEqual(placed.map(() => ['Anna NDIAYE', 'Sainte-Chapelle']));

    // A monument booked through its own department belongs to the trip too.
    await ok(agent, 'requests.create', { venueId: 'pantheon', visitDate: '2025-03-19', headCount: 75, notes: 'Car à 9 h 30', dossierId: dossier.id });
    const withRequest = await ok<DossierDetailDto>(agent, 'dossiers.get', { id: dossier.id });
    expect(withRequest.requests).toEqual([expect.objectContaining({ venueName: 'Panthéon', visitDate: '2025-03-19', headCount: 75, state: 'sent' })]);

    // Printed per dossier: every sub-group's cover names the client group.
    const seen: BundleJob[] = [];
    const off = agent.on('bundles.changed', (job) => seen.push(job));
    const started = await ok<BundleJob>(agent, 'bundles.start', { scope: { kind: 'dossier', dossierId: dossier.id }, language: 'fr' });
    await expect.poll(() => seen.findLast((j) => j.id === started.id)?.state, { timeout: 120_000 }).toBe('done');
    off();
    expect(seen.findLast((j) => j.id === started.id)).toMatchObject({ ticketCount: 75, pagesTotal: 75 + placed.length, fileName: 'billets-lycee-voltaire-paris.pdf' });

    const orders = await ok<OrderRowDto[]>(agent, 'orders.list', {});
    expect(orders[0]!.dossiers).toEqual([{ id: dossier.id, name: voltaire.name }]);
    const tickets = await ok<TicketRowDto[]>(agent, 'tickets.list');
    expect(tickets).toHaveLength(75);
    expect(tickets.every((t) => t.dossier?.name === voltaire.name)).toBe(true);
  });

  it('moves an option with the other sub-groups of its split group to another dossier, on every workstation', async () => {
    const { central, desk } = await setUp();
    const agent = await desk(central.url);
    const colleague = await desk(central.url);
    const first = await ok<DossierRowDto>(agent, 'dossiers.save', voltaire);
    const second = await ok<DossierRowDto>(agent, 'dossiers.save', { ...voltaire, name: 'Japan Tours 4471', clientReference: 'JT-4471' });
    const placed = await placeSplitGroup(agent, first.id);
    const moved = await ok<OptionRowDto[]>(agent, 'options.moveToDossier', { optionId: placed[0]!.id, dossierId: second.id });
    expect(methods['options.moveToDossier'].output.safeParse(moved).success).toBe(true);
    expect(moved.map((o) => o.id).sort()).toEqual(placed.map((o) => o.id).sort());
    expect(moved.every((o) => o.dossierName === 'Japan Tours 4471')).toBe(true);
    await agent.sync.syncNow();
    await colleague.sync.syncNow();
    const seen = await ok<OptionRowDto[]>(colleague, 'options.list');
    expect(seen.filter((o) => placed.some((p) => p.id === o.id)).map((o) => o.dossierId)).toEqual(placed.map(() => second.id));
    expect((await dossiers(colleague)).map((d) => [d.name, d.visits])).toEqual([['Japan Tours 4471', placed.length], [voltaire.name, 0]]);
  });

  it('refuses a dossier without a name, or a trip that ends before it starts, naming the field and keeping nothing half-saved', async () => {
    const { central, desk } = await setUp();
    const agent = await desk(central.url);
    const unnamed = await agent.dispatch('dossiers.save', { ...voltaire, name: '  ' });
    expect(unnamed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ path: 'name', problem: 'too_small' }] } } });
    const backwards = await agent.dispatch('dossiers.save', { ...voltaire, travelTo: '2025-03-16' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ path: 'travelTo', problem: 'before_start' }] } } });
    expect(await dossiers(agent)).toEqual([]);
    expect((await agent.dispatch('options.place', { slotId: 'sainte-chapelle:nope', composition: { visitors: 10, guides: 0, leaders: 0 }, dossierId: 'no-such' })))
      .toMatchObject({ ok: false });
  });
});
