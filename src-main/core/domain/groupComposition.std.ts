// Who is in a group, who pays, and whether a venue takes the group online.
import type { BookingRules } from './venues.std.ts';

export interface GroupComposition {
  /** Paying visitors: everyone who is neither a tour guide nor an accompanying leader. */
  visitors: number;
  guides: number;
  leaders: number;
}

export interface TicketBreakdown {
  headCount: number;
  paidVisitors: number;
  freeGuides: number;
  freeLeaders: number;
  /** Leaders of a group of 20 or fewer: paid at the visitor tariff, counted in the group. */
  paidLeaders: number;
}

export type GroupViolation =
  | { code: 'BELOW_MINIMUM'; min: number }
  | { code: 'ABOVE_SLOT_MAXIMUM'; max: number }
  | { code: 'NO_ONLINE_BOOKING' }
  | { code: 'SPECIAL_VISIT_NOT_ALLOWED' }
  | { code: 'EMPTY_GROUP' };

/**
 * A leader's ticket is free only for a group of MORE than this many people. "The group"
 * is its paying visitors: the leader cannot count towards the size that decides whether
 * the leader pays (that would be circular — 20 visitors + a paid leader would make 21 and
 * free the leader), and guides are professionals with their own free ticket, not members.
 */
export const FREE_LEADER_ABOVE_VISITORS = 20;

/**
 * The FAQ grants "an 'Accompanying leader' free ticket" to "the accompanying leader" of a
 * group: one per group (per booking). Further leaders pay like the visitors. At the online
 * venues' slot maximum (35) a booking can never hold two groups of 21, so one is the most
 * any single booking could claim under a per-21-people reading too.
 */
export const FREE_LEADERS_PER_GROUP = 1;

function assertComposition(c: GroupComposition): void {
  for (const key of ['visitors', 'guides', 'leaders'] as const) {
    const n = c[key];
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${key} must be a whole number ≥ 0, got ${n}`);
  }
}

/** Everyone counts against a slot's capacity, guides and leaders included. */
export function headCount(c: GroupComposition): number {
  assertComposition(c);
  return c.visitors + c.guides + c.leaders;
}

export function leadersTravelFree(visitors: number): boolean {
  return visitors > FREE_LEADER_ABOVE_VISITORS;
}

export function ticketBreakdown(c: GroupComposition): TicketBreakdown {
  const freeLeaders = leadersTravelFree(c.visitors) ? Math.min(c.leaders, FREE_LEADERS_PER_GROUP) : 0;
  return {
    headCount: headCount(c),
    paidVisitors: c.visitors,
    freeGuides: c.guides,
    freeLeaders,
    paidLeaders: c.leaders - freeLeaders,
  };
}

/**
 * The minimum counts people like the maximum does (the FAQ says "7 or more people"); a
 * guided group is exempt where the venue accepts "a guided group of any size".
 */
export function isBelowMinimum(rules: BookingRules, c: GroupComposition): boolean {
  const savedByGuide = rules.guidedGroupAnySize && c.guides > 0;
  return rules.minGroupSize !== null && headCount(c) < rules.minGroupSize && !savedByGuide;
}

/** Why this venue would refuse this group as one online booking; empty when it would not. */
export function groupViolations(
  rules: BookingRules,
  c: GroupComposition,
  opts: { specialVisit?: boolean } = {},
): GroupViolation[] {
  const violations: GroupViolation[] = [];
  if (rules.slotMode === 'on-request') violations.push({ code: 'NO_ONLINE_BOOKING' });
  if (opts.specialVisit && !rules.specialVisits) violations.push({ code: 'SPECIAL_VISIT_NOT_ALLOWED' });
  // Companions alone are not a group: there is nobody for them to guide or accompany.
  if (c.visitors === 0) return [...violations, { code: 'EMPTY_GROUP' }];

  if (rules.minGroupSize !== null && isBelowMinimum(rules, c)) {
    violations.push({ code: 'BELOW_MINIMUM', min: rules.minGroupSize });
  }
  if (rules.maxPerSlot !== null && headCount(c) > rules.maxPerSlot) {
    violations.push({ code: 'ABOVE_SLOT_MAXIMUM', max: rules.maxPerSlot });
  }
  return violations;
}
