// Accounts (DOMAIN.md §8): the password policy, one account per e-mail, sign-in before
// validation, tokens, and the back office's validation opening bookings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { admin, call, Desk, group, PASSWORD, signIn, signUp } from './centralTestClient.node.ts';
import { oneDatabase } from './keyTestKit.node.ts';
import { signUpForm } from '../support/signUpForm.std.ts';
import type { SignUp } from '../../src-main/contract/centralApi.std.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
let central: RunningCentral;
const slot = 'conciergerie:2025-04-15T12:00:00.000Z';

beforeAll(async () => {
  central = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0 });
});
afterAll(() => central.close());

const signup = (email: string, password: string) =>
  call(central.url, 'POST', '/auth/signup', signUpForm(email, password));

describe('sign-up', () => {
  it.each([
    ['Sh0rt!a', ['length']],
    ['secret!2025x', ['upper']],
    ['SECRET!2025X', ['lower']],
    ['Secret!abcdx', ['digit']],
    ['Secret2025xx', ['special']],
    ['short', ['length', 'upper', 'digit', 'special']],
  ])('refuses %s and names what it lacks', async (password, missing) => {
    const answer = await signup(`weak-${missing.join('-')}-${password.length}@example.org`, password);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'WEAK_PASSWORD', missing });
  });

  it('creates an office awaiting validation, once per e-mail whatever its case', async () => {
    const first = await signup('Dupont@Example.org', PASSWORD);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ officeId: expect.any(String), status: 'awaiting_validation' });
    const again = await signup('dupont@example.ORG', PASSWORD);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('refuses a sign-up field by field: a SIRET of 13 digits, no first name, a French postcode of 4 (a Belgian one of 4 is right)', async () => {
    const form: Partial<SignUp> = signUpForm('fields@example.org', PASSWORD, { siret: '123 456 789 0001' });
    delete form.firstName;
    const answer = await call(central.url, 'POST', '/auth/signup', form);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_INPUT');
    for (const field of ['siret:', 'firstName:']) expect(answer.body.error.message).toContain(field);
    const postcode = await call(central.url, 'POST', '/auth/signup', signUpForm('fields@example.org', PASSWORD, { postcode: '7500' }));
    expect(postcode.body.error.message).toContain('postcode: invalid_format');
    const abroad = await call(central.url, 'POST', '/auth/signup', signUpForm('abroad@example.org', PASSWORD, { postcode: '1000', country: 'BE' }));
    expect(abroad.status).toBe(201);
  });

  it('refuses malformed input without a stack trace', async () => {
    const answer = await call(central.url, 'POST', '/auth/signup', { company: 'X', email: 'not-an-email', password: PASSWORD });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('sign-in and validation', () => {
  it('lets an awaiting office sign in, refuses its options until the back office validates it', async () => {
    const { email, officeId } = await signUp(central.url);
    const session = await signIn(central.url, email);
    expect(session.office).toEqual({ id: officeId, company: 'Voyages Test', status: 'awaiting_validation' });
    const desk = new Desk(central.url, session, email);
    expect(await desk.place(slot, group(10))).toMatchObject({ status: 'rejected', code: 'NOT_VALIDATED' });

    const listed = await admin(central, '/admin/offices');
    expect(listed.body.offices).toContainEqual(expect.objectContaining({ id: officeId, status: 'awaiting_validation' }));
    expect((await admin(central, `/admin/offices/${officeId}/validate`, {})).status).toBe(200);

    // The same access token now speaks for a validated office: status is read at each push.
    expect(await desk.place(slot, group(10))).toMatchObject({ status: 'applied', option: { state: 'active' } });
    const me = await desk.authed('GET', '/me');
    expect(me.body).toEqual({ office: { id: officeId, company: 'Voyages Test', status: 'validated' }, user: { email, contactName: 'Test Agent' } });
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const { email } = await signUp(central.url);
    const wrong = await call(central.url, 'POST', '/auth/signin', { email, password: 'Wrong!2025x' });
    const unknown = await call(central.url, 'POST', '/auth/signin', { email: 'nobody@example.org', password: PASSWORD });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'BAD_CREDENTIALS']);
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'BAD_CREDENTIALS']);
  });

  it('rotates refresh tokens, expires access tokens, and signs out', async () => {
    const { email } = await signUp(central.url);
    const session = await signIn(central.url, email);
    // The answer carrying the first new token is lost: the desk tries its old token again, and it still works.
    const lost = await call(central.url, 'POST', '/auth/refresh', { refreshToken: session.refreshToken });
    expect(lost.status).toBe(200);
    const refreshed = await call(central.url, 'POST', '/auth/refresh', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(new Set([session.refreshToken, lost.body.refreshToken, refreshed.body.refreshToken]).size).toBe(3);
    // A token handed out in a lost answer is dropped when the old one is used again.
    const dropped = await call(central.url, 'POST', '/auth/refresh', { refreshToken: lost.body.refreshToken });
    expect([dropped.status, dropped.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    // Using the new token retires the old one for good.
    const next = await call(central.url, 'POST', '/auth/refresh', { refreshToken: refreshed.body.refreshToken });
    expect(next.status).toBe(200);
    const reused = await call(central.url, 'POST', '/auth/refresh', { refreshToken: session.refreshToken });
    expect([reused.status, reused.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    refreshed.body = next.body;

    const started = clock.now;
    try {
      clock.now = new Date(started.getTime() + 16 * 60_000);
      const late = await call(central.url, 'GET', '/me', undefined, { authorization: `Bearer ${refreshed.body.accessToken}` });
      expect([late.status, late.body.error.code]).toEqual([401, 'TOKEN_EXPIRED']);
    } finally {
      clock.now = started;
    }

    expect((await call(central.url, 'POST', '/auth/signout', { refreshToken: refreshed.body.refreshToken })).status).toBe(204);
    const after = await call(central.url, 'POST', '/auth/refresh', { refreshToken: refreshed.body.refreshToken });
    expect(after.status).toBe(401);
  });

  it('refuses sync and /me without a valid token, and the back office without its token', async () => {
    expect((await call(central.url, 'GET', '/me')).body.error.code).toBe('UNAUTHORIZED');
    const forged = await call(central.url, 'POST', '/sync/pull', { clientId: crypto.randomUUID(), cookie: null }, { authorization: 'Bearer abc.def' });
    expect([forged.status, forged.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    const noAdmin = await call(central.url, 'GET', '/admin/offices');
    expect(noAdmin.status).toBe(401);
  });
});

describe('sign-out', () => {
  const clock2 = { now: new Date('2025-01-10T09:00:00Z') };
  let database: Awaited<ReturnType<typeof oneDatabase>>;
  let one: RunningCentral;
  let another: RunningCentral;
  beforeAll(async () => {
    database = await oneDatabase(clock2.now);
    // Two API processes in front of one PostgreSQL, sharing nothing else.
    one = await database.start({ now: () => clock2.now });
    another = await database.start({ now: () => clock2.now });
  });
  afterAll(async () => {
    await Promise.all([one.close(), another.close()]);
    await database.drop();
  });

  it('an access token is refused right after sign-out, on every API process, with the earlier ones of its session', async () => {
    const { email } = await signUp(one.url);
    const session = await signIn(one.url, email);
    const colleague = await signIn(one.url, email);
    const renewed = await call(one.url, 'POST', '/auth/refresh', { refreshToken: session.refreshToken });
    expect(renewed.status).toBe(200);
    const me = (central: RunningCentral, token: string) => call(central.url, 'GET', '/me', undefined, { authorization: `Bearer ${token}` });
    expect((await me(another, renewed.body.accessToken)).status).toBe(200);

    expect((await call(one.url, 'POST', '/auth/signout', { refreshToken: renewed.body.refreshToken })).status).toBe(204);
    // The refresh token it replaced (still good until the new one was used) ends with the session.
    const old = await call(another.url, 'POST', '/auth/refresh', { refreshToken: session.refreshToken });
    expect([old.status, old.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);

    for (const central of [one, another]) {
      const after = await me(central, renewed.body.accessToken);
      expect([after.status, after.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
      // The session's token from before its last refresh ends with it.
      expect((await me(central, session.accessToken)).status).toBe(401);
      // Another workstation of the same office keeps its own session.
      expect((await me(central, colleague.accessToken)).status).toBe(200);
      const pull = await call(central.url, 'POST', '/sync/pull', { clientId: crypto.randomUUID(), cookie: null }, { authorization: `Bearer ${renewed.body.accessToken}` });
      expect(pull.status).toBe(401);
    }
  });
});
