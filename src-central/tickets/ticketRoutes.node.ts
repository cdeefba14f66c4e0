// GET /tickets/public-key: what a venue's scanner needs to check tickets offline. Public on
// purpose: it proves tickets genuine and can forge none. It lists every key a valid code may
// name (the one signing now, then those retired by a rotation), and names the one signing now
// on its own too, for a scanner that reads a single key.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { TicketPublicKeySchema } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';

export function ticketRoutes(app: FastifyInstance, ctx: CentralContext): void {
  app.get('/tickets/public-key', async (): Promise<z.infer<typeof TicketPublicKeySchema>> => ({
    algorithm: 'Ed25519', keyId: ctx.tickets.keyId, publicKeyPem: ctx.tickets.publicKeyPem, keys: ctx.tickets.verifying,
  }));
}
