// Access tokens are signed, not stored: any API process checks one with the shared key, and
// only asks the database whether its session was signed out (revokedSessions.node.ts).
// They are JWTs signed with HMAC-SHA256 that name their key (kid), the office (sub) and the
// session (sid). The service decides how long one lives: 15 minutes from issue, whatever
// the token says — a forged "exp" a year away buys nothing. Refresh tokens are random,
// stored hashed, and rotate on each use.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../store/database.node.ts';
import { tokenKey } from '../store/schema.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import type { TokenSecrets } from '../keys/keySet.node.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 30;
export const TOKEN_ISSUER = 'guichet-central';
/** How far another API process's clock may run ahead of this one's. */
export const CLOCK_SKEW_SECONDS = 60;

export interface TokenClaims {
  officeId: string;
  sessionId: string;
}

export interface AccessTokens {
  issue(claims: TokenClaims, now: Date): string;
  /** Who the token speaks for; throws 401 UNAUTHORIZED, or TOKEN_EXPIRED once it has lapsed. */
  verify(token: string, now: Date): TokenClaims;
}

/** Names a token key in every token it signs without saying anything of the key itself. */
export function tokenKeyId(secret: Buffer): string {
  return createHash('sha256').update('guichet token key\0').update(secret).digest('hex').slice(0, 16);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isUuid = (x: unknown): x is string => typeof x === 'string' && UUID.test(x);
const isSeconds = (x: unknown): x is number => Number.isSafeInteger(x);

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const encodeJson = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function createAccessTokens(secrets: TokenSecrets): AccessTokens {
  const currentId = tokenKeyId(secrets.current);
  const keys = new Map<string, { secret: Buffer; retiredAt: Date | null }>(
    secrets.retired.map((r) => [tokenKeyId(r.secret), { secret: r.secret, retiredAt: r.retiredAt }]),
  );
  keys.set(currentId, { secret: secrets.current, retiredAt: null });
  const sign = (secret: Buffer, signed: string) => createHmac('sha256', secret).update(signed).digest('base64url');
  const header = encodeJson({ alg: 'HS256', typ: 'JWT', kid: currentId });
  const unauthorized = () => new HttpError(401, 'UNAUTHORIZED', 'Sign in again.');

  return {
    issue({ officeId, sessionId }, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const signed = `${header}.${encodeJson({ iss: TOKEN_ISSUER, sub: officeId, sid: sessionId, iat, exp: iat + ACCESS_TOKEN_SECONDS })}`;
      return `${signed}.${sign(secrets.current, signed)}`;
    },
    verify(token, now) {
      const parts = token.split('.');
      if (parts.length !== 3) throw unauthorized();
      const [headerPart, claimsPart, signature] = parts as [string, string, string];
      const head = decodeJson(headerPart);
      // Only the algorithm this service signs with, under a key id it holds: never "none", never another.
      const key = head?.alg === 'HS256' && typeof head.kid === 'string' ? keys.get(head.kid) : undefined;
      if (!key) throw unauthorized();
      const expected = Buffer.from(sign(key.secret, `${headerPart}.${claimsPart}`));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw unauthorized();

      const c = decodeJson(claimsPart);
      if (!c || c.iss !== TOKEN_ISSUER || !isUuid(c.sub) || !isUuid(c.sid) || !isSeconds(c.iat) || !isSeconds(c.exp)) throw unauthorized();
      const nowSeconds = now.getTime() / 1000;
      // Longer-lived than the service issues, or issued ahead of its clock: not made here, whatever key signed it.
      if (c.exp - c.iat > ACCESS_TOKEN_SECONDS || c.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw unauthorized();
      // A retired key signs nothing new: what it signed later was signed by someone else holding it.
      if (key.retiredAt && c.iat * 1000 > key.retiredAt.getTime()) throw unauthorized();
      if (c.exp <= nowSeconds) throw new HttpError(401, 'TOKEN_EXPIRED', 'The access token has expired; refresh it.');
      return { officeId: c.sub, sessionId: c.sid };
    },
  };
}

/**
 * With a configured key, the service signs with it and forgets any key the database kept.
 * Without one (the demo), the key is made once and kept in the database, so every process shares it.
 */
export async function loadAccessTokens(db: Db, configured: TokenSecrets | undefined): Promise<AccessTokens> {
  if (configured) {
    await db.delete(tokenKey);
    return createAccessTokens(configured);
  }
  await db.insert(tokenKey).values({ id: 1, secret: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select({ secret: tokenKey.secret }).from(tokenKey).where(eq(tokenKey.id, sql`1`));
  return createAccessTokens({ current: Buffer.from(row!.secret, 'base64url'), retired: [] });
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
