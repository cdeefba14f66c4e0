// Limits on what one account or one address may attempt: signing in, signing up, refreshing
// a session, e-mailing tickets. The counts live in PostgreSQL (table rate_limits), so every API
// process in front of the database counts the same attempts, and each count is one atomic
// upsert, so attempts made at the same instant are all counted. Time is the service's clock.
import { createHash } from 'node:crypto';
import { eq, lte, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../store/database.node.ts';
import { rateLimits } from '../store/schema.node.ts';
import { HttpError } from './httpError.node.ts';

/** At most `limit` attempts in each window of `windowSeconds` (windows start at the first attempt). */
export interface WindowRule {
  limit: number;
  windowSeconds: number;
}

/**
 * Wrong passwords: `freeFailures` in a row are free; from then on each one is followed by a
 * lockout, `firstLockSeconds` doubling with each further failure up to `maxLockSeconds`. A
 * success forgets them, and so does a quiet day (`forgetAfterSeconds` after the last one).
 */
export interface LockoutRule {
  freeFailures: number;
  firstLockSeconds: number;
  maxLockSeconds: number;
  forgetAfterSeconds: number;
}

export interface RateLimitRules {
  signInPerAddress: WindowRule;
  wrongPasswordsPerAccountAndAddress: LockoutRule;
  signInPerAccount: WindowRule;
  signUpPerAddress: WindowRule;
  refreshPerAddress: WindowRule;
  refreshPerOffice: WindowRule;
  ticketMailPerOffice: WindowRule;
  ticketMailPerRecipient: WindowRule;
  ticketMailPerAddress: WindowRule;
  voucherMissesPerTill: WindowRule;
  voucherMailPerOffice: WindowRule;
  voucherMailPerRecipient: WindowRule;
  voucherAssignPerAddress: WindowRule;
}

/** The service's limits; README.md, "Rate limits", says why these numbers. */
export const RATE_LIMITS: RateLimitRules = {
  signInPerAddress: { limit: 30, windowSeconds: 10 * 60 },
  wrongPasswordsPerAccountAndAddress: { freeFailures: 5, firstLockSeconds: 60, maxLockSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 },
  signInPerAccount: { limit: 50, windowSeconds: 15 * 60 },
  signUpPerAddress: { limit: 10, windowSeconds: 3600 },
  refreshPerAddress: { limit: 60, windowSeconds: 10 * 60 },
  refreshPerOffice: { limit: 60, windowSeconds: 10 * 60 },
  ticketMailPerOffice: { limit: 50, windowSeconds: 3600 },
  ticketMailPerRecipient: { limit: 10, windowSeconds: 3600 },
  ticketMailPerAddress: { limit: 100, windowSeconds: 3600 },
  voucherMissesPerTill: { limit: 300, windowSeconds: 3600 },
  voucherMailPerOffice: { limit: 1_000, windowSeconds: 3600 },
  voucherMailPerRecipient: { limit: 10, windowSeconds: 3600 },
  voucherAssignPerAddress: { limit: 200, windowSeconds: 3600 },
};

/** The rules with every count multiplied by `factor` (durations unchanged). */
export function scaledRules(rules: RateLimitRules, factor: number): RateLimitRules {
  const scaled = Object.entries(rules).map(([name, rule]) => [name, 'limit' in rule
    ? { ...rule, limit: rule.limit * factor }
    : { ...rule, freeFailures: rule.freeFailures * factor }]);
  return Object.fromEntries(scaled) as RateLimitRules;
}

export function tooManyAttempts(retryAfterSeconds: number): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new HttpError(429, 'RATE_LIMITED', `Too many attempts; try again in ${seconds} s.`, { retryAfterSeconds: seconds });
}

const keyOf = (rule: string, subject: string) => `${rule}:${createHash('sha256').update(subject).digest('base64url')}`;
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;
const secondsUntil = (until: Date | string, now: Date) => (new Date(until).getTime() - now.getTime()) / 1000;

export interface RateLimiter {
  /** Counts one attempt; throws 429 RATE_LIMITED when it is one too many. */
  count(rule: keyof RateLimitRules, subject: string): Promise<void>;
  /** Throws 429 RATE_LIMITED if the window is already full, counting nothing. */
  checkFull(rule: keyof RateLimitRules, subject: string): Promise<void>;
  /**
   * Counts an attempt as a failure before it is made (so simultaneous guesses cannot slip
   * in before the first is judged): throws 429 while locked out. Call `succeeded` if it was not one.
   */
  countFailure(rule: keyof RateLimitRules, subject: string): Promise<void>;
  succeeded(rule: keyof RateLimitRules, subject: string): Promise<void>;
}

export function createRateLimiter(db: Db, now: () => Date, rules: RateLimitRules): RateLimiter {
  const windowRule = (rule: keyof RateLimitRules) => rules[rule] as WindowRule;
  const lockoutRule = (rule: keyof RateLimitRules) => rules[rule] as LockoutRule;

  return {
    async count(rule, subject) {
      const { limit, windowSeconds } = windowRule(rule);
      const t = now();
      const windowEnd = at(new Date(t.getTime() + windowSeconds * 1000));
      const [row] = rowsOf<{ hits: number; resets_at: string }>(await db.execute(sql`
        INSERT INTO rate_limits AS r (key, hits, resets_at) VALUES (${keyOf(rule, subject)}, 1, ${windowEnd})
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN r.resets_at <= ${at(t)} THEN 1 ELSE r.hits + 1 END,
          resets_at = CASE WHEN r.resets_at <= ${at(t)} THEN ${windowEnd} ELSE r.resets_at END
        RETURNING hits, resets_at`));
      if (row!.hits > limit) throw tooManyAttempts(secondsUntil(row!.resets_at, t));
    },

    async checkFull(rule, subject) {
      const t = now();
      const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, keyOf(rule, subject)));
      if (row && row.resetsAt > t && row.hits >= windowRule(rule).limit) throw tooManyAttempts(secondsUntil(row.resetsAt, t));
    },

    async countFailure(rule, subject) {
      const { freeFailures, firstLockSeconds, maxLockSeconds, forgetAfterSeconds } = lockoutRule(rule);
      const t = now();
      const key = keyOf(rule, subject);
      const forgetAt = at(new Date(t.getTime() + forgetAfterSeconds * 1000));
      // The lockout that follows the n-th failure in a row (none before freeFailures).
      const lockAfter = (n: SQL) => sql`CASE WHEN ${n} >= ${freeFailures}::int
        THEN ${at(t)} + make_interval(secs => least(${firstLockSeconds}::int * power(2, ${n} - ${freeFailures}::int), ${maxLockSeconds}::int)) END`;
      const failures = sql`CASE WHEN r.resets_at <= ${at(t)} THEN 1 ELSE r.hits + 1 END`;
      const counted = rowsOf(await db.execute(sql`
        INSERT INTO rate_limits AS r (key, hits, resets_at, locked_until) VALUES (${key}, 1, ${forgetAt}, ${lockAfter(sql`1`)})
        ON CONFLICT (key) DO UPDATE SET hits = ${failures}, resets_at = ${forgetAt}, locked_until = ${lockAfter(failures)}
        WHERE r.locked_until IS NULL OR r.locked_until <= ${at(t)}
        RETURNING hits`));
      if (counted.length > 0) return;
      // Locked out: the upsert changed nothing, and the attempt is refused uncounted.
      const [row] = await db.select({ lockedUntil: rateLimits.lockedUntil }).from(rateLimits).where(eq(rateLimits.key, key));
      throw tooManyAttempts(row?.lockedUntil ? secondsUntil(row.lockedUntil, t) : 1);
    },

    async succeeded(rule, subject) {
      await db.delete(rateLimits).where(eq(rateLimits.key, keyOf(rule, subject)));
    },
  };
}

/** Deletes the counts that have started again from nothing; returns how many. */
export async function forgetSpentRateLimits(db: Db, now: Date): Promise<number> {
  const deleted = await db.delete(rateLimits).where(lte(rateLimits.resetsAt, now)).returning({ key: rateLimits.key });
  return deleted.length;
}
