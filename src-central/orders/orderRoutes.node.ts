// The office's orders: paying (checkout) and sending tickets to someone (assign).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AssignTicketsRequestSchema, CheckoutRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import { callerOf, officeIdOf } from '../accounts/authenticate.node.ts';
import { auditActor, entryOnSuccess } from '../audit/auditLog.node.ts';
import type { CentralContext } from '../context.node.ts';
import { clientAddress } from '../http/clientAddress.node.ts';
import { parseInput } from '../http/httpError.node.ts';
import { assignTickets } from './assignTickets.node.ts';
import { checkout } from './checkout.node.ts';
import { limitTicketMail } from './ticketMailLimits.node.ts';

const IdParamsSchema = z.object({ id: z.string().min(1).max(200) });

export function orderRoutes(app: FastifyInstance, ctx: CentralContext): void {
  app.post('/orders/checkout', async (request) => {
    const caller = callerOf(request, ctx);
    auditActor(request, caller.officeId);
    return checkout(ctx, request.log, caller, parseInput(CheckoutRequestSchema, request.body), entryOnSuccess(request, ctx.now())!);
  });
  app.post('/orders/:id/assign', async (request) => {
    const officeId = await officeIdOf(request, ctx);
    const { id } = parseInput(IdParamsSchema, request.params);
    const assignment = parseInput(AssignTicketsRequestSchema, request.body);
    await limitTicketMail(ctx, officeId, clientAddress(request), assignment.to);
    return assignTickets(ctx, officeId, id, assignment);
  });
}
