// Every /sync, /orders and /me request speaks for one office, named by its bearer access token.
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { CentralContext } from '../context.node.ts';
import type { Queryable } from '../store/database.node.ts';
import { offices } from '../store/schema.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import { sessionEnded } from './revokedSessions.node.ts';

export async function officeIdOf(request: FastifyRequest, ctx: CentralContext): Promise<string> {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  if (!match) throw new HttpError(401, 'UNAUTHORIZED', 'A bearer access token is required.');
  const { officeId, sessionId } = ctx.tokens.verify(match[1]!, ctx.now());
  if (await sessionEnded(ctx.db, sessionId)) throw new HttpError(401, 'UNAUTHORIZED', 'This session has ended; sign in again.');
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
