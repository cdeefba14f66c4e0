// Forged access tokens. A security review read the token key out of the database and signed
// a token good for a year, which the service took: it trusted the expiry the token stated.
// The service now bounds a token's life itself, and checks its algorithm, key id and issuer;
// a retired key verifies only the tokens it signed before it was retired, for their lifetime.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { call, validatedDesk, type Desk } from './centralTestClient.node.ts';
import { hs256, MINUTE, newTokenSecret, oneDatabase, query, readToken, reSigned, YEAR } from './keyTestKit.node.ts';

const me = (central: RunningCentral, token: string) => call(central.url, 'GET', '/me', undefined, { authorization: `Bearer ${token}` });
const refusal = (answer: { status: number; body: { error?: { code: string } } }) => [answer.status, answer.body.error?.code];

describe('a forged one-year token', () => {
  const clock = { now: new Date('2025-01-10T09:00:00Z') };
  let database: Awaited<ReturnType<typeof oneDatabase>>;
  let central: RunningCentral;
  let desk: Desk;
  beforeAll(async () => {
    database = await oneDatabase(clock.now);
    // No key given: the demo's way, the token key kept in the database the reviewer read.
    central = await database.start({ now: () => clock.now });
    desk = await validatedDesk(central);
  });
  afterAll(async () => {
    await central.close();
    await database.drop();
  });

  it('is refused, even signed with the service\'s own key read from its database', async () => {
    const [row] = await query<{ secret: string }>(database.url, 'SELECT secret FROM token_key');
    const leaked = Buffer.from(row!.secret, 'base64url');
    const token = desk.session.accessToken;
    // The forger's signature is the service's: the same claims signed again are taken.
    expect((await me(central, reSigned(token, leaked, () => {}))).status).toBe(200);

    const yearSeconds = YEAR / 1000;
    const forgeries = {
      'its expiry pushed a year on': (c: Record<string, unknown>) => {
        for (const field of ['e', 'exp']) if (typeof c[field] === 'number') c[field] = (c[field] as number) + yearSeconds;
      },
      'issued a year ago and expiring in a year': (c: Record<string, unknown>) => {
        for (const field of ['e', 'exp']) if (typeof c[field] === 'number') c[field] = (c[field] as number) + yearSeconds;
        if (typeof c.iat === 'number') c.iat -= yearSeconds;
      },
      'issued a year from now, for fifteen minutes': (c: Record<string, unknown>) => {
        for (const field of ['e', 'exp', 'iat']) if (typeof c[field] === 'number') c[field] = (c[field] as number) + yearSeconds;
      },
    };
    for (const [what, change] of Object.entries(forgeries)) {
      const forged = reSigned(token, leaked, change);
      expect(refusal(await me(central, forged)), what).toEqual([401, 'UNAUTHORIZED']);
    }

    const issued = clock.now;
    try {
      // Sixteen minutes on, the genuine token has lapsed, and a year-long one is no better.
      clock.now = new Date(issued.getTime() + 16 * MINUTE);
      expect(refusal(await me(central, token))).toEqual([401, 'TOKEN_EXPIRED']);
      expect((await me(central, reSigned(token, leaked, forgeries['its expiry pushed a year on']))).status).toBe(401);
    } finally {
      clock.now = issued;
    }
  });
});

describe('a token signed by an unknown or retired key', () => {
  const clock = { now: new Date('2025-01-10T09:00:00Z') };
  const oldSecret = newTokenSecret();
  const newSecret = newTokenSecret();
  const retiredAt = new Date(clock.now.getTime() + MINUTE);
  let database: Awaited<ReturnType<typeof oneDatabase>>;
  let rotated: RunningCentral;
  let desk: Desk;
  beforeAll(async () => {
    database = await oneDatabase(clock.now);
    const before = await database.start({ now: () => clock.now, keys: { token: { current: oldSecret, retired: [] } } });
    desk = await validatedDesk(before);
    await before.close();
    // The operator rotates the token key a minute later, keeping the old one as retired.
    clock.now = new Date(clock.now.getTime() + 2 * MINUTE);
    rotated = await database.start({ now: () => clock.now, keys: { token: { current: newSecret, retired: [{ secret: oldSecret, retiredAt }] } } });
  });
  afterAll(async () => {
    await rotated.close();
    await database.drop();
  });

  it('is refused, while a token the retired key signed before its retirement lives out its fifteen minutes', async () => {
    const oldToken = desk.session.accessToken;
    const { header: oldHeader, claims } = readToken(oldToken);
    // Signed before the rotation: still good, for the rest of its life.
    expect((await me(rotated, oldToken)).status).toBe(200);

    // What the service signs now carries the new key's id, and a token made the same way with the new key is taken.
    const { refreshToken } = desk.session;
    const renewed = await call(rotated.url, 'POST', '/auth/refresh', { refreshToken });
    expect(renewed.status).toBe(200);
    const newHeader = readToken(renewed.body.accessToken).header;
    expect(newHeader).toMatchObject({ alg: 'HS256' });
    expect(newHeader.kid).not.toEqual(oldHeader.kid);
    const nowSeconds = Math.floor(clock.now.getTime() / 1000);
    const fresh = { ...claims, iat: nowSeconds, exp: nowSeconds + 15 * 60 };
    const newKey = Buffer.from(newSecret, 'base64url');
    expect((await me(rotated, hs256(newHeader, fresh, newKey))).status).toBe(200);

    const forgeries: Record<string, string> = {
      'signed after its retirement with the retired key': hs256(oldHeader, fresh, Buffer.from(oldSecret, 'base64url')),
      'signed with an unknown key under the current key id': hs256(newHeader, fresh, randomBytes(32)),
      'signed with an unknown key under an unknown key id': hs256({ ...newHeader, kid: randomBytes(8).toString('hex') }, fresh, randomBytes(32)),
      'naming no key': hs256({ alg: 'HS256', typ: 'JWT' }, fresh, newKey),
      'saying alg none, unsigned': `${hs256({ ...newHeader, alg: 'none' }, fresh, newKey).split('.').slice(0, 2).join('.')}.`,
      'saying another algorithm': hs256({ ...newHeader, alg: 'HS512' }, fresh, newKey),
      'from another issuer': hs256(newHeader, { ...fresh, iss: 'someone-else' }, newKey),
      'with no issuer': hs256(newHeader, { ...fresh, iss: undefined }, newKey),
    };
    for (const [what, forged] of Object.entries(forgeries)) {
      expect(refusal(await me(rotated, forged)), what).toEqual([401, 'UNAUTHORIZED']);
    }

    // Fifteen minutes after it was signed, the retired key's last token has lapsed too.
    clock.now = new Date(new Date('2025-01-10T09:00:00Z').getTime() + 16 * MINUTE);
    expect(refusal(await me(rotated, oldToken))).toEqual([401, 'TOKEN_EXPIRED']);
  });
});
