// The seed's own example, end to end through the contract: 16 visitors and a guide at
// Sainte-Chapelle on 18 March 2025 13:15 cost 272,00 € and hold until 17 January 13:15.
import { afterAll, describe, expect, it } from 'vitest';
import { tempCore } from '../support/tempCore.node.ts';

const core = await tempCore(new Date('2025-01-10T09:00:00Z'));
afterAll(() => core.close());

async function slotAt(venueId: string, date: string, time: string) {
  const month = await core.dispatch('calendar.month', { venueId, month: date.slice(0, 7) });
  if (!month.ok) throw new Error(month.error.message);
  const { days } = month.value as { days: { date: string; slots: { id: string; localTime: string; capacity: number }[] }[] };
  return days.find((d) => d.date === date)!.slots.find((s) => s.localTime === time)!;
}

describe('booking.quote', () => {
  it('prices the seed example and shows the option expiry 60 days before', async () => {
    const slot = await slotAt('sainte-chapelle', '2025-03-18', '13:15');
    expect(slot.capacity).toBe(26);
    const quote = await core.dispatch('booking.quote', { slotId: slot.id, composition: { visitors: 16, guides: 1, leaders: 0 } });
    expect(quote).toMatchObject({
      ok: true,
      value: {
        headCount: 17,
        totalCents: 27200,
        discountCents: 0,
        option: { possible: true, expiresAt: '2025-01-17T12:15:00.000Z' },
        violations: [],
      },
    });
  });

  it('offers no option at Vincennes: bookings there are paid at once', async () => {
    const slot = await slotAt('chateau-de-vincennes', '2025-03-18', '10:00');
    const quote = await core.dispatch('booking.quote', { slotId: slot.id, composition: { visitors: 20, guides: 0, leaders: 1 } });
    expect(quote).toMatchObject({ ok: true, value: { option: { possible: false, reason: 'NO_HOLDING_PERIOD' } } });
  });

  it('plans 75 people at Sainte-Chapelle as sub-groups of at most 26', async () => {
    const plan = await core.dispatch('booking.planSplit', {
      venueId: 'sainte-chapelle', date: '2025-03-18', composition: { visitors: 70, guides: 3, leaders: 2 },
    });
    if (!plan.ok) throw new Error(plan.error.message);
    const value = plan.value as { ok: true; subGroups: { composition: { visitors: number; guides: number; leaders: number } }[] };
    expect(value.ok).toBe(true);
    const sizes = value.subGroups.map(({ composition: c }) => c.visitors + c.guides + c.leaders);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(75);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(26);
  });
});
