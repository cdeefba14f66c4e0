// The code that admits a whole sub-group in one scan (see ticketSignature.node.ts), kept in
// step with the sub-group's tickets: issued with them, replaced by the next revision when one
// of them is voided, void when none is left. Called inside the transaction that changed the
// tickets, so the code and the tickets a desktop pulls always agree.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { GroupComposition } from '../../src-main/core/domain/groupComposition.std.ts';
import type { CentralContext } from '../context.node.ts';
import type { Queryable, Tx } from '../store/database.node.ts';
import { groupCodes, options, tickets } from '../store/schema.node.ts';

/** Brings the group codes of these sub-groups (option ids) up to date; returns the ids it changed. */
export async function refreshGroupCodes(tx: Tx, ctx: Pick<CentralContext, 'tickets'>, optionIds: string[]): Promise<string[]> {
  const ids = [...new Set(optionIds)].sort();
  if (ids.length === 0) return [];
  const issued = await tx.select({ optionId: tickets.optionId, orderId: tickets.orderId, officeId: tickets.officeId, number: tickets.number, state: tickets.state })
    .from(tickets).where(inArray(tickets.optionId, ids)).orderBy(asc(tickets.number));
  const optionsById = new Map((await tx.select({ id: options.id, venueId: options.venueId, slotId: options.slotId, composition: options.composition }).from(options)
    .where(inArray(options.id, ids))).map((o) => [o.id, o]));
  const current = new Map((await tx.select().from(groupCodes).where(inArray(groupCodes.id, ids)).for('update')).map((g) => [g.id, g]));
  const changed: string[] = [];
  for (const id of ids) {
    const own = issued.filter((t) => t.optionId === id);
    if (own.length === 0) continue;
    const valid = own.filter((t) => t.state === 'valid');
    const numbers = valid.map((t) => t.number);
    const before = current.get(id);
    if (before && JSON.stringify(before.ticketNumbers) === JSON.stringify(numbers)) continue;
    const revision = (before?.revision ?? 0) + 1;
    const qr = valid.length === 0 ? null : groupCodeQr(ctx, id, revision, optionsById.get(id)!, numbers);
    const row = { revision, ticketNumbers: numbers, qr, state: qr ? 'valid' as const : 'void' as const };
    await tx.insert(groupCodes).values({ id, officeId: own[0]!.officeId, orderId: own[0]!.orderId, ...row, version: 0 })
      .onConflictDoUpdate({ target: groupCodes.id, set: row });
    changed.push(id);
  }
  return changed;
}

/** The signed code admitting the sub-group `groupId` (its option id) with these valid tickets. */
export function groupCodeQr(
  ctx: Pick<CentralContext, 'tickets'>, groupId: string, revision: number,
  option: { venueId: string; slotId: string; composition: unknown }, ticketNumbers: string[],
): string {
  // The people the gate sees arrive (leaders who pay hold visitor-tariff tickets).
  const { visitors, guides, leaders } = option.composition as GroupComposition;
  return ctx.tickets.signGroup({ groupId, revision, venueId: option.venueId, slotId: option.slotId, people: { visitors, guides, leaders }, ticketNumbers });
}

/** Sub-groups with tickets but no group code yet: those paid before group codes existed. */
export async function subGroupsWithoutCode(db: Queryable): Promise<string[]> {
  const rows = await db.selectDistinct({ optionId: tickets.optionId }).from(tickets)
    .where(and(eq(tickets.state, 'valid'), sql`NOT EXISTS (SELECT 1 FROM ${groupCodes} WHERE ${groupCodes.id} = ${tickets.optionId})`));
  return rows.map((r) => r.optionId);
}
