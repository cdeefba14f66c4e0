// The validated demo office that `npm run demo` and `npm run start:browser` sign in with.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { createPasswords, PUBLIC_PASSWORD_SCRYPT } from '../accounts/passwords.node.ts';
import type { Db } from './database.node.ts';
import { offices } from './schema.node.ts';

/** The demo office's password hash, at the cost of a public password. */
export const demoPasswordHash = () => createPasswords(PUBLIC_PASSWORD_SCRYPT).hash(DEMO_ACCOUNT.password);

/** Whether a sign-in is the demo office's with its public password: its hash is kept cheap, not raised. */
export const isPublicDemoSignIn = (email: string, password: string) => email === DEMO_ACCOUNT.email && password === DEMO_ACCOUNT.password;

/** The demo office's password hash being made, if the office is still to be made; it runs while the catalogue is written. */
export async function startDemoAccountHash(db: Db): Promise<{ hash: Promise<string> } | null> {
  const [existing] = await db.select({ id: offices.id }).from(offices).where(eq(offices.email, DEMO_ACCOUNT.email));
  if (existing) return null;
  const hash = demoPasswordHash();
  hash.catch(() => undefined); // awaited by the start; one that fails before never reads it
  return { hash };
}

export async function seedDemoAccount(db: Db, now: Date, passwordHash: string): Promise<void> {
  await db.insert(offices).values({
    id: randomUUID(), company: DEMO_ACCOUNT.company, contactName: DEMO_ACCOUNT.contactName, email: DEMO_ACCOUNT.email,
    passwordHash, status: 'validated', createdAt: now,
  }).onConflictDoNothing({ target: offices.email });
}
