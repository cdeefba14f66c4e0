import { orderHandlers } from '../../rpc/orderHandlers.node.ts';
import type { SearchSource } from '../searchSource.node.ts';

/** An order, by its number or its monuments: opened on the Orders screen. */
export const orderSource: SearchSource = {
  kind: 'order',
  candidates: async (ctx) => (await orderHandlers['orders.list']({}, ctx)).map((order) => ({
    hit: {
      kind: 'order', id: order.id, title: order.number, detail: order.venueNames.join(', '), at: order.firstVisitAt, people: null, state: order.state,
      target: { screen: 'orders', params: { order: order.id } },
    },
    fields: [order.number, ...order.venueNames],
  })),
};
