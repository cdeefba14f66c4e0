// Plans how a group too large for one slot is spread over several ("if your group has more
// people than allowed, e.g. 75, divide it into sub-groups on different slots" — FAQ).
//
// Priorities, in order:
//   1. the wished day: a group travelling by coach cannot easily change date, so later days
//      (nearest first), then earlier days (nearest first) are only drawn on when the days
//      before them in that order lack capacity;
//   2. within those days, as few slots as possible: each sub-group needs its own companion
//      and its own entrance;
//   3. among equally few slots, the earliest in that order (the wished day's morning first);
//   4. sizes as even as the slots' remaining seats allow (75 on three empty 26s → 25/25/25).
// Before all of these, slots with too few seats left for a sub-group of the venue's minimum
// are set aside whenever the others can seat everyone: the venue would refuse that sub-group.
import { headCount, isBelowMinimum, leadersTravelFree, ticketBreakdown, type GroupComposition, type TicketBreakdown } from './groupComposition.std.ts';
import type { BookingRules } from './venues.std.ts';

export interface SplitCandidate {
  slotId: string;
  startsAt: string;
  localDate: string;
  remaining: number;
  bookable: boolean;
}

export type SplitWarning =
  | { code: 'LEADER_LOSES_FREE_TICKET'; subGroupVisitors: number }
  | { code: 'SUBGROUP_BELOW_MINIMUM'; min: number }
  | { code: 'SUBGROUP_WITHOUT_COMPANION' };

export interface SubGroupPlan {
  slotId: string;
  startsAt: string;
  composition: GroupComposition;
  breakdown: TicketBreakdown;
  warnings: SplitWarning[];
}

export type SplitPlan =
  | { ok: true; subGroups: SubGroupPlan[] }
  | { ok: false; code: 'NOT_ENOUGH_CAPACITY'; missing: number };

export interface SplitRequest {
  rules: BookingRules;
  composition: GroupComposition;
  candidates: SplitCandidate[];
  preferredDate: string;
  /** The slot the agent picked: on the wished day, slots from this time on come first. */
  preferredStart?: string;
}

interface Seats {
  candidate: SplitCandidate;
  /** What this slot can take from the group: its remaining seats, within the venue maximum. */
  room: number;
}

function dayPreference(preferredDate: string, preferredStart?: string) {
  const band = (date: string) => (date === preferredDate ? 0 : date > preferredDate ? 1 : 2);
  const from = preferredStart ? Date.parse(preferredStart) : Number.NEGATIVE_INFINITY;
  // On the wished day: the picked time and after, in order, then the earlier slots, nearest first.
  const sameDayRank = (c: SplitCandidate) => {
    const t = Date.parse(c.startsAt);
    return t >= from ? t - from : Number.MAX_SAFE_INTEGER / 2 + (from - t);
  };
  return (a: SplitCandidate, b: SplitCandidate): number => {
    const byBand = band(a.localDate) - band(b.localDate);
    if (byBand !== 0) return byBand;
    if (a.localDate !== b.localDate) {
      const later = a.localDate < b.localDate ? -1 : 1;
      return band(a.localDate) === 1 ? later : -later;
    }
    if (band(a.localDate) === 0) return sameDayRank(a) - sameDayRank(b);
    return Date.parse(a.startsAt) - Date.parse(b.startsAt);
  };
}

function largestRooms(seats: Seats[], count: number): number {
  return seats.map((s) => s.room).sort((a, b) => b - a).slice(0, count).reduce((sum, r) => sum + r, 0);
}

/** The first days in preference order whose slots together can seat everyone. */
function daysNeeded(ordered: Seats[], people: number): Seats[] {
  let seated = 0;
  let lastDay: string | null = null;
  for (let i = 0; i < ordered.length; i += 1) {
    const seat = ordered[i]!;
    if (seated >= people && seat.candidate.localDate !== lastDay) return ordered.slice(0, i);
    seated += seat.room;
    lastDay = seat.candidate.localDate;
  }
  return ordered;
}

/** Fewest slots that seat everyone; among those, the earliest in preference order. */
function fewestSlots(pool: Seats[], people: number): Seats[] {
  let slotCount = 1;
  while (largestRooms(pool, slotCount) < people) slotCount += 1;
  const chosen: Seats[] = [];
  let unseated = people;
  for (let i = 0; i < pool.length && chosen.length < slotCount; i += 1) {
    const seat = pool[i]!;
    const stillToChoose = slotCount - chosen.length - 1;
    if (seat.room + largestRooms(pool.slice(i + 1), stillToChoose) >= unseated) {
      chosen.push(seat);
      unseated -= seat.room;
    }
  }
  return chosen;
}

/** Water-filling: the smallest rooms are filled first so the others share the rest evenly. */
function evenSizes(chosen: Seats[], people: number): Map<Seats, number> {
  const sizes = new Map<Seats, number>();
  let left = people;
  let slotsLeft = chosen.length;
  for (const seat of [...chosen].sort((a, b) => a.room - b.room)) {
    const size = Math.min(seat.room, Math.ceil(left / slotsLeft));
    sizes.set(seat, size);
    left -= size;
    slotsLeft -= 1;
  }
  return sizes;
}

interface Part {
  seat: Seats;
  size: number;
  guides: number;
  leaders: number;
}

/**
 * One companion per sub-group first, guides before leaders when there are too few to go
 * round; within that first round leaders go to the largest sub-groups, where they are most
 * likely to keep their free ticket. Extra companions then go round again, each to a
 * sub-group that does not have one of its kind yet where possible. A companion never
 * takes a sub-group's last visitor place while another sub-group can still take one.
 */
function spreadCompanions(parts: Part[], guides: number, leaders: number): void {
  const byHandOutOrder = [...parts].sort(
    (a, b) => b.size - a.size || Date.parse(a.seat.candidate.startsAt) - Date.parse(b.seat.candidate.startsAt),
  );
  const companions = (p: Part) => p.guides + p.leaders;
  const firstRound = Math.min(parts.length, guides + leaders);
  const firstRoundGuides = Math.min(guides, firstRound);
  const firstRoundLeaders = firstRound - firstRoundGuides;
  const sequence: ('guides' | 'leaders')[] = [
    ...Array<'leaders'>(firstRoundLeaders).fill('leaders'),
    ...Array<'guides'>(guides).fill('guides'),
    ...Array<'leaders'>(leaders - firstRoundLeaders).fill('leaders'),
  ];
  for (const kind of sequence) {
    const withRoom = byHandOutOrder.filter((p) => companions(p) < p.size);
    const keepingAVisitor = withRoom.filter((p) => companions(p) + 1 < p.size);
    const pool = keepingAVisitor.length > 0 ? keepingAVisitor : withRoom;
    // Fewest companions first; then one without this kind yet (a second leader in the same
    // sub-group would pay, one in another sub-group may travel free).
    const receiver = pool.reduce((best, p) =>
      companions(p) < companions(best) || (companions(p) === companions(best) && p[kind] < best[kind]) ? p : best);
    receiver[kind] += 1;
  }
}

function warningsFor(rules: BookingRules, whole: GroupComposition, part: GroupComposition, split: boolean): SplitWarning[] {
  const warnings: SplitWarning[] = [];
  if (part.leaders > 0 && leadersTravelFree(whole.visitors) && !leadersTravelFree(part.visitors)) {
    warnings.push({ code: 'LEADER_LOSES_FREE_TICKET', subGroupVisitors: part.visitors });
  }
  if (rules.minGroupSize !== null && isBelowMinimum(rules, part)) {
    warnings.push({ code: 'SUBGROUP_BELOW_MINIMUM', min: rules.minGroupSize });
  }
  // An unsplit group without companions is the office's choice, not a consequence of the plan.
  if (split && part.guides + part.leaders === 0) warnings.push({ code: 'SUBGROUP_WITHOUT_COMPANION' });
  return warnings;
}

export function splitGroup({ rules, composition, candidates, preferredDate, preferredStart }: SplitRequest): SplitPlan {
  const people = headCount(composition);
  if (people === 0) return { ok: true, subGroups: [] };
  const maxPerSlot = rules.maxPerSlot ?? Number.POSITIVE_INFINITY;
  const ordered: Seats[] = candidates
    .filter((c) => c.bookable && c.remaining > 0)
    .sort(dayPreference(preferredDate, preferredStart))
    .map((candidate) => ({ candidate, room: Math.min(maxPerSlot, candidate.remaining) }));

  const seatsEverywhere = ordered.reduce((sum, s) => sum + s.room, 0);
  if (seatsEverywhere < people) return { ok: false, code: 'NOT_ENOUGH_CAPACITY', missing: people - seatsEverywhere };

  const smallest = Math.min(rules.minGroupSize ?? 1, people);
  const roomy = ordered.filter((s) => s.room >= smallest);
  const pool = roomy.reduce((sum, s) => sum + s.room, 0) >= people ? roomy : ordered;
  const chosen = fewestSlots(daysNeeded(pool, people), people);
  const sizes = evenSizes(chosen, people);
  const parts: Part[] = chosen.map((seat) => ({ seat, size: sizes.get(seat) ?? 0, guides: 0, leaders: 0 }));
  spreadCompanions(parts, composition.guides, composition.leaders);

  const split = parts.length > 1;
  return {
    ok: true,
    subGroups: parts
      .sort((a, b) => Date.parse(a.seat.candidate.startsAt) - Date.parse(b.seat.candidate.startsAt))
      .map(({ seat, size, guides, leaders }) => {
        const part: GroupComposition = { visitors: size - guides - leaders, guides, leaders };
        return {
          slotId: seat.candidate.slotId,
          startsAt: seat.candidate.startsAt,
          composition: part,
          breakdown: ticketBreakdown(part),
          warnings: warningsFor(rules, composition, part, split),
        };
      }),
  };
}
