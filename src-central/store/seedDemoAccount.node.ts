// The validated demo office that `npm run demo` and `npm run start:browser` sign in with.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import type { Passwords } from '../accounts/passwords.node.ts';
import type { Db } from './database.node.ts';
import { offices } from './schema.node.ts';

/**
 * The demo office's password hash being made, if the office is still to be made. Hashing at
 * the recommended cost takes a good part of a second: only a first start pays it, and it
 * starts now so that it runs while the catalogue is written.
 */
export async function startDemoAccountHash(db: Db, passwords: Passwords): Promise<{ hash: Promise<string> } | null> {
  const [existing] = await db.select({ id: offices.id }).from(offices).where(eq(offices.email, DEMO_ACCOUNT.email));
  if (existing) return null;
  const hash = passwords.hash(DEMO_ACCOUNT.password);
  hash.catch(() => undefined); // awaited by the start; one that fails before never reads it
  return { hash };
}

export async function seedDemoAccount(db: Db, now: Date, passwordHash: string): Promise<void> {
  await db.insert(offices).values({
    id: randomUUID(), company: DEMO_ACCOUNT.company, contactName: DEMO_ACCOUNT.contactName, email: DEMO_ACCOUNT.email,
    passwordHash, status: 'validated', createdAt: now,
  }).onConflictDoNothing({ target: offices.email });
}
