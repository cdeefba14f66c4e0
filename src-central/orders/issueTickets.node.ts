// Tickets for the bookings of a paid order: one per person (DOMAIN.md §6) — the visitors and
// the leaders who pay (at the visitor tariff), then the free guides and free leader — each
// numbered, dated for its slot and signed, so a venue can check it offline.
import { randomUUID } from 'node:crypto';
import { ticketBreakdown, type GroupComposition } from '../../src-main/core/domain/groupComposition.std.ts';
import type { GroupProducts } from '../../src-main/core/domain/pricing.std.ts';
import { datedTicketValidity } from '../../src-main/core/domain/ticketValidity.std.ts';
import type { Product } from '../../src-main/core/domain/venues.std.ts';
import type { CentralContext } from '../context.node.ts';
import { nextTicketNumbers } from '../numbers/documentNumbers.node.ts';
import type { Tx } from '../store/database.node.ts';
import { tickets } from '../store/schema.node.ts';
import type { TicketRow } from '../sync/wireRows.node.ts';
import type { WireVenue } from './checkoutPlan.node.ts';

export interface TicketedBooking {
  optionId: string;
  venue: WireVenue;
  slotId: string;
  startsAt: Date;
  composition: GroupComposition;
  products: GroupProducts;
}

/** The product of each person's ticket, in print order. */
function ticketProducts(composition: GroupComposition, products: GroupProducts): Product[] {
  const t = ticketBreakdown(composition);
  return [
    ...Array<Product>(t.paidVisitors + t.paidLeaders).fill(products.visitor),
    ...Array<Product>(t.freeGuides).fill(products.guide),
    ...Array<Product>(t.freeLeaders).fill(products.leader),
  ];
}

/** One signed ticket per person of the bookings, numbered in order from `numbers`; not yet written. */
export function ticketRows(ctx: Pick<CentralContext, 'tickets'>, order: { id: string; officeId: string }, bookings: TicketedBooking[], numbers: string[]): TicketRow[] {
  return plannedTickets(bookings).map(({ booking, product, validity }, i) => {
    const facts = {
      number: numbers[i]!, venueId: booking.venue.id, slotId: booking.slotId, kind: product.kind,
      validFrom: validity.validFrom, validUntil: validity.validUntil,
    };
    return {
      id: randomUUID(), orderId: order.id, officeId: order.officeId, optionId: booking.optionId, number: facts.number,
      venueId: facts.venueId, productId: product.id, kind: product.kind, label: product.label, slotId: facts.slotId,
      validFrom: new Date(facts.validFrom), validUntil: new Date(facts.validUntil), qr: ctx.tickets.sign(facts),
      state: 'valid' as const, assignedContactId: null, assignedName: null, assignedEmail: null, assignedAt: null, version: 0,
    };
  });
}

function plannedTickets(bookings: TicketedBooking[]) {
  return bookings.flatMap((booking) => {
    const validity = datedTicketValidity(booking.venue, booking.startsAt.toISOString());
    return ticketProducts(booking.composition, booking.products).map((product) => ({ booking, product, validity }));
  });
}

/** How many tickets the bookings take: one per person. */
export const ticketCount = (bookings: TicketedBooking[]) => bookings.reduce((n, b) => n + ticketProducts(b.composition, b.products).length, 0);

export async function issueTickets(
  tx: Tx, ctx: CentralContext, order: { id: string; officeId: string }, bookings: TicketedBooking[],
): Promise<TicketRow[]> {
  const rows = ticketRows(ctx, order, bookings, await nextTicketNumbers(tx, ticketCount(bookings)));
  return rows.length === 0 ? [] : tx.insert(tickets).values(rows).returning();
}
