// The desk's side of the central service's rate limits: an agent locked out after wrong
// passwords is told, in their language, how long to wait — never an English code.
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RpcError } from '../../src-main/contract/errors.std.ts';
import { en } from '../../src-renderer/i18n/en.std.ts';
import { errorMessage } from '../../src-renderer/i18n/errorMessage.dom.ts';
import { fr } from '../../src-renderer/i18n/fr.std.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { call, PASSWORD, signUp } from '../central/centralTestClient.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
let central: Awaited<ReturnType<typeof startTestCentral>>;
let desk: TempCore;

beforeAll(async () => {
  central = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0, rateLimitFactor: 1 });
  desk = await tempCore(clock.now, { centralUrl: central.url });
});
afterAll(async () => {
  await desk.close();
  await central.close();
});

async function say(error: RpcError, language: 'fr' | 'en'): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: language, fallbackLng: false, interpolation: { escapeValue: false } });
  return errorMessage(error, i18n.t);
}

describe('a desk locked out by the central service', () => {
  it('says how long to wait, in French and in English', async () => {
    const signIn = () => desk.dispatch('account.signIn', { email: 'agent@example.org', password: 'Wrong!2025x' });
    for (let i = 0; i < 5; i++) {
      const wrong = await signIn();
      expect(wrong).toMatchObject({ ok: false, error: { code: 'CENTRAL_REFUSED', details: { reason: 'BAD_CREDENTIALS' } } });
    }
    const locked = await signIn();
    expect(locked).toMatchObject({ ok: false, error: { code: 'CENTRAL_REFUSED', details: { reason: 'RATE_LIMITED', retryAfterSeconds: 60 } } });
    const error = (locked as { error: RpcError }).error;
    expect(await say(error, 'fr')).toBe('Le service central a refusé : trop de tentatives en peu de temps, réessayez dans 1 minute.');
    expect(await say(error, 'en')).toBe('The central service refused: too many attempts in a short time, try again in 1 minute.');

    // A longer wait is said in whole minutes, rounded up.
    const longer = { ...error, details: { ...error.details, retryAfterSeconds: 230 } };
    expect(await say(longer, 'fr')).toBe('Le service central a refusé : trop de tentatives en peu de temps, réessayez dans 4 minutes.');
    expect(await say(longer, 'en')).toBe('The central service refused: too many attempts in a short time, try again in 4 minutes.');
  });
});

describe('a desk whose session renewal is refused for too many refreshes from its address', () => {
  it('stays signed in, and syncs again once the wait is over', async () => {
    const { email } = await signUp(central.url, 'Voyages Patients');
    expect(await desk.dispatch('account.signIn', { email, password: PASSWORD })).toMatchObject({ ok: true });
    // Whatever the sign-in set going is over; then the access token lapses by the service's
    // clock, so the next sync must renew the session.
    expect(await desk.dispatch('sync.now', {})).toMatchObject({ ok: true, value: { connection: 'online' } });
    clock.now = new Date(clock.now.getTime() + 16 * 60_000);
    // Someone else on this address (the office's shared connection) spends its refreshes.
    let refused = 0;
    for (let i = 0; i < 200 && refused === 0; i++) {
      if ((await call(central.url, 'POST', '/auth/refresh', { refreshToken: `spent-${i}` })).status === 429) refused += 1;
    }
    expect(refused).toBe(1);
    const synced = await desk.dispatch('sync.now', {});
    expect(synced).toMatchObject({ ok: true, value: { connection: expect.not.stringMatching(/^signed-out$/) } });
    expect(await desk.dispatch('account.status', {})).toMatchObject({ ok: true, value: { signedIn: true } });

    clock.now = new Date(clock.now.getTime() + 11 * 60_000);
    expect(await desk.dispatch('sync.now', {})).toMatchObject({ ok: true, value: { connection: 'online' } });
  });
});

