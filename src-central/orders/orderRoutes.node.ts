// The office's orders: paying (checkout) and sending tickets to someone (assign).
import type { FastifyInstance } from 'fastify';
import { CheckoutRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import { officeIdOf } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { parseInput } from '../http/httpError.node.ts';
import { checkout } from './checkout.node.ts';

export function orderRoutes(app: FastifyInstance, ctx: CentralContext): void {
  app.post('/orders/checkout', async (request) => {
    const officeId = officeIdOf(request, ctx);
    return checkout(ctx, request.log, officeId, parseInput(CheckoutRequestSchema, request.body));
  });
}
