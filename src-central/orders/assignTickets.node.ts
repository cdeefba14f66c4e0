// POST /orders/:id/assign ("Attribution de billets", DOMAIN.md §6): the office sends tickets
// of a paid order to one of its contacts or to its own e-mail, as a PDF bundle. The mail goes
// first; the assignment is recorded only once the mail server has accepted it, so a ticket
// never shows as sent to someone who did not get it. The PDF is drawn by a thread of the pool,
// and an office may have only so many e-mails under way (mail/ticketMailSlots.node.ts).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssignTicketsRequestSchema, AssignTicketsResponseSchema } from '../../src-main/contract/centralApi.std.ts';
import type { PrintableTicket } from '../../src-main/core/print/ticketsPdf.node.ts';
import { findOffice } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import type { Mailer } from '../mail/mailer.node.ts';
import { ticketMail } from '../mail/ticketMail.node.ts';
import { contacts, orders, tickets } from '../store/schema.node.ts';
import { stampVersion } from '../store/versions.node.ts';
import { wireTicket, type OrderBooking, type OrderRow, type TicketRow } from '../sync/wireRows.node.ts';

type AssignRequest = z.infer<typeof AssignTicketsRequestSchema>;
type AssignResponse = z.infer<typeof AssignTicketsResponseSchema>;

interface Recipient {
  contactId: string | null;
  name: string;
  email: string;
}

async function recipientOf(ctx: CentralContext, officeId: string, to: AssignRequest['to']): Promise<Recipient> {
  if (to.kind === 'office') {
    const office = await findOffice(ctx.db, officeId);
    return { contactId: null, name: office.contactName, email: office.email };
  }
  const [contact] = await ctx.db.select().from(contacts).where(and(eq(contacts.id, to.contactId), eq(contacts.officeId, officeId)));
  if (!contact) throw new HttpError(404, 'NOT_FOUND', 'No such contact: save it before sending tickets to it.');
  return { contactId: contact.id, name: `${contact.firstName} ${contact.surname}`, email: contact.email };
}

/** The valid tickets asked for: all of the order's, or exactly those named. */
async function ticketsToSend(ctx: CentralContext, order: OrderRow, ticketIds: string[] | null): Promise<TicketRow[]> {
  const valid = await ctx.db.select().from(tickets)
    .where(and(eq(tickets.orderId, order.id), eq(tickets.state, 'valid'), ticketIds ? inArray(tickets.id, ticketIds) : undefined))
    .orderBy(asc(tickets.number));
  if (ticketIds) {
    const unknown = [...new Set(ticketIds)].filter((id) => !valid.some((t) => t.id === id));
    if (unknown.length > 0) {
      throw new HttpError(422, 'INVALID_INPUT', `ticketIds: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a valid ticket' : 'are not valid tickets'} of order ${order.number}.`);
    }
  }
  if (valid.length === 0) throw new HttpError(422, 'INVALID_INPUT', `Order ${order.number} has no valid ticket to send.`);
  return valid;
}

export async function assignTickets(ctx: CentralContext, officeId: string, orderId: string, req: AssignRequest): Promise<AssignResponse> {
  const [order] = await ctx.db.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.officeId, officeId)));
  if (!order) throw new HttpError(404, 'NOT_FOUND', `No order ${orderId}.`);
  if (!order.paidAt) throw new HttpError(422, 'INVALID_INPUT', `Order ${order.number} awaits its bank transfer: its tickets are not issued yet.`);
  const chosen = await ticketsToSend(ctx, order, req.ticketIds);
  const to = await recipientOf(ctx, officeId, req.to);
  if (!ctx.mailer) throw new HttpError(422, 'MAIL_FAILED', 'This service has no mail server configured: the tickets were not sent, nothing was assigned.');
  // Held until the assignment is recorded: closing the service waits for it (central.node.ts).
  const release = ctx.ticketMails.take(officeId);
  try {
    await mailTickets(ctx, ctx.mailer, officeId, order, chosen, to, req.language);
    const assigned = await ctx.db.transaction(async (tx) => {
      // A venue may have cancelled some of them while the mail went: those stay unassigned.
      const rows = await tx.update(tickets)
        .set({ assignedContactId: to.contactId, assignedName: to.name, assignedEmail: to.email, assignedAt: ctx.now() })
        .where(and(inArray(tickets.id, chosen.map((t) => t.id)), eq(tickets.state, 'valid'))).returning();
      await stampVersion(tx, { tickets: rows.map((t) => t.id) });
      return rows;
    });
    return { sentTo: to.email, tickets: assigned.sort((a, b) => a.number.localeCompare(b.number)).map(wireTicket) };
  } finally {
    release();
  }
}

/** Draws the bundle (in the office's turn, off the event loop) and hands it to the mail server; nothing is recorded if either fails. */
async function mailTickets(
  ctx: CentralContext, mailer: Mailer, officeId: string, order: OrderRow, chosen: TicketRow[], to: Recipient, language: AssignRequest['language'],
): Promise<void> {
  const venueNames = new Map((order.bookings as OrderBooking[]).map((b) => [b.optionId, b.venueName]));
  const printable: PrintableTicket[] = chosen.map((t) => ({
    number: t.number, qr: t.qr, label: t.label as PrintableTicket['label'], venueName: venueNames.get(t.optionId) ?? t.venueId,
    slotId: t.slotId, validFrom: t.validFrom.toISOString(), validUntil: t.validUntil.toISOString(), orderNumber: order.number,
    holder: to.contactId ? to.name : null,
  }));
  let pdf: Buffer;
  try {
    pdf = await ctx.ticketPdfs.render(officeId, printable, language);
  } catch (error) {
    throw new HttpError(422, 'MAIL_FAILED', `The tickets could not be made into a PDF (${(error as Error).message}). Nothing was assigned; try again.`);
  }
  const office = await findOffice(ctx.db, officeId);
  try {
    await mailer.send(ticketMail({
      to: { name: to.name, email: to.email }, officeCompany: office.company, orderNumber: order.number,
      ticketCount: chosen.length, pdf, language,
    }));
  } catch (error) {
    throw new HttpError(422, 'MAIL_FAILED', `The tickets could not be e-mailed to ${to.email} (${(error as Error).message}). Nothing was assigned; try again.`);
  }
}
