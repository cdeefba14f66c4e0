import { orderHandlers } from '../../rpc/orderHandlers.node.ts';
import type { SearchSource } from '../searchSource.node.ts';

/** A ticket, by its number or its holder: its row on the Tickets screen. */
export const ticketSource: SearchSource = {
  kind: 'ticket',
  candidates: async (ctx) => (await orderHandlers['tickets.list']({}, ctx)).map((ticket) => ({
    hit: {
      kind: 'ticket', id: ticket.id, title: ticket.number, detail: `${ticket.venueName} · ${ticket.orderNumber}`, at: ticket.validFrom, people: null, state: ticket.state,
      target: { screen: 'tickets', params: { ticket: ticket.id } },
    },
    fields: [ticket.number, ...(ticket.assignedTo ? [ticket.assignedTo.name, ticket.assignedTo.email] : [])],
  })),
};
