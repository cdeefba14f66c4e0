// Every guide or leader ticket must name a companion before an order can be paid (DOMAIN.md §4):
// the venue calls that person if it has to close. One designation per ticket, not per line.
import type { GroupComposition } from './groupComposition.std.ts';

export type CompanionKind = 'guide' | 'leader';

export interface DesignationSlot {
  kind: CompanionKind;
  /** Counts from 0 within its kind: the group's first guide is (guide, 0). */
  index: number;
}

export interface Designated extends DesignationSlot {
  companionId: string;
}

/** The tickets of a group that need a companion: its guides, then its leaders. */
export function designationSlots(c: GroupComposition): DesignationSlot[] {
  return [
    ...Array.from({ length: c.guides }, (_, index) => ({ kind: 'guide' as const, index })),
    ...Array.from({ length: c.leaders }, (_, index) => ({ kind: 'leader' as const, index })),
  ];
}

/**
 * The slots still naming nobody. A designation counts only if `isKnown` accepts its
 * companion, so someone deleted from the registry since leaves the ticket undesignated.
 */
export function undesignatedSlots(
  c: GroupComposition, designations: readonly Designated[], isKnown: (companionId: string) => boolean,
): DesignationSlot[] {
  return designationSlots(c).filter((slot) =>
    !designations.some((d) => d.kind === slot.kind && d.index === slot.index && isKnown(d.companionId)));
}
