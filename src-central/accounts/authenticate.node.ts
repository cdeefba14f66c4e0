// Every /sync, /orders and /me request speaks for one office, named by its bearer access token.
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { CentralContext } from '../context.node.ts';
import type { Queryable } from '../store/database.node.ts';
import { offices } from '../store/schema.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import { sessionEnded } from './revokedSessions.node.ts';
import type { TokenClaims } from './tokens.node.ts';

/**
 * The office and session the bearer token names, its signature and age checked; whether the
 * session has ended is still to ask (officeIdOf asks it; the checkout asks it in its first read).
 */
export function callerOf(request: FastifyRequest, ctx: CentralContext): TokenClaims {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  if (!match) throw new HttpError(401, 'UNAUTHORIZED', 'A bearer access token is required.');
  return ctx.tokens.verify(match[1]!, ctx.now());
}

export const sessionOver = () => new HttpError(401, 'UNAUTHORIZED', 'This session has ended; sign in again.');

export async function officeIdOf(request: FastifyRequest, ctx: CentralContext): Promise<string> {
  const { officeId, sessionId } = callerOf(request, ctx);
  if (await sessionEnded(ctx.db, sessionId)) throw sessionOver();
  return officeId;
}

export type OfficeRow = typeof offices.$inferSelect;

export async function findOffice(db: Queryable, officeId: string): Promise<OfficeRow> {
  const [office] = await db.select().from(offices).where(eq(offices.id, officeId));
  if (!office) throw officeGone();
  return office;
}

/** A token outliving its office (deleted by the back office) is no longer good for anything. */
export function officeGone(): HttpError {
  return new HttpError(401, 'UNAUTHORIZED', 'This account no longer exists.');
}
