// POST /sync/push and /sync/pull: the only way desktops change or learn server state.
import type { FastifyInstance } from 'fastify';
import { PullRequestSchema, PushRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import { officeIdOf } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { parseInput } from '../http/httpError.node.ts';
import { applyPush } from './applyPush.node.ts';
import { pullPage } from './pullPage.node.ts';

export function syncRoutes(app: FastifyInstance, ctx: CentralContext): void {
  app.post('/sync/push', async (request) => {
    const officeId = await officeIdOf(request, ctx);
    return applyPush(ctx, officeId, parseInput(PushRequestSchema, request.body));
  });
  app.post('/sync/pull', async (request) => {
    const officeId = await officeIdOf(request, ctx);
    return pullPage(ctx, officeId, parseInput(PullRequestSchema, request.body));
  });
}
