// Ticket e-mails are limited before anything is rendered or sent: per office, per client
// address, and per recipient address whichever office sends, so no office can bury an inbox
// in tickets by re-sending them (or by saving the same address under many contacts).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssignTicketsRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';
import { contacts, offices } from '../store/schema.node.ts';

type Recipient = z.infer<typeof AssignTicketsRequestSchema>['to'];

/** The address the tickets would go to; null for an unknown contact, which assignment refuses. */
async function recipientAddress(ctx: CentralContext, officeId: string, to: Recipient): Promise<string | null> {
  const [row] = to.kind === 'office'
    ? await ctx.db.select({ email: offices.email }).from(offices).where(eq(offices.id, officeId))
    : await ctx.db.select({ email: contacts.email }).from(contacts).where(and(eq(contacts.id, to.contactId), eq(contacts.officeId, officeId)));
  return row ? row.email.trim().toLowerCase() : null;
}

export async function limitTicketMail(ctx: CentralContext, officeId: string, clientAddress: string, to: Recipient): Promise<void> {
  await ctx.limits.count('ticketMailPerAddress', clientAddress);
  await ctx.limits.count('ticketMailPerOffice', officeId);
  const recipient = await recipientAddress(ctx, officeId, to);
  if (recipient) await ctx.limits.count('ticketMailPerRecipient', recipient);
}
