// option.cancel: the office lets go of its own active option; the seats go back on sale.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CancelOptionArgsSchema } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';
import type { Tx } from '../store/database.node.ts';
import { options, slots } from '../store/schema.node.ts';
import { rejected, type MutationOutcome } from './outcome.node.ts';
import { wireOption } from './wireRows.node.ts';

/**
 * Why the office's option cannot be cancelled, from its state (none: not found). Another
 * office's option is reported as missing: its existence is none of this office's business.
 */
export function notCancellable(state: string | undefined): MutationOutcome {
  return state ? rejected('NOT_ACTIVE', `This option is ${state}, no longer active.`) : rejected('NOT_FOUND', 'No such option.');
}

export async function cancelOption(
  tx: Tx, ctx: CentralContext, officeId: string, args: z.infer<typeof CancelOptionArgsSchema>,
): Promise<MutationOutcome> {
  const mine = and(eq(options.id, args.optionId), eq(options.officeId, officeId));
  // Conditional on 'active', so expiry, the venue and the office cannot all return the same seats.
  const [cancelled] = await tx.update(options).set({ state: 'cancelled', updatedAt: ctx.now() })
    .where(and(mine, eq(options.state, 'active'))).returning();
  if (!cancelled) {
    const [other] = await tx.select({ state: options.state }).from(options).where(mine);
    return notCancellable(other?.state);
  }
  await tx.update(slots).set({ held: sql`${slots.held} - ${cancelled.headCount}` }).where(eq(slots.id, cancelled.slotId));
  return { result: { status: 'applied', option: wireOption(cancelled) }, touched: { slots: [cancelled.slotId], options: [cancelled.id] } };
}
