// A museum's till proves which museum it is with a token: `<museumId>.<HMAC of the museum id
// under the back-office token>`. Nothing to store: the back office reads each museum's token
// at GET /admin/voucher-tills (and the demo prints them at start), and changing the
// back-office token changes every till's token with it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CentralContext } from '../context.node.ts';
import { HttpError } from '../http/httpError.node.ts';

const signatureOf = (adminToken: string, museumId: string) =>
  createHmac('sha256', adminToken).update(`voucher-till:${museumId}`).digest('base64url');

export function tillToken(adminToken: string, museumId: string): string {
  return `${museumId}.${signatureOf(adminToken, museumId)}`;
}

/** The museum whose till sent the request; 401 without a token this service made. */
export function tillMuseumOf(request: FastifyRequest, ctx: CentralContext): string {
  const given = String(request.headers['x-till-token'] ?? '');
  const cut = given.lastIndexOf('.');
  const museumId = given.slice(0, cut);
  const expected = Buffer.from(signatureOf(ctx.adminToken, museumId));
  const signature = Buffer.from(given.slice(cut + 1));
  if (cut <= 0 || signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
    throw new HttpError(401, 'UNAUTHORIZED', 'Redeeming a voucher needs the museum till’s token (x-till-token).');
  }
  return museumId;
}
