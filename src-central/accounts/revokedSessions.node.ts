// Signing out ends a session at once, on every API process: its access tokens are signed, not
// stored, and would otherwise go on working for the rest of their 15 minutes. The processes
// share only PostgreSQL, so the list of ended sessions lives there, each row only as long as
// a token naming its session may still be alive.
import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../store/database.node.ts';
import { revokedSessions, sessions } from '../store/schema.node.ts';
import { ACCESS_TOKEN_SECONDS, CLOCK_SKEW_SECONDS } from './tokens.node.ts';

/** Ends the session of this refresh token, and with it every access token of the session. */
export async function endSession(db: Db, refreshTokenHash: string, now: Date): Promise<void> {
  // The last token of the session was issued by now, by a clock at most CLOCK_SKEW_SECONDS ahead.
  const until = new Date(now.getTime() + (ACCESS_TOKEN_SECONDS + CLOCK_SKEW_SECONDS) * 1000);
  await db.transaction(async (tx) => {
    // Every refresh token of the session: the one given, and the one it replaced or the one it was exchanged for.
    const session = tx.select({ sessionId: sessions.sessionId }).from(sessions).where(eq(sessions.refreshTokenHash, refreshTokenHash));
    const ended = await tx.delete(sessions).where(inArray(sessions.sessionId, session)).returning({ sessionId: sessions.sessionId });
    const sessionIds = [...new Set(ended.map((e) => e.sessionId))];
    if (sessionIds.length > 0) await tx.insert(revokedSessions).values(sessionIds.map((sessionId) => ({ sessionId, until }))).onConflictDoNothing();
    await tx.delete(revokedSessions).where(lt(revokedSessions.until, now));
  });
}

/** Asked on every authenticated request: prepared once per database, planned once per connection. */
const prepared = new WeakMap<Db, ReturnType<typeof prepareSessionEnded>>();

function prepareSessionEnded(db: Db) {
  return db.select({ one: sql`1` }).from(revokedSessions).where(eq(revokedSessions.sessionId, sql.placeholder('sessionId'))).limit(1)
    .prepare('session_ended');
}

export async function sessionEnded(db: Db, sessionId: string): Promise<boolean> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareSessionEnded(db)));
  return (await query.execute({ sessionId })).length > 0;
}
