// contact.save: the people an office sends tickets to (DOMAIN.md §6), created on the spot
// while assigning tickets, shared by the office's workstations. Like companions, not a pro
// product; another office's contact is reported as missing.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SaveContactArgsSchema } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';
import type { Tx } from '../store/database.node.ts';
import { contacts } from '../store/schema.node.ts';
import { rejected, type MutationOutcome } from './outcome.node.ts';

/** Inserts or updates in one statement: the id is either new or already this office's. */
export async function saveContact(
  tx: Tx, ctx: CentralContext, officeId: string, args: z.infer<typeof SaveContactArgsSchema>,
): Promise<MutationOutcome> {
  const fields = { surname: args.surname, firstName: args.firstName, email: args.email, updatedAt: ctx.now() };
  const [saved] = await tx.insert(contacts).values({ id: args.contactId, officeId, ...fields, version: 0 })
    .onConflictDoUpdate({ target: contacts.id, set: fields, setWhere: sql`${contacts.officeId} = ${officeId}` })
    .returning({ id: contacts.id });
  if (!saved) return rejected('NOT_FOUND', 'No such contact.');
  return { result: { status: 'applied' }, touched: { contacts: [saved.id] } };
}
