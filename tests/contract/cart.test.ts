// The cart on a desktop with no central service: buying at once where no option is possible,
// naming a companion for every guide and leader ticket, and the refusals to pay that need
// nobody to ask.
import { afterEach, describe, expect, it } from 'vitest';
import { methods } from '../../src-main/contract/methods.std.ts';
import type { CartDto } from '../../src-main/contract/schemas.std.ts';
import { options as optionsTable } from '../../src-main/core/store/schema.node.ts';
import { readSetting, writeSetting } from '../../src-main/core/store/settingsRepo.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { ok } from '../sync/helpers.node.ts';

const cores: TempCore[] = [];
afterEach(() => Promise.all(cores.splice(0).map((core) => core.close())));

async function desk() {
  const core = await tempCore(new Date('2025-01-10T09:00:00Z'));
  cores.push(core);
  return core;
}

interface MonthDay { date: string; slots: { id: string; remaining: number; status: string; startsAt: string }[] }

/** An open slot with room for `seats`, in March 2025. */
async function openSlot(core: TempCore, venueId: string, seats: number) {
  const month = await ok<{ days: MonthDay[] }>(core, 'calendar.month', { venueId, month: '2025-03' });
  const slot = month.days.flatMap((d) => d.slots).find((s) => s.status === 'open' && s.remaining >= seats);
  if (!slot) throw new Error(`no open slot for ${seats} at ${venueId}`);
  return slot;
}

const companion = (core: TempCore, surname: string, kind: 'guide' | 'leader' = 'leader') =>
  ok<{ id: string }>(core, 'companions.save', { kind, surname, firstName: 'Test', email: null, phone: null, placeholder: false });

const cart = (core: TempCore) => ok<CartDto>(core, 'cart.get');
const checkout = (core: TempCore, termsAccepted = true) =>
  core.dispatch('cart.checkout', { termsAccepted, payment: { method: 'transfer' } });

describe('buy at once', () => {
  it('puts a Vincennes group in the cart, priced, with nothing held and one companion line per guide and leader', async () => {
    const core = await desk();
    const slot = await openSlot(core, 'chateau-de-vincennes', 19);
    const counts: number[] = [];
    core.on('cart.changed', ({ count }) => counts.push(count));

    const value = await ok<CartDto>(core, 'cart.buyNow', { slotId: slot.id, composition: { visitors: 16, guides: 1, leaders: 2 } });
    expect(methods['cart.buyNow'].output.safeParse(value).success).toBe(true);
    expect(counts).toEqual([1]);
    const [group] = value.groups;
    expect(group).toMatchObject({ kind: 'direct', venueName: 'Château de Vincennes', slotId: slot.id, startsAt: slot.startsAt, expiresAt: null });
    // 16 visitors and 2 leaders of a group of 20 or fewer pay: 18 × 10,50 €.
    expect(value.totalCents).toBe(18 * 1050);
    expect(group!.companionLines.map(({ kind, index, unitCents, companionId }) => ({ kind, index, unitCents, companionId }))).toEqual([
      { kind: 'guide', index: 0, unitCents: 0, companionId: null },
      { kind: 'leader', index: 0, unitCents: 1050, companionId: null },
      { kind: 'leader', index: 1, unitCents: 1050, companionId: null },
    ]);
    expect(group!.companionLines[0]!.label.en).toMatch(/^Tour guide/);
    expect(group!.companionLines[1]!.label.en).toMatch(/Château de Vincennes: Reseller rate/);
    expect(value.undesignated).toBe(3);
    // Nothing is held: the calendar still offers every seat.
    expect((await openSlot(core, 'chateau-de-vincennes', slot.remaining)).id).toBe(slot.id);
  });

  it('a leader of a group of more than 20 travels free; a second leader pays the visitor tariff', async () => {
    const core = await desk();
    const slot = await openSlot(core, 'chateau-de-vincennes', 27);
    const { groups } = await ok<CartDto>(core, 'cart.buyNow', { slotId: slot.id, composition: { visitors: 25, guides: 0, leaders: 2 } });
    expect(groups[0]!.companionLines.map((l) => [l.label.en, l.unitCents])).toEqual([
      ['Accompanying leader', 0],
      [expect.stringContaining('Reseller rate'), 1050],
    ]);
  });

  it.each([
    ['below the venue minimum', { visitors: 5, guides: 0, leaders: 0 }, undefined, 'GROUP_RULE', { violations: [{ code: 'BELOW_MINIMUM', min: 8 }] }],
    ['above the slot maximum', { visitors: 34, guides: 1, leaders: 1 }, undefined, 'GROUP_RULE', { violations: [{ code: 'ABOVE_SLOT_MAXIMUM', max: 35 }] }],
    ['a special visit where the venue takes none online', { visitors: 16, guides: 1, leaders: 0 }, true, 'GROUP_RULE', { violations: [{ code: 'SPECIAL_VISIT_NOT_ALLOWED' }] }],
  ] as const)('refuses %s, naming the rule, and leaves the cart empty', async (_what, composition, specialVisit, rule, details) => {
    const core = await desk();
    const slot = await openSlot(core, 'chateau-de-vincennes', 10);
    const refused = await core.dispatch('cart.buyNow', { slotId: slot.id, composition, ...(specialVisit ? { specialVisit } : {}) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule, ...details } } });
    expect((await cart(core)).groups).toEqual([]);
  });

  it('refuses a slot that does not exist, one closed to groups, and seats the cart already counts on', async () => {
    const core = await desk();
    expect(await core.dispatch('cart.buyNow', { slotId: 'nowhere', composition: { visitors: 10, guides: 0, leaders: 0 } }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'slot', id: 'nowhere' } } });

    const slot = await openSlot(core, 'chateau-de-vincennes', 20);
    const half = Math.ceil(slot.remaining / 2) + 1;
    await ok(core, 'cart.buyNow', { slotId: slot.id, composition: { visitors: half, guides: 0, leaders: 0 } });
    expect(await core.dispatch('cart.buyNow', { slotId: slot.id, composition: { visitors: half, guides: 0, leaders: 0 } }))
      .toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'SLOT_FULL', remaining: slot.remaining - half } } });

    core.store.sqlite.prepare("UPDATE server_slots SET status = 'unavailable' WHERE id = ?").run(slot.id);
    expect(await core.dispatch('cart.buyNow', { slotId: slot.id, composition: { visitors: 10, guides: 0, leaders: 0 } }))
      .toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'SLOT_UNAVAILABLE' } } });
    expect((await cart(core)).groups).toHaveLength(1);
  });
});

describe('companions named in the cart', () => {
  async function cartWithTwoGroups(core: TempCore) {
    const vincennes = await openSlot(core, 'chateau-de-vincennes', 19);
    const arc = await openSlot(core, 'arc-de-triomphe', 30);
    await ok(core, 'cart.buyNow', { slotId: vincennes.id, composition: { visitors: 16, guides: 1, leaders: 1 } });
    return ok<CartDto>(core, 'cart.buyNow', { slotId: arc.id, composition: { visitors: 25, guides: 1, leaders: 1 } });
  }

  it('one line at a time, "Without accompanying" again, then Apply to all', async () => {
    const core = await desk();
    const lola = await companion(core, 'LAGO', 'guide');
    const anna = await companion(core, 'NDIAYE');
    const before = await cartWithTwoGroups(core);
    expect(before.undesignated).toBe(4);
    const firstLine = before.groups[0]!.companionLines[0]!;

    const named = await ok<CartDto>(core, 'cart.designate', { key: firstLine.key, companionId: lola.id });
    expect(methods['cart.designate'].output.safeParse(named).success).toBe(true);
    expect(named.groups[0]!.companionLines[0]!.companionId).toBe(lola.id);
    expect(named.undesignated).toBe(3);
    const unnamed = await ok<CartDto>(core, 'cart.designate', { key: firstLine.key, companionId: null });
    expect(unnamed.groups[0]!.companionLines[0]!.companionId).toBeNull();
    expect(unnamed.undesignated).toBe(4);

    const all = await ok<CartDto>(core, 'cart.applyToAll', { companionId: anna.id });
    expect(methods['cart.applyToAll'].output.safeParse(all).success).toBe(true);
    expect(all.groups.flatMap((g) => g.companionLines.map((l) => l.companionId))).toEqual([anna.id, anna.id, anna.id, anna.id]);
    expect(all.undesignated).toBe(0);
    // The cart is kept between launches: the same designations come back.
    expect(await cart(core)).toEqual(all);
  });

  it('deleting a companion named for visits to come is refused until confirmed; then its tickets are undesignated', async () => {
    const core = await desk();
    const anna = await companion(core, 'NDIAYE');
    await cartWithTwoGroups(core);
    expect((await ok<CartDto>(core, 'cart.applyToAll', { companionId: anna.id })).undesignated).toBe(0);
    const listed = await ok<{ id: string; futureBookings: number }[]>(core, 'companions.list');
    expect(listed.find((c) => c.id === anna.id)?.futureBookings).toBe(2);

    const refused = await core.dispatch('companions.delete', { id: anna.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'COMPANION_IN_USE', count: 2 } } });
    expect((await cart(core)).undesignated).toBe(0);

    await ok(core, 'companions.delete', { id: anna.id, confirmInUse: true });
    const after = await cart(core);
    expect(after.undesignated).toBe(4);
    expect(after.groups.flatMap((g) => g.companionLines.map((l) => l.companionId))).toEqual([null, null, null, null]);
  });

  it('refuses a companion not in the registry and a line not in the cart', async () => {
    const core = await desk();
    const { groups } = await cartWithTwoGroups(core);
    const key = groups[0]!.companionLines[0]!.key;
    const ghost = '3b241101-e2bb-4255-8caf-4136c566a962';
    expect(await core.dispatch('cart.designate', { key, companionId: ghost }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'companion', id: ghost } } });
    expect(await core.dispatch('cart.applyToAll', { companionId: ghost }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'companion' } } });
    const anna = await companion(core, 'NDIAYE');
    expect(await core.dispatch('cart.designate', { key: 'not-in-the-cart:guide:0', companionId: anna.id }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'companion line' } } });
    expect((await cart(core)).undesignated).toBe(4);
  });

  it('removing an item forgets the companions named for it', async () => {
    const core = await desk();
    const anna = await companion(core, 'NDIAYE');
    const { groups } = await cartWithTwoGroups(core);
    await ok(core, 'cart.applyToAll', { companionId: anna.id });
    const removed = await ok<CartDto>(core, 'cart.remove', { itemId: groups[0]!.itemId });
    expect(methods['cart.remove'].output.safeParse(removed).success).toBe(true);
    expect(removed.groups.map((g) => g.itemId)).toEqual([groups[1]!.itemId]);
    expect(Object.keys(readSetting<Record<string, string>>(core.store.db, 'cart.designations')!)
      .every((key) => key.startsWith(`${groups[1]!.itemId}:`))).toBe(true);
  });
});

describe('held options in the cart', () => {
  function holdOption(core: TempCore, slot: { id: string; startsAt: string }, state = 'active') {
    const id = crypto.randomUUID();
    core.store.db.insert(optionsTable).values({
      id, venueId: 'sainte-chapelle', slotId: slot.id, startsAt: slot.startsAt, composition: { visitors: 16, guides: 1, leaders: 0 },
      totalCents: 27200, state: state as 'active', expiresAt: '2025-01-17T12:15:00.000Z', groupBookingId: null, rejection: null,
      createdAt: '2025-01-10T09:00:00.000Z', updatedAt: '2025-01-10T09:00:00.000Z',
    }).run();
    return id;
  }

  it('a cart kept by an earlier Guichet (option ids only) is still there, and an option no longer held drops out', async () => {
    const core = await desk();
    const slot = await openSlot(core, 'sainte-chapelle', 17);
    const held = holdOption(core, slot);
    const lapsed = holdOption(core, slot, 'expired');
    writeSetting(core.store.db, 'cart.optionIds', [held, lapsed]);
    const { groups, totalCents, undesignated } = await cart(core);
    expect(groups.map((g) => [g.itemId, g.kind, g.expiresAt])).toEqual([[held, 'option', '2025-01-17T12:15:00.000Z']]);
    expect(totalCents).toBe(27200);
    expect(undesignated).toBe(1);
  });
});

describe('paying is refused before anything is sent, and the cart is kept as it is', () => {
  it('an empty cart', async () => {
    const core = await desk();
    expect(await checkout(core)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'CART_EMPTY' } } });
  });

  it('a guide or leader "Without accompanying", then terms not accepted, then no session', async () => {
    const core = await desk();
    const slot = await openSlot(core, 'chateau-de-vincennes', 19);
    const anna = await companion(core, 'NDIAYE');
    const first = await ok<CartDto>(core, 'cart.buyNow', { slotId: slot.id, composition: { visitors: 16, guides: 1, leaders: 1 } });
    await ok(core, 'cart.designate', { key: first.groups[0]!.companionLines[0]!.key, companionId: anna.id });
    const before = await cart(core);

    expect(await checkout(core)).toEqual({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: 'Not all accompanying leaders are designated', details: { rule: 'COMPANIONS_MISSING', count: 1 } },
    });
    expect(await cart(core)).toEqual(before);

    await ok(core, 'cart.applyToAll', { companionId: anna.id });
    const designated = await cart(core);
    expect(await checkout(core, false)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'TERMS_NOT_ACCEPTED' } } });
    expect(await checkout(core)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'SIGN_IN_TO_PAY' } } });
    expect(await cart(core)).toEqual(designated);
  });
});
