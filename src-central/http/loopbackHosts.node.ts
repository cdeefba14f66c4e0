// The embedded demo service listens on loopback and its demo office's password is public: a
// web page could still reach it through DNS rebinding (its own name resolved to 127.0.0.1), and
// only the Host header tells that request apart. It answers loopback names only.
import type { FastifyInstance } from 'fastify';
import { LOOPBACK_HOSTNAMES } from '../../src-main/contract/transport.std.ts';

export function loopbackHostsOnly(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
    if (!LOOPBACK_HOSTNAMES.has(name.toLowerCase())) {
      return reply.code(403).send({ code: 'FORBIDDEN_HOST', message: 'This service answers only on this computer (127.0.0.1 or localhost).' });
    }
  });
}
