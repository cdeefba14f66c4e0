// A refresh token works until the token it was exchanged for is first used. Deleting it at the
// exchange, as before, signed an agent out whenever the answer carrying the new token was lost
// on the way (a network cut at that instant): the desk still held only the old, now dead, one.
import { and, eq, gt } from 'drizzle-orm';
import type { Tx } from '../store/database.node.ts';
import { sessions } from '../store/schema.node.ts';

/**
 * Takes the refresh token of hash `hash` for an exchange: null when it is unknown, expired or
 * retired. Its successors handed out before were never used (using one retires this token), so
 * their answers were lost: they are dropped, and the token it replaced is retired for good.
 */
export async function rotateRefreshToken(tx: Tx, hash: string, now: Date): Promise<{ officeId: string; sessionId: string } | null> {
  const [row] = await tx.select().from(sessions).where(and(eq(sessions.refreshTokenHash, hash), gt(sessions.expiresAt, now))).for('update');
  if (!row) return null;
  await tx.delete(sessions).where(eq(sessions.predecessorHash, hash));
  if (row.predecessorHash) await tx.delete(sessions).where(eq(sessions.refreshTokenHash, row.predecessorHash));
  return { officeId: row.officeId, sessionId: row.sessionId };
}
