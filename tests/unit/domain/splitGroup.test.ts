import { describe, expect, it } from 'vitest';
import { demoVenues } from '../../../src-main/core/domain/demoCatalogue.std.ts';
import type { GroupComposition } from '../../../src-main/core/domain/groupComposition.std.ts';
import { splitGroup, type SplitCandidate, type SplitPlan } from '../../../src-main/core/domain/splitGroup.std.ts';

const rulesOf = (id: string) => demoVenues.find((v) => v.id === id)!.rules;
const sainteChapelle = rulesOf('sainte-chapelle');
const arc = rulesOf('arc-de-triomphe');
const vincennes = rulesOf('chateau-de-vincennes');

/** One candidate per entry, a quarter-hour apart from 08:00Z; null = not bookable. */
function day(localDate: string, remainings: (number | null)[]): SplitCandidate[] {
  return remainings.map((remaining, i) => {
    const minutes = 8 * 60 + 15 * i;
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const startsAt = `${localDate}T${hhmm}:00Z`;
    return { slotId: `v:${startsAt}`, startsAt, localDate, remaining: remaining ?? 26, bookable: remaining !== null };
  });
}

const group = (visitors: number, guides = 0, leaders = 0): GroupComposition => ({ visitors, guides, leaders });

function subGroupsOf(plan: SplitPlan) {
  if (!plan.ok) throw new Error(`expected a plan, got ${plan.code} (${plan.missing} missing)`);
  return plan.subGroups;
}
const sizes = (plan: SplitPlan) => subGroupsOf(plan).map(({ composition: c }) => c.visitors + c.guides + c.leaders);

describe('splitGroup: sizes and slots', () => {
  it('splits 75 people over three empty 26-place slots as 25/25/25, the wished day first, in time order', () => {
    const plan = splitGroup({
      rules: sainteChapelle, composition: group(72, 3), preferredDate: '2025-03-18',
      candidates: [...day('2025-03-17', [26, 26, 26]), ...day('2025-03-18', [26, 26, 26, 26])],
    });
    expect(sizes(plan)).toEqual([25, 25, 25]);
    expect(subGroupsOf(plan).map((s) => s.startsAt)).toEqual(['2025-03-18T08:00:00Z', '2025-03-18T08:15:00Z', '2025-03-18T08:30:00Z']);
  });

  it('splits 60 people at a 35-place venue into two sub-groups of 30', () => {
    const plan = splitGroup({ rules: arc, composition: group(58, 2), preferredDate: '2025-06-02', candidates: day('2025-06-02', [35, 35, 35]) });
    expect(sizes(plan)).toEqual([30, 30]);
  });

  it('keeps a group that fits one slot whole, on the first slot with room', () => {
    const plan = splitGroup({ rules: sainteChapelle, composition: group(16, 1), preferredDate: '2025-03-18', candidates: day('2025-03-18', [10, 26, 26]) });
    expect(subGroupsOf(plan)).toEqual([{
      slotId: 'v:2025-03-18T08:15:00Z', startsAt: '2025-03-18T08:15:00Z', composition: group(16, 1),
      breakdown: { headCount: 17, paidVisitors: 16, freeGuides: 1, freeLeaders: 0, paidLeaders: 0 }, warnings: [],
    }]);
  });

  it('never puts more in a slot than it has left, skipping full and unavailable slots', () => {
    const plan = splitGroup({
      rules: sainteChapelle, composition: group(28, 2), preferredDate: '2025-03-18',
      candidates: day('2025-03-18', [0, null, 12, 26]),
    });
    expect(subGroupsOf(plan).map((s) => s.slotId)).toEqual(['v:2025-03-18T08:30:00Z', 'v:2025-03-18T08:45:00Z']);
    expect(sizes(plan)).toEqual([12, 18]);
  });

  it('never exceeds the venue maximum even when the platform reports more seats', () => {
    const plan = splitGroup({ rules: sainteChapelle, composition: group(30), preferredDate: '2025-03-18', candidates: day('2025-03-18', [40, 40]) });
    expect(sizes(plan)).toEqual([15, 15]);
  });

  it('avoids a sub-group below the minimum when other slots can seat everyone', () => {
    const plan = splitGroup({ rules: sainteChapelle, composition: group(28), preferredDate: '2025-03-18', candidates: day('2025-03-18', [3, 26, 26]) });
    expect(sizes(plan)).toEqual([14, 14]);
  });
});

describe('splitGroup: which days', () => {
  it('goes to the following days before the earlier ones when the wished day is full', () => {
    const candidates = [...day('2025-03-17', [26]), ...day('2025-03-18', [0]), ...day('2025-03-19', [26])];
    const plan = splitGroup({ rules: sainteChapelle, composition: group(20), preferredDate: '2025-03-18', candidates });
    expect(subGroupsOf(plan)[0]?.startsAt).toBe('2025-03-19T08:00:00Z');
  });

  it('goes to an earlier day, nearest first, when no later day has room', () => {
    const candidates = [...day('2025-03-15', [26]), ...day('2025-03-17', [26]), ...day('2025-03-18', [0]), ...day('2025-03-19', [0])];
    const plan = splitGroup({ rules: sainteChapelle, composition: group(20), preferredDate: '2025-03-18', candidates });
    expect(subGroupsOf(plan)[0]?.startsAt).toBe('2025-03-17T08:00:00Z');
  });

  it('seats as many as it can on the wished day before spilling to the next', () => {
    const candidates = [...day('2025-03-18', [10]), ...day('2025-03-19', [26, 26])];
    const plan = splitGroup({ rules: sainteChapelle, composition: group(30), preferredDate: '2025-03-18', candidates });
    expect(subGroupsOf(plan).map((s) => [s.startsAt.slice(0, 10), s.composition.visitors])).toEqual([['2025-03-18', 10], ['2025-03-19', 20]]);
  });

  it('splits on the wished day rather than moving a group that no single slot there can take', () => {
    const candidates = [...day('2025-03-18', [12, 10]), ...day('2025-03-19', [26])];
    const plan = splitGroup({ rules: sainteChapelle, composition: group(20), preferredDate: '2025-03-18', candidates });
    expect(subGroupsOf(plan).map((s) => s.startsAt.slice(0, 10))).toEqual(['2025-03-18', '2025-03-18']);
    expect(sizes(plan)).toEqual([10, 10]);
  });
});

describe('splitGroup: companions', () => {
  it('gives every sub-group one companion when there are enough, counted in its size', () => {
    const plan = splitGroup({ rules: sainteChapelle, composition: group(72, 2, 1), preferredDate: '2025-03-18', candidates: day('2025-03-18', [26, 26, 26]) });
    const parts = subGroupsOf(plan);
    expect(parts.map((s) => s.composition.guides + s.composition.leaders)).toEqual([1, 1, 1]);
    expect(parts.map((s) => s.composition.visitors)).toEqual([24, 24, 24]);
    const led = parts.find((s) => s.composition.leaders === 1)!;
    expect(led.breakdown).toMatchObject({ freeLeaders: 1, paidLeaders: 0 });
    expect(parts.flatMap((s) => s.warnings)).toEqual([]);
  });

  it('spreads guides before leaders, and extra leaders to sub-groups without one', () => {
    const plan = splitGroup({ rules: sainteChapelle, composition: group(71, 2, 2), preferredDate: '2025-03-18', candidates: day('2025-03-18', [26, 26, 26]) });
    const parts = subGroupsOf(plan).map((s) => s.composition);
    expect(parts.every((c) => c.guides + c.leaders >= 1)).toBe(true);
    expect(parts.every((c) => c.leaders <= 1)).toBe(true);
    expect(parts.reduce((n, c) => n + c.guides, 0)).toBe(2);
    expect(parts.reduce((n, c) => n + c.visitors, 0)).toBe(71);
  });

  it('warns about sub-groups left without a companion', () => {
    const plan = splitGroup({ rules: sainteChapelle, composition: group(74, 1), preferredDate: '2025-03-18', candidates: day('2025-03-18', [26, 26, 26]) });
    const without = subGroupsOf(plan).filter((s) => s.warnings.some((w) => w.code === 'SUBGROUP_WITHOUT_COMPANION'));
    expect(without).toHaveLength(2);
    expect(without.every((s) => s.composition.guides === 0)).toBe(true);
  });

  it('warns when splitting costs the leader the free ticket (20 visitors or fewer in the sub-group)', () => {
    const plan = splitGroup({ rules: sainteChapelle, composition: group(40, 0, 1), preferredDate: '2025-03-18', candidates: day('2025-03-18', [26, 26]) });
    const led = subGroupsOf(plan).find((s) => s.composition.leaders === 1)!;
    expect(led.composition.visitors).toBe(20);
    expect(led.breakdown).toMatchObject({ freeLeaders: 0, paidLeaders: 1 });
    expect(led.warnings).toContainEqual({ code: 'LEADER_LOSES_FREE_TICKET', subGroupVisitors: 20 });
  });

  it('does not warn about a leader who was never free', () => {
    const plan = splitGroup({ rules: sainteChapelle, composition: group(19, 0, 1), preferredDate: '2025-03-18', candidates: day('2025-03-18', [10, 10]) });
    expect(subGroupsOf(plan).flatMap((s) => s.warnings).map((w) => w.code)).not.toContain('LEADER_LOSES_FREE_TICKET');
  });

  it('warns about sub-groups below the venue minimum unless a guide saves them', () => {
    const atVincennes = splitGroup({ rules: vincennes, composition: group(12), preferredDate: '2025-03-18', candidates: day('2025-03-18', [6, 6]) });
    expect(subGroupsOf(atVincennes).map((s) => s.warnings)).toEqual([
      [{ code: 'SUBGROUP_BELOW_MINIMUM', min: 8 }, { code: 'SUBGROUP_WITHOUT_COMPANION' }],
      [{ code: 'SUBGROUP_BELOW_MINIMUM', min: 8 }, { code: 'SUBGROUP_WITHOUT_COMPANION' }],
    ]);
    const guided = splitGroup({ rules: sainteChapelle, composition: group(10, 2), preferredDate: '2025-03-18', candidates: day('2025-03-18', [6, 6]) });
    expect(subGroupsOf(guided).flatMap((s) => s.warnings)).toEqual([]);
  });
});

describe('splitGroup: not enough capacity', () => {
  it('says how many people cannot be seated', () => {
    const plan = splitGroup({ rules: sainteChapelle, composition: group(73, 2), preferredDate: '2025-03-18', candidates: day('2025-03-18', [26, 40, 0, null]) });
    expect(plan).toEqual({ ok: false, code: 'NOT_ENOUGH_CAPACITY', missing: 75 - 52 });
  });

  it('with no slot at all, everyone is missing', () => {
    expect(splitGroup({ rules: arc, composition: group(50), preferredDate: '2025-06-02', candidates: [] }))
      .toEqual({ ok: false, code: 'NOT_ENOUGH_CAPACITY', missing: 50 });
  });
});

describe('splitGroup from the slot the agent picked', () => {
  it('starts at the picked time on the wished day, then takes the following slots', () => {
    const day = '2025-03-18';
    const candidates = ['09:00', '09:15', '11:00', '11:15', '11:30'].map((time, i) => ({
      slotId: `s${i}`, startsAt: `${day}T${String(Number(time.slice(0, 2)) - 1).padStart(2, '0')}:${time.slice(3)}:00.000Z`, localDate: day, remaining: 26, bookable: true,
    }));
    const rules = { slotMode: 'timed', minGroupSize: 8, guidedGroupAnySize: true, maxPerSlot: 26, holdingDays: 60, specialVisits: false } as const;
    const plan = splitGroup({ rules, composition: { visitors: 70, guides: 3, leaders: 2 }, candidates, preferredDate: day, preferredStart: candidates[2]!.startsAt });
    expect(plan.ok && plan.subGroups.map((g) => g.slotId)).toEqual(['s2', 's3', 's4']);
  });
});
