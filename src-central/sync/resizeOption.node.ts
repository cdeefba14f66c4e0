// option.resize: changes the group of an office's own active option in one step (DOMAIN.md §3:
// "Guichet may offer a one-step resize, but it must never lose the held seats midway").
// Growing takes only the extra seats, by the same guarded UPDATE as placing; if they are not
// there, nothing is written and the option keeps its seats and its group. Shrinking gives
// the surplus back. The expiry never moves.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ResizeOptionArgsSchema, WireVenueSchema } from '../../src-main/contract/centralApi.std.ts';
import { groupViolations, headCount, type GroupComposition } from '../../src-main/core/domain/groupComposition.std.ts';
import { priceGroup } from '../../src-main/core/domain/pricing.std.ts';
import type { CentralContext } from '../context.node.ts';
import type { Tx } from '../store/database.node.ts';
import { options, slots, venues } from '../store/schema.node.ts';
import { alternativeSlots } from './alternatives.node.ts';
import { rejected, type MutationOutcome } from './outcome.node.ts';
import { takeSeats, venueProducts } from './placeOption.node.ts';
import { wireOption } from './wireRows.node.ts';

type ResizeArgs = z.infer<typeof ResizeOptionArgsSchema>;
type WireVenue = z.infer<typeof WireVenueSchema>;

export async function resizeOption(tx: Tx, ctx: CentralContext, officeId: string, args: ResizeArgs): Promise<MutationOutcome> {
  // The option row first, then the slot: the order cancel, expiry and the venue lock them in.
  // Holding it keeps a concurrent cancel or sweep from releasing a head count we are changing.
  const [option] = await tx.select().from(options)
    .where(and(eq(options.id, args.optionId), eq(options.officeId, officeId))).for('update');
  // Another office's option is reported as missing, as cancel does.
  if (!option) return rejected('NOT_FOUND', 'No such option.');
  const now = ctx.now();
  if (option.state !== 'active') return rejected('NOT_ACTIVE', `This option is ${option.state}, no longer active.`);
  // The sweep may not have run yet: the server clock alone decides.
  if (option.expiresAt.getTime() <= now.getTime()) return rejected('NOT_ACTIVE', 'This option has expired.');

  const [venueRow] = await tx.select({ data: venues.data }).from(venues).where(eq(venues.id, option.venueId));
  if (!venueRow) throw new Error(`catalogue: option ${option.id} names unknown venue ${option.venueId}`);
  const venue = venueRow.data as WireVenue;
  const composition: GroupComposition = args.composition;
  const violations = groupViolations(venue.rules, composition);
  if (violations.length > 0) return rejected('GROUP_RULE', 'The venue does not take this group on one slot.', { violations });

  const people = headCount(composition);
  const delta = people - option.headCount;
  if (delta > 0 && !(await takeSeats(tx, option.slotId, delta))) {
    // Nothing has been written: the option still holds its original seats and group.
    const [slot] = await tx.select().from(slots).where(eq(slots.id, option.slotId));
    const alternatives = await alternativeSlots(tx, { slot: slot!, people, rules: venue.rules, timeZone: venue.timeZone, now });
    return slot!.status !== 'open'
      ? rejected('SLOT_UNAVAILABLE', 'This slot is no longer open to groups: the option cannot grow here.', { alternatives })
      : rejected('SLOT_FULL', 'Not enough seats left on this slot for the larger group; the option keeps its seats.', { alternatives });
  }
  if (delta < 0) {
    await tx.update(slots).set({ held: sql`${slots.held} - ${-delta}` }).where(eq(slots.id, option.slotId));
  }

  const price = priceGroup(composition, await venueProducts(tx, venue.id));
  const [resized] = await tx.update(options)
    .set({ composition, headCount: people, totalCents: price.totalCents, updatedAt: now })
    .where(eq(options.id, option.id)).returning();
  return { result: { status: 'applied', option: wireOption(resized!) }, touched: { slots: [option.slotId], options: [option.id] } };
}
