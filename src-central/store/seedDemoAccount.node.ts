// The validated demo office that `npm run demo` and `npm run start:browser` sign in with.
import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { hashPassword } from '../accounts/passwords.node.ts';
import type { Db } from './database.node.ts';
import { offices } from './schema.node.ts';

export async function seedDemoAccount(db: Db, now: Date): Promise<void> {
  await db.insert(offices).values({
    id: randomUUID(), company: DEMO_ACCOUNT.company, contactName: DEMO_ACCOUNT.contactName, email: DEMO_ACCOUNT.email,
    passwordHash: await hashPassword(DEMO_ACCOUNT.password), status: 'validated', createdAt: now,
  }).onConflictDoNothing({ target: offices.email });
}
