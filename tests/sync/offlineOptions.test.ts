// The desktop against a real central service on loopback: options prepared offline,
// sent exactly once, refused with alternatives when another office took the seats,
// expired by the server's clock only.
import { afterEach, describe, expect, it } from 'vitest';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { methods } from '../../src-main/contract/methods.std.ts';
import { ok, options, slotAt } from './helpers.node.ts';
import { startCuttableProxy } from '../support/cuttableProxy.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(localNow = new Date('2025-01-10T09:00:00Z')) {
  const central = await startCentralHarness();
  cleanups.push(central.close);
  return {
    central,
    office: (now = localNow) => officeOn(central, now),
    /** An office whose network the test can cut. */
    async cuttableOffice() {
      const proxy = await startCuttableProxy(central.url);
      cleanups.push(proxy.close);
      return { proxy, desk: await officeOn(central, localNow, proxy.url) };
    },
  };
}

async function officeOn(central: CentralHarness, now: Date, centralUrl = central.url): Promise<TempCore> {
  const core = await tempCore(now, { centralUrl });
  cleanups.push(() => core.close());
  const credentials = await central.validatedOffice();
  const status = await ok(core, 'account.signIn', credentials);
  expect(methods['account.signIn'].output.safeParse(status).success).toBe(true);
  await core.sync.syncNow();
  return core;
}

const group = (visitors: number, guides = 1, leaders = 0) => ({ visitors, guides, leaders });

describe('options through sync', () => {
  it('an option placed is pending until the server holds it, with the server’s expiry', async () => {
    const { office } = await setUp();
    const desk = await office();
    const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '13:15');
    const placed = await ok<{ id: string; state: string }>(desk, 'options.place', { slotId: slot.id, composition: group(16) });
    expect(methods['options.place'].output.safeParse(placed).success).toBe(true);
    expect(placed.state).toBe('pending');
    expect((await ok<{ pendingChanges: number }>(desk, 'sync.status')).pendingChanges).toBe(1);

    const status = await ok<{ connection: string; pendingChanges: number }>(desk, 'sync.now');
    expect(status).toMatchObject({ connection: 'online', pendingChanges: 0 });
    const [option] = await options(desk);
    expect(option).toMatchObject({ id: placed.id, state: 'active', expiresAt: '2025-01-17T12:15:00.000Z' });
    expect((await slotAt(desk, 'sainte-chapelle', '2025-03-18', '13:15')).remaining).toBe(slot.remaining - 17);
  });

  it('a slot filled by another office while this one was offline: refused with alternatives, re-placed in one step', async () => {
    const { office, cuttableOffice } = await setUp();
    const { proxy, desk: offline } = await cuttableOffice();
    const other = await office();
    const slot = await slotAt(offline, 'sainte-chapelle', '2025-03-18', '10:00');
    expect(slot.remaining).toBeGreaterThanOrEqual(20);

    proxy.cut();
    await ok(offline, 'options.place', { slotId: slot.id, composition: group(19) });
    expect(await offline.sync.syncNow()).toMatchObject({ connection: 'offline', pendingChanges: 1 });
    expect((await options(offline))[0]!.state).toBe('pending');
    // The other office takes the seats first (this office's push has not reached the server).
    await ok(other, 'options.place', { slotId: slot.id, composition: group(slot.remaining - 1, 1) });
    await other.sync.syncNow();

    proxy.restore();
    await offline.sync.syncNow();
    const [rejected] = await options(offline);
    expect(rejected!.state).toBe('rejected');
    expect(rejected!.rejection!.code).toBe('SLOT_FULL');
    expect(rejected!.rejection!.alternatives.length).toBeGreaterThan(0);
    const sameDay = rejected!.rejection!.alternatives[0]!;
    expect(sameDay.startsAt.slice(0, 10)).toBe('2025-03-18');
    expect((await ok<{ rejectedChanges: number }>(offline, 'sync.status')).rejectedChanges).toBe(1);

    const replaced = await ok<{ id: string }>(offline, 'options.replace', { optionId: rejected!.id, slotId: sameDay.slotId });
    await offline.sync.syncNow();
    const after = await options(offline);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: replaced.id, state: 'active', slotId: sameDay.slotId });
  });

  it('placed and cancelled offline on a slot another office filled meanwhile: gone from the list, neither cancelled nor refused', async () => {
    const { office, cuttableOffice } = await setUp();
    const { proxy, desk: offline } = await cuttableOffice();
    const other = await office();
    const slot = await slotAt(offline, 'sainte-chapelle', '2025-03-18', '11:00');
    proxy.cut();
    const placed = await ok<{ id: string }>(offline, 'options.place', { slotId: slot.id, composition: group(19) });
    await ok(offline, 'options.cancel', { optionId: placed.id });
    expect((await options(offline)).map((o) => o.state)).toEqual(['cancelled']);
    await ok(other, 'options.place', { slotId: slot.id, composition: group(slot.remaining - 1, 1) });
    await other.sync.syncNow();

    proxy.restore();
    expect(await offline.sync.syncNow()).toMatchObject({ connection: 'online', pendingChanges: 0, rejectedChanges: 0 });
    // The service never held it: the desk shows nothing the service does not have.
    expect(await options(offline)).toEqual([]);
  });

  it('two workstations of one office share its options; another office sees only the seats taken', async () => {
    const { central, office } = await setUp();
    const credentials = await central.validatedOffice('Voyages Partagés');
    const desks = await Promise.all([0, 1].map(async () => {
      const desk = await tempCore(new Date('2025-01-10T09:00:00Z'), { centralUrl: central.url });
      cleanups.push(() => desk.close());
      await ok(desk, 'account.signIn', credentials);
      await desk.sync.syncNow();
      return desk;
    }));
    const stranger = await office();
    const slot = await slotAt(desks[0]!, 'arc-de-triomphe', '2025-03-21', '10:00');
    const placed = await ok<{ id: string }>(desks[0]!, 'options.place', { slotId: slot.id, composition: group(30, 1, 1) });
    await desks[0]!.sync.syncNow();
    await desks[1]!.sync.syncNow();
    await stranger.sync.syncNow();
    expect((await options(desks[1]!)).map((o) => [o.id, o.state])).toEqual([[placed.id, 'active']]);
    expect(await options(stranger)).toEqual([]);
    expect((await slotAt(stranger, 'arc-de-triomphe', '2025-03-21', '10:00')).remaining).toBe(slot.remaining - 32);
    const cancelByStranger = await stranger.dispatch('options.cancel', { optionId: placed.id });
    expect(cancelByStranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses to sign in as another office while changes of the previous one are unsent', async () => {
    const { central, cuttableOffice } = await setUp();
    const { proxy, desk } = await cuttableOffice();
    const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '11:00');
    proxy.cut();
    await ok(desk, 'options.place', { slotId: slot.id, composition: group(10) });
    await ok(desk, 'account.signOut');
    proxy.restore();
    const refused = await desk.dispatch('account.signIn', await central.validatedOffice('Autre Agence'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'UNSENT_CHANGES', count: 1 } } });
    expect((await options(desk)).map((o) => o.state)).toEqual(['pending']);
  });

  it('a group of 75 is placed as three sub-groups of at most 26 sharing one group booking', async () => {
    const { office } = await setUp();
    const desk = await office();
    const plan = await ok<{ ok: true; subGroups: { slotId: string; composition: { visitors: number; guides: number; leaders: number } }[] }>(
      desk, 'booking.planSplit', { venueId: 'sainte-chapelle', date: '2025-03-18', composition: { visitors: 70, guides: 3, leaders: 2 } });
    expect(plan.subGroups).toHaveLength(3);
    const placed = await ok<{ groupBookingId: string }[]>(desk, 'options.placeGroup', { subGroups: plan.subGroups.map(({ slotId, composition }) => ({ slotId, composition })) });
    expect(new Set(placed.map((o) => o.groupBookingId)).size).toBe(1);
    await desk.sync.syncNow();
    const held = await options(desk);
    expect(held.map((o) => o.state)).toEqual(['active', 'active', 'active']);
    expect(held.reduce((sum, o) => sum + o.headCount, 0)).toBe(75);
    expect(Math.max(...held.map((o) => o.headCount))).toBeLessThanOrEqual(26);
  });

  it('resizing grows and shrinks a held option; a grow the slot cannot take keeps every held seat', async () => {
    const { office, cuttableOffice } = await setUp();
    const { proxy, desk } = await cuttableOffice();
    const other = await office();
    const slot = await slotAt(desk, 'conciergerie', '2025-03-21', '14:00');
    const placed = await ok<{ id: string }>(desk, 'options.place', { slotId: slot.id, composition: group(10) });
    await desk.sync.syncNow();

    await ok(desk, 'options.resize', { optionId: placed.id, composition: group(14) });
    expect((await options(desk))[0]).toMatchObject({ headCount: 11 });
    await desk.sync.syncNow();
    expect((await options(desk))[0]).toMatchObject({ state: 'active', headCount: 15 });

    await ok(other, 'options.place', { slotId: slot.id, composition: group(slot.remaining - 16, 0) });
    await other.sync.syncNow();
    await desk.sync.syncNow();
    const room = (await slotAt(desk, 'conciergerie', '2025-03-21', '14:00')).remaining;
    expect(room).toBe(1);
    // Offline, this workstation asks for the last place; the other office takes it first.
    proxy.cut();
    await ok(desk, 'options.resize', { optionId: placed.id, composition: group(15) });
    await ok(other, 'options.resize', { optionId: (await options(other))[0]!.id, composition: group(slot.remaining - 15, 0) });
    await other.sync.syncNow();
    proxy.restore();
    await desk.sync.syncNow();
    const [kept] = await options(desk);
    expect(kept).toMatchObject({ state: 'active', headCount: 15, rejection: { code: 'SLOT_FULL', change: 'resize' } });

    await ok(desk, 'options.resize', { optionId: placed.id, composition: group(8) });
    await desk.sync.syncNow();
    expect((await options(desk))[0]).toMatchObject({ headCount: 9, rejection: null });
  });

  it('the companion registry is shared by the office’s workstations and by no other office', async () => {
    const { central, office } = await setUp();
    const credentials = await central.validatedOffice('Voyages Registre');
    const desks = await Promise.all([0, 1].map(async () => {
      const desk = await tempCore(new Date('2025-01-10T09:00:00Z'), { centralUrl: central.url });
      cleanups.push(() => desk.close());
      await ok(desk, 'account.signIn', credentials);
      return desk;
    }));
    const stranger = await office();
    const saved = await ok<{ id: string; pending: boolean }>(desks[0]!, 'companions.save', {
      kind: 'guide', surname: 'NDIAYE', firstName: 'Anna', email: 'anna@example.org', phone: '+33 6 00 00 00 01', placeholder: false,
    });
    expect(saved.pending).toBe(true);
    await desks[0]!.sync.syncNow();
    await desks[1]!.sync.syncNow();
    await stranger.sync.syncNow();
    expect(await ok(desks[1]!, 'companions.list')).toEqual([expect.objectContaining({ id: saved.id, surname: 'NDIAYE', pending: false })]);
    expect(await ok(stranger, 'companions.list')).toEqual([]);

    await ok(desks[1]!, 'companions.save', { id: saved.id, kind: 'guide', surname: 'NDIAYE', firstName: 'Anna-Maria', email: null, phone: null, placeholder: false });
    await desks[1]!.sync.syncNow();
    await desks[0]!.sync.syncNow();
    expect(await ok(desks[0]!, 'companions.list')).toEqual([expect.objectContaining({ firstName: 'Anna-Maria', email: null })]);

    await ok(desks[0]!, 'companions.delete', { id: saved.id });
    await desks[0]!.sync.syncNow();
    await desks[1]!.sync.syncNow();
    expect(await ok(desks[1]!, 'companions.list')).toEqual([]);
  });

  it('cancelling returns the seats, for every office', async () => {
    const { office } = await setUp();
    const desk = await office();
    const other = await office();
    const slot = await slotAt(desk, 'conciergerie', '2025-03-20', '11:00');
    const placed = await ok<{ id: string }>(desk, 'options.place', { slotId: slot.id, composition: group(12) });
    await desk.sync.syncNow();
    await other.sync.syncNow();
    expect((await slotAt(other, 'conciergerie', '2025-03-20', '11:00')).remaining).toBe(slot.remaining - 13);

    await ok(desk, 'options.cancel', { optionId: placed.id });
    await desk.sync.syncNow();
    await other.sync.syncNow();
    expect((await options(desk))[0]!.state).toBe('cancelled');
    expect((await slotAt(other, 'conciergerie', '2025-03-20', '11:00')).remaining).toBe(slot.remaining);
  });

  it('an option expires by the server clock while the office is offline; its seats are free again', async () => {
    const { central, cuttableOffice } = await setUp();
    const { proxy, desk } = await cuttableOffice();
    const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '15:00');
    await ok(desk, 'options.place', { slotId: slot.id, composition: group(20) });
    await desk.sync.syncNow();
    expect((await options(desk))[0]!.state).toBe('active');
    proxy.cut();

    central.clock.now = new Date('2025-01-17T14:16:00Z'); // 17 January 15:16 in Paris: past 14:00 expiry.
    expect(await central.sweepExpired()).toBe(1);
    expect((await desk.sync.syncNow()).connection).toBe('offline');
    expect((await options(desk))[0]!.state).toBe('active');
    proxy.restore();
    await desk.sync.syncNow();
    expect((await options(desk))[0]!.state).toBe('expired');
    expect((await slotAt(desk, 'sainte-chapelle', '2025-03-18', '15:00')).remaining).toBe(slot.remaining);
  });

  it('a workstation whose clock is days off still follows the server for expiry', async () => {
    const { office } = await setUp();
    // The office computer believes it is 20 January; the server knows it is 10 January.
    const desk = await office(new Date('2025-01-20T09:00:00Z'));
    const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '13:15');
    const quote = await ok<{ option: { possible: boolean; expiresAt?: string } }>(desk, 'booking.quote', { slotId: slot.id, composition: group(16) });
    expect(quote.option).toEqual({ possible: true, expiresAt: '2025-01-17T12:15:00.000Z' });
    await ok(desk, 'options.place', { slotId: slot.id, composition: group(16) });
    await desk.sync.syncNow();
    expect((await options(desk))[0]).toMatchObject({ state: 'active', expiresAt: '2025-01-17T12:15:00.000Z' });
  });
});
