// companion.save / companion.delete: an office's registry of guides and accompanying
// leaders (DOMAIN.md §4). Not a pro product, so an office awaiting validation keeps one too.
// Another office's companion is reported as missing, as for options.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DeleteCompanionArgsSchema, SaveCompanionArgsSchema } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';
import type { Tx } from '../store/database.node.ts';
import { companions } from '../store/schema.node.ts';
import { rejected, type MutationOutcome } from './outcome.node.ts';

/** Inserts or updates; saving a deleted companion of the office brings it back. */
export async function saveCompanion(
  tx: Tx, ctx: CentralContext, officeId: string, args: z.infer<typeof SaveCompanionArgsSchema>,
): Promise<MutationOutcome> {
  const fields = {
    kind: args.kind, surname: args.surname, firstName: args.firstName, email: args.email, phone: args.phone,
    placeholder: args.placeholder, updatedAt: ctx.now(), deleted: false,
  };
  // One statement: the id either is new, or is already this office's; another office's row stays untouched.
  const [saved] = await tx.insert(companions).values({ id: args.companionId, officeId, ...fields, version: 0 })
    .onConflictDoUpdate({ target: companions.id, set: fields, setWhere: sql`${companions.officeId} = ${officeId}` })
    .returning({ id: companions.id });
  if (!saved) return rejected('NOT_FOUND', 'No such companion.');
  return { result: { status: 'applied' }, touched: { companions: [saved.id] } };
}

/** Deleting a companion already deleted (by another workstation) succeeds and changes nothing. */
export async function deleteCompanion(
  tx: Tx, officeId: string, args: z.infer<typeof DeleteCompanionArgsSchema>,
): Promise<MutationOutcome> {
  const [found] = await tx.select({ deleted: companions.deleted }).from(companions)
    .where(and(eq(companions.id, args.companionId), eq(companions.officeId, officeId))).for('update');
  if (!found) return rejected('NOT_FOUND', 'No such companion.');
  if (found.deleted) return { result: { status: 'applied' }, touched: {} };
  await tx.update(companions).set({ deleted: true }).where(eq(companions.id, args.companionId));
  return { result: { status: 'applied' }, touched: { companions: [args.companionId] } };
}
