// What this workstation can check about a group on a slot before anything is sent; the central
// service checks again when the seats are taken and has the last word.
import type { GroupComposition } from '../domain/groupComposition.std.ts';
import { groupViolations, headCount } from '../domain/groupComposition.std.ts';
import type { Venue } from '../domain/venues.std.ts';
import { findVenue } from '../store/catalogueRepo.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { pendingSeatsBySlot } from '../store/optionsRepo.node.ts';
import { findSlot, type SlotRow } from '../store/slotsRepo.node.ts';
import { GuichetError, notFound } from './guichetError.std.ts';

export function refuse(rule: string, message: string, details: Record<string, unknown> = {}): never {
  throw new GuichetError('RULE_VIOLATION', message, { rule, ...details });
}

export function slotAndVenue(db: StoreDb, slotId: string): { slot: SlotRow; venue: Venue } {
  const slot = findSlot(db, slotId);
  if (!slot) throw notFound('slot', slotId);
  const venue = findVenue(db, slot.venueId);
  if (!venue) throw notFound('venue', slot.venueId);
  return { slot, venue };
}

export function checkGroupRules(venue: Venue, composition: GroupComposition, specialVisit = false): void {
  const violations = groupViolations(venue.rules, composition, { specialVisit });
  if (violations.length > 0) refuse('GROUP_RULE', 'The group does not meet the venue rules.', { violations });
}

/** `now`: the server's clock as this workstation measured it (serverNow). */
export const hasStarted = (slot: Pick<SlotRow, 'startsAt'>, now: Date) => slot.startsAt <= now.toISOString();

export function checkSlotOpen(slot: SlotRow, now: Date): void {
  if (slot.status !== 'open') refuse('SLOT_UNAVAILABLE', 'This time slot is unavailable for groups.');
  if (hasStarted(slot, now)) refuse('SLOT_STARTED', 'This time slot has already started.');
}

/** `alsoTaken`: seats this office means to take on the slot besides its pending options. */
export function checkSeats(db: StoreDb, slot: SlotRow, composition: GroupComposition, alsoTaken = 0): void {
  const known = slot.remaining - (pendingSeatsBySlot(db, [slot.id]).get(slot.id) ?? 0) - alsoTaken;
  if (headCount(composition) > known) refuse('SLOT_FULL', 'This time slot has fewer places left than the group.', { remaining: Math.max(0, known) });
}
