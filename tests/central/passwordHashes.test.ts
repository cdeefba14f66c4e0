// Password hashes at the recommended scrypt cost (OWASP: N=2^17, r=8, p=1), the cost written
// in the hash; hashes made before — in the first format, at Node's default cost — still sign
// in, and the sign-in that proves the password rewrites them at the current cost.
import { randomBytes, scryptSync } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { call, PASSWORD, signIn, signUp } from './centralTestClient.node.ts';

let central: Awaited<ReturnType<typeof startTestCentral>>;
let db: pg.Client;

beforeAll(async () => {
  central = await startTestCentral({ sweepEveryMs: 0, passwordCost: { N: 2 ** 17, r: 8, p: 1 } });
  if (!central.databaseUrl) throw new Error('this suite needs the run\'s PostgreSQL cluster');
  db = new pg.Client({ connectionString: central.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await central.close();
});

const storedHash = async (email: string): Promise<string> =>
  (await db.query('SELECT password_hash FROM offices WHERE email = $1', [email])).rows[0].password_hash;
const setStoredHash = (email: string, hash: string) => db.query('UPDATE offices SET password_hash = $2 WHERE email = $1', [email, hash]);

/** `scrypt$<salt>$<hash>` as the service wrote it before: Node's default cost, not written down. */
function firstFormatHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(password, salt, 32).toString('base64url')}`;
}

describe('password hashes', () => {
  it('are made at N=2^17, r=8, p=1, written in the hash', async () => {
    const { email } = await signUp(central.url);
    expect(await storedHash(email)).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  });

  it('an old-format password hash is upgraded at sign-in and still works', async () => {
    const { email } = await signUp(central.url);
    const old = firstFormatHash(PASSWORD);
    await setStoredHash(email, old);

    // A wrong password proves nothing: the hash stays as it was.
    expect((await call(central.url, 'POST', '/auth/signin', { email, password: 'Wrong!2025x' })).status).toBe(401);
    expect(await storedHash(email)).toBe(old);

    await signIn(central.url, email);
    const upgraded = await storedHash(email);
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    await signIn(central.url, email);
    expect(await storedHash(email)).toBe(upgraded);
    expect((await call(central.url, 'POST', '/auth/signin', { email, password: 'Wrong!2025x' })).status).toBe(401);
  });

  it('a hash written at a lower cost is rewritten at the current one when its password is proven', async () => {
    const { email } = await signUp(central.url);
    const salt = randomBytes(16);
    await setStoredHash(email, `scrypt$1024$8$1$${salt.toString('base64url')}$${scryptSync(PASSWORD, salt, 32, { N: 1024 }).toString('base64url')}`);
    await signIn(central.url, email);
    expect(await storedHash(email)).toMatch(/^scrypt\$131072\$8\$1\$/);
  });

  it("keeps the demo office's hash cheap: its password is printed in the README, and a costly hash would only slow the demo's first sign-in", async () => {
    const demo = await startTestCentral({ sweepEveryMs: 0, demoAccount: true, passwordCost: { N: 2 ** 17, r: 8, p: 1 } });
    const demoDb = new pg.Client({ connectionString: demo.databaseUrl! });
    await demoDb.connect();
    try {
      const hashOf = async () => (await demoDb.query('SELECT password_hash FROM offices WHERE email = $1', [DEMO_ACCOUNT.email])).rows[0].password_hash;
      const made = await hashOf();
      expect(made).toMatch(/^scrypt\$1024\$8\$1\$/);
      await signIn(demo.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      expect(await hashOf()).toBe(made);
      expect((await call(demo.url, 'POST', '/auth/signin', { email: DEMO_ACCOUNT.email, password: 'Wrong!2025x' })).status).toBe(401);
    } finally {
      await demoDb.end();
      await demo.close();
    }
  });
});
