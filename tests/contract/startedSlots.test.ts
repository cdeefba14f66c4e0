// A slot whose time has come is past: at 20:10 in Paris the morning's slots are no longer
// offered, taken into the cart or paid, and every refusal says why (the slot has started),
// not "not enough places". The desk's clock decides, as the server's would.
import { afterEach, describe, expect, it } from 'vitest';
import type { CartDto, QuoteDto } from '../../src-main/contract/schemas.std.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { ok } from '../sync/helpers.node.ts';

const cores: TempCore[] = [];
afterEach(() => Promise.all(cores.splice(0).map((core) => core.close())));

const EVENING = new Date('2025-01-10T19:10:00Z');

async function desk(clock = { now: EVENING }) {
  const core = await tempCore(clock.now, { now: () => clock.now });
  cores.push(core);
  return core;
}

interface MonthDay { date: string; slots: { id: string; localTime: string; remaining: number; capacity: number; status: string; startsAt: string }[] }

async function arcSlot(core: TempCore, time: string) {
  const month = await ok<{ days: MonthDay[] }>(core, 'calendar.month', { venueId: 'arc-de-triomphe', month: '2025-01' });
  return month.days.find((d) => d.date === '2025-01-10')!.slots.find((s) => s.localTime === time)!;
}

const group = { visitors: 20, guides: 1, leaders: 0 };

describe('slots that have already started', () => {
  it('are past in the calendar, while the evening slots stay open', async () => {
    const core = await desk();
    expect(await arcSlot(core, '10:00')).toMatchObject({ status: 'past', capacity: 35 });
    expect(await arcSlot(core, '20:00')).toMatchObject({ status: 'past' });
    expect(await arcSlot(core, '20:15')).toMatchObject({ status: 'open' });
  });

  it('are quoted as started, and refused for buying at once with their own reason', async () => {
    const core = await desk();
    const slot = await arcSlot(core, '10:00');
    expect(await ok<QuoteDto>(core, 'booking.quote', { slotId: slot.id, composition: group })).toMatchObject({ started: true });
    expect(await ok<QuoteDto>(core, 'booking.quote', { slotId: (await arcSlot(core, '21:00')).id, composition: group })).toMatchObject({ started: false });
    const refused = await core.dispatch('cart.buyNow', { slotId: slot.id, composition: group });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'SLOT_STARTED' } } });
    expect((await ok<CartDto>(core, 'cart.get')).groups).toEqual([]);
  });

  it('are left out of the split planner', async () => {
    const core = await desk();
    const wished = await arcSlot(core, '20:15');
    const plan = await ok<{ ok: true; subGroups: { startsAt: string }[] }>(core, 'booking.planSplit', {
      venueId: 'arc-de-triomphe', date: '2025-01-10', startsAt: wished.startsAt, composition: { visitors: 300, guides: 2, leaders: 0 },
    });
    expect(plan.subGroups.length).toBeGreaterThan(0);
    expect(plan.subGroups.filter((g) => g.startsAt <= EVENING.toISOString())).toEqual([]);
  });

  it('show in the cart as started once their time passes, and the cart is not paid', async () => {
    const clock = { now: new Date('2025-01-10T08:00:00Z') };
    const core = await desk(clock);
    const slot = await arcSlot(core, '10:00');
    const cart = await ok<CartDto>(core, 'cart.buyNow', { slotId: slot.id, composition: { visitors: 8, guides: 0, leaders: 0 } });
    expect(cart.groups[0]).toMatchObject({ started: false });

    clock.now = EVENING;
    expect((await ok<CartDto>(core, 'cart.get')).groups[0]).toMatchObject({ started: true });
    const paid = await core.dispatch('cart.checkout', { termsAccepted: true, payment: { method: 'transfer' } });
    expect(paid).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'SLOT_STARTED', count: 1 } } });
  });
});
