// Access tokens are signed, not stored: any API process checks one with the shared key and
// no database round trip. Refresh tokens are random, stored hashed, and rotate on each use.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../store/database.node.ts';
import { tokenKey } from '../store/schema.node.ts';
import { HttpError } from '../http/httpError.node.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 30;

export interface AccessTokens {
  issue(officeId: string, now: Date): string;
  /** The office the token speaks for; throws 401 UNAUTHORIZED or TOKEN_EXPIRED. */
  verify(token: string, now: Date): string;
}

/** The signing key is made once and kept in the database, so every process shares it. */
export async function loadAccessTokens(db: Db): Promise<AccessTokens> {
  await db.insert(tokenKey).values({ id: 1, secret: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select({ secret: tokenKey.secret }).from(tokenKey).where(eq(tokenKey.id, sql`1`));
  const key = Buffer.from(row!.secret, 'base64url');
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  return {
    issue(officeId, now) {
      const payload = Buffer.from(JSON.stringify({ o: officeId, e: Math.floor(now.getTime() / 1000) + ACCESS_TOKEN_SECONDS })).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    verify(token, now) {
      const [payload, signature] = token.split('.');
      const unauthorized = new HttpError(401, 'UNAUTHORIZED', 'Sign in again.');
      if (!payload || !signature) throw unauthorized;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw unauthorized;
      const { o, e } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { o: string; e: number };
      if (e * 1000 <= now.getTime()) throw new HttpError(401, 'TOKEN_EXPIRED', 'The access token has expired; refresh it.');
      return o;
    },
  };
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
