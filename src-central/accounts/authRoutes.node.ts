// Sign-up, sign-in, token refresh and sign-out (DOMAIN.md §8). A new office can sign in at
// once; it reaches bookable products only once the back office has validated it.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { passwordProblems, SignInSchema, SignUpSchema, type Session } from '../../src-main/contract/centralApi.std.ts';
import { isPublicDemoSignIn } from '../store/seedDemoAccount.node.ts';
import type { CentralContext } from '../context.node.ts';
import type { Queryable } from '../store/database.node.ts';
import { offices, sessions } from '../store/schema.node.ts';
import { clientAddress } from '../http/clientAddress.node.ts';
import { HttpError, parseInput } from '../http/httpError.node.ts';
import { findOffice, officeIdOf, type OfficeRow } from './authenticate.node.ts';
import { rotateRefreshToken } from './refreshRotation.node.ts';
import { endSession } from './revokedSessions.node.ts';
import { sendAccountMail } from './accountMails.node.ts';
import { ACCESS_TOKEN_SECONDS, hashRefreshToken, newRefreshToken, REFRESH_TOKEN_DAYS } from './tokens.node.ts';

const RefreshSchema = z.strictObject({ refreshToken: z.string().min(1).max(200) });

/** E-mail addresses are one account whatever their case. */
function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function officeView(office: OfficeRow) {
  return {
    office: { id: office.id, company: office.company, status: office.status },
    user: { email: office.email, contactName: office.contactName },
  };
}

/** A new session, or the next refresh token of `sessionId`: its access tokens name it, so that signing out ends them all. */
async function openSession(db: Queryable, ctx: CentralContext, office: OfficeRow, sessionId: string = randomUUID(), predecessorHash: string | null = null): Promise<Session> {
  const now = ctx.now();
  const refreshToken = newRefreshToken();
  await db.insert(sessions).values({
    refreshTokenHash: hashRefreshToken(refreshToken),
    sessionId,
    officeId: office.id,
    expiresAt: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000),
    predecessorHash,
  });
  return { accessToken: ctx.tokens.issue({ officeId: office.id, sessionId }, now), refreshToken, expiresIn: ACCESS_TOKEN_SECONDS, ...officeView(office) };
}

/**
 * Wrong passwords lock out the account at the address they came from (growing lockouts), so
 * a guesser on one address never locks the real user out; guessing from many addresses at
 * once is capped per account, for at most one window. README.md, "Rate limits".
 */
async function limitSignIn(ctx: CentralContext, email: string, address: string): Promise<void> {
  await ctx.limits.count('signInPerAddress', address);
  // Full already: refused before counting a failure the password was never checked for.
  await ctx.limits.checkFull('signInPerAccount', email);
  await ctx.limits.countFailure('wrongPasswordsPerAccountAndAddress', `${email} ${address}`);
  await ctx.limits.count('signInPerAccount', email);
}

/** A hash made at another cost (or in the first format) is replaced once the password is proven. */
async function rehash(ctx: CentralContext, office: OfficeRow, password: string): Promise<void> {
  await ctx.db.update(offices).set({ passwordHash: await ctx.passwords.hash(password) })
    .where(and(eq(offices.id, office.id), eq(offices.passwordHash, office.passwordHash)));
}

export function authRoutes(app: FastifyInstance, ctx: CentralContext): void {
  const { db } = ctx;

  app.post('/auth/signup', async (request, reply) => {
    const input = parseInput(SignUpSchema, request.body);
    const missing = passwordProblems(input.password);
    if (missing.length > 0) {
      throw new HttpError(400, 'WEAK_PASSWORD', 'The password does not meet the policy.', { missing });
    }
    await ctx.limits.count('signUpPerAddress', clientAddress(request));
    const id = randomUUID();
    const { password, email, firstName, surname, ...fields } = input;
    const inserted = await db.insert(offices).values({
      ...fields, id, firstName, surname, contactName: `${firstName} ${surname}`, email: normalizeEmail(email),
      passwordHash: await ctx.passwords.hash(password), status: 'awaiting_validation', createdAt: ctx.now(),
    }).onConflictDoNothing({ target: offices.email }).returning();
    if (inserted.length === 0) throw new HttpError(409, 'EMAIL_TAKEN', 'An account already uses this e-mail address.');
    const mailed = await sendAccountMail(ctx, request.log, inserted[0]!, 'created');
    return reply.status(201).send({ officeId: id, status: 'awaiting_validation', mailed });
  });

  app.post('/auth/signin', async (request) => {
    const input = parseInput(SignInSchema, request.body);
    const email = normalizeEmail(input.email);
    const address = clientAddress(request);
    await limitSignIn(ctx, email, address);
    const [office] = await db.select().from(offices).where(eq(offices.email, email));
    const verdict = await ctx.passwords.verify(input.password, office?.passwordHash ?? (await ctx.passwords.unknownAccountHash()));
    if (!office || !verdict.matches) throw new HttpError(401, 'BAD_CREDENTIALS', 'Wrong e-mail address or password.');
    await ctx.limits.succeeded('wrongPasswordsPerAccountAndAddress', `${email} ${address}`);
    if (verdict.rehash && !isPublicDemoSignIn(email, input.password)) await rehash(ctx, office, input.password);
    return openSession(db, ctx, office);
  });

  app.post('/auth/refresh', async (request) => {
    const { refreshToken } = parseInput(RefreshSchema, request.body);
    await ctx.limits.count('refreshPerAddress', clientAddress(request));
    const live = and(eq(sessions.refreshTokenHash, hashRefreshToken(refreshToken)), gt(sessions.expiresAt, ctx.now()));
    const [session] = await db.select({ officeId: sessions.officeId }).from(sessions).where(live);
    if (!session) throw new HttpError(401, 'UNAUTHORIZED', 'This session has ended; sign in again.');
    // Counted before the rotation: a refresh refused here leaves the refresh token good for later.
    await ctx.limits.count('refreshPerOffice', session.officeId);
    const hash = hashRefreshToken(refreshToken);
    return db.transaction(async (tx) => {
      const used = await rotateRefreshToken(tx, hash, ctx.now());
      if (!used) throw new HttpError(401, 'UNAUTHORIZED', 'This session has ended; sign in again.');
      return openSession(tx, ctx, await findOffice(tx, used.officeId), used.sessionId, hash);
    });
  });

  app.post('/auth/signout', async (request, reply) => {
    const { refreshToken } = parseInput(RefreshSchema, request.body);
    await endSession(db, hashRefreshToken(refreshToken), ctx.now());
    return reply.status(204).send();
  });

  app.get('/me', async (request) => officeView(await findOffice(db, await officeIdOf(request, ctx))));
}
