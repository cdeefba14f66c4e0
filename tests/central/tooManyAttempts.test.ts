// Guessing, flooding and mail-bombing against the service's own rate limits (README.md, "Rate
// limits"), from several loopback addresses. The limits run on the service's clock, which the
// tests move to show when a lockout ends: no test waits for real time.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { group, PASSWORD, validatedDesk, type Desk } from './centralTestClient.node.ts';
import { postFrom, type AnswerWithRetry } from './fromAddress.node.ts';
import { applyToAll, checkoutRequest, companion, pay } from './orderTestKit.node.ts';
import { signUpForm } from '../support/signUpForm.std.ts';

const WRONG = 'Wrong!2025x';
const clock = { now: new Date('2025-01-10T09:00:00Z') };
const advance = (seconds: number) => {
  clock.now = new Date(clock.now.getTime() + seconds * 1000);
};
let central: RunningCentral & { databaseUrl: string | null };
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  central = await startTestCentral({
    now: () => clock.now, sweepEveryMs: 0, rateLimitFactor: 1,
    mail: { smtpUrl: inbox.url, from: '"Guichet" <billetterie@guichet.example>' },
  });
});
afterAll(async () => {
  await central.close();
  await inbox.close();
});

const signInFrom = (address: string, email: string, password: string) => postFrom(address, central.url, '/auth/signin', { email, password });
const signUpFrom = (address: string, email = `office-${randomUUID()}@example.org`) =>
  postFrom(address, central.url, '/auth/signup', signUpForm(email, PASSWORD));

let accounts = 0;
/** A new account, signed up from an address of its own (sign-ups are limited per address too). */
async function newAccount(): Promise<string> {
  const email = `office-${randomUUID()}@example.org`;
  expect((await signUpFrom(`127.0.1.${++accounts}`, email)).status).toBe(201);
  return email;
}

const refused = (answer: AnswerWithRetry, seconds: number) => {
  expect(answer).toMatchObject({ status: 429, retryAfter: seconds, body: { error: { code: 'RATE_LIMITED', retryAfterSeconds: seconds } } });
};

async function fiveWrongPasswords(address: string, email: string) {
  for (let i = 0; i < 5; i++) expect((await signInFrom(address, email, WRONG)).body.error.code).toBe('BAD_CREDENTIALS');
}

describe('signing in', () => {
  it('guessing passwords on one account is stopped with 429 and Retry-After, by lockouts growing to 15 minutes at most', async () => {
    const email = await newAccount();
    await fiveWrongPasswords('127.0.0.2', email);
    // Locked out: not even the right password is looked at.
    refused(await signInFrom('127.0.0.2', email, PASSWORD), 60);
    advance(59);
    refused(await signInFrom('127.0.0.2', email, PASSWORD), 1);
    advance(1);

    // Each wrong password after a lockout buys the next, twice as long, up to 15 minutes.
    const lockouts: number[] = [];
    for (let round = 0; round < 6; round++) {
      expect((await signInFrom('127.0.0.2', email, WRONG)).status).toBe(401);
      const answer = await signInFrom('127.0.0.2', email, WRONG);
      expect(answer.status).toBe(429);
      lockouts.push(answer.retryAfter!);
      advance(answer.retryAfter!);
    }
    expect(lockouts).toEqual([120, 240, 480, 900, 900, 900]);
  });

  it('twenty guesses sent at the same instant are all counted: five are judged, fifteen refused', async () => {
    const email = await newAccount();
    const answers = await Promise.all(Array.from({ length: 20 }, () => signInFrom('127.0.0.3', email, WRONG)));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(15);
  });

  it('the real user from another address can still sign in while an attacker is locked out', async () => {
    const email = await newAccount();
    await fiveWrongPasswords('127.0.0.4', email);
    refused(await signInFrom('127.0.0.4', email, PASSWORD), 60);

    expect((await signInFrom('127.0.0.5', email, PASSWORD)).status).toBe(200);
    refused(await signInFrom('127.0.0.4', email, PASSWORD), 60);

    // Once the lockout is over, the right password at that address forgets the wrong ones.
    advance(60);
    expect((await signInFrom('127.0.0.4', email, PASSWORD)).status).toBe(200);
    await fiveWrongPasswords('127.0.0.4', email);
  });

  it('an e-mail with no account is locked out like any other, so a 429 tells no one whether it exists', async () => {
    const nobody = `nobody-${randomUUID()}@example.org`;
    await fiveWrongPasswords('127.0.0.6', nobody);
    refused(await signInFrom('127.0.0.6', nobody, PASSWORD), 60);
  });

  it('guessing one account from many addresses at once locks it for everyone, for 15 minutes at most', async () => {
    const email = await newAccount();
    for (let a = 10; a < 20; a++) await fiveWrongPasswords(`127.0.0.${a}`, email);
    advance(300);
    // 50 wrong passwords in 15 minutes: refused from anywhere, and nothing counted against the address.
    refused(await signInFrom('127.0.0.40', email, PASSWORD), 600);
    refused(await signInFrom('127.0.0.40', email, PASSWORD), 600);
    advance(600);
    expect((await signInFrom('127.0.0.40', email, PASSWORD)).status).toBe(200);
  });

  it('one address cannot try more than 30 sign-ins in 10 minutes, whatever the accounts', async () => {
    for (let i = 0; i < 30; i++) expect((await signInFrom('127.0.0.50', `sprayed-${i}@example.org`, WRONG)).status).toBe(401);
    refused(await signInFrom('127.0.0.50', 'sprayed-30@example.org', WRONG), 600);
    expect((await signInFrom('127.0.0.51', 'sprayed-30@example.org', WRONG)).status).toBe(401);
  });
});

describe('the address counted', () => {
  it('is the peer\'s: an X-Forwarded-For header does not get a locked-out guesser a new one', async () => {
    const email = await newAccount();
    await fiveWrongPasswords('127.0.0.7', email);
    const claimed = await postFrom('127.0.0.7', central.url, '/auth/signin', { email, password: PASSWORD }, { 'x-forwarded-for': '198.51.100.1' });
    refused(claimed, 60);
  });

  it('behind a load balancer the service is told to trust, is the client it names', async () => {
    const behind = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0, rateLimitFactor: 1, trustProxy: ['127.0.0.8'] });
    try {
      const email = `office-${randomUUID()}@example.org`;
      expect((await postFrom('127.0.0.9', behind.url, '/auth/signup', signUpForm(email, PASSWORD))).status).toBe(201);
      const through = (client: string, password: string) =>
        postFrom('127.0.0.8', behind.url, '/auth/signin', { email, password }, { 'x-forwarded-for': client });
      for (let i = 0; i < 5; i++) expect((await through('203.0.113.7', WRONG)).status).toBe(401);
      refused(await through('203.0.113.7', PASSWORD), 60);
      expect((await through('203.0.113.8', PASSWORD)).status).toBe(200);
    } finally {
      await behind.close();
    }
  });
});

describe('signing up', () => {
  it('sign-up flood from one address is stopped', async () => {
    for (let i = 0; i < 10; i++) expect((await signUpFrom('127.0.0.60')).status).toBe(201);
    const email = `office-${randomUUID()}@example.org`;
    refused(await signUpFrom('127.0.0.60', email), 3600);
    // Refused before anything was made: there is no such account.
    expect((await signInFrom('127.0.0.61', email, PASSWORD)).status).toBe(401);
    expect((await signUpFrom('127.0.0.61')).status).toBe(201);
    advance(3600);
    expect((await signUpFrom('127.0.0.60')).status).toBe(201);
  });
});

describe('refreshing a session', () => {
  const refreshFrom = (address: string, refreshToken: string) => postFrom(address, central.url, '/auth/refresh', { refreshToken });

  it('a refresh-token flood is limited', async () => {
    for (let i = 0; i < 60; i++) expect((await refreshFrom('127.0.0.70', randomUUID())).status).toBe(401);
    refused(await refreshFrom('127.0.0.70', randomUUID()), 600);
    // A desk elsewhere renews its session as usual.
    const session = (await signInFrom('127.0.0.71', await newAccount(), PASSWORD)).body;
    expect((await refreshFrom('127.0.0.71', session.refreshToken)).status).toBe(200);
  });

  it('one session refreshed over and over is limited too, and the refused refresh token still works after the wait', async () => {
    let token: string = (await signInFrom('127.0.0.72', await newAccount(), PASSWORD)).body.refreshToken;
    for (let i = 0; i < 60; i++) {
      const answer = await refreshFrom(i % 2 ? '127.0.0.73' : '127.0.0.74', token);
      expect(answer.status).toBe(200);
      token = answer.body.refreshToken;
    }
    refused(await refreshFrom('127.0.0.75', token), 600);
    advance(600);
    expect((await refreshFrom('127.0.0.75', token)).status).toBe(200);
  });
});

describe('e-mailing tickets', () => {
  let desk: Desk;
  let ticketId: string;
  let orderId: string;

  beforeAll(async () => {
    desk = await validatedDesk(central, 'Voyages Courrier');
    const placed = await desk.place('conciergerie:2025-04-23T08:00:00.000Z', group(10, 1));
    const guide = await companion(desk, 'guide');
    const { order, tickets } = await pay(desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: applyToAll(group(10, 1), guide) }]));
    orderId = order.id;
    ticketId = tickets[0]!.id;
  });

  async function contactAt(email: string): Promise<string> {
    const contactId = randomUUID();
    await desk.mutate('contact.save', { contactId, surname: 'Bernard', firstName: 'Chloé', email });
    return contactId;
  }
  const sendTo = (contactId: string) => postFrom('127.0.0.80', central.url, `/orders/${orderId}/assign`,
    { ticketIds: [ticketId], to: { kind: 'contact', contactId }, language: 'fr' }, { authorization: `Bearer ${desk.session.accessToken}` });

  it('ticket e-mails cannot be re-sent without limit', async () => {
    const victim = `victim-${randomUUID()}@example.org`;
    const contactId = await contactAt(victim);
    for (let i = 0; i < 10; i++) expect((await sendTo(contactId)).status).toBe(200);
    refused(await sendTo(contactId), 3600);
    // The same address saved under another contact (in other letters) is the same inbox.
    refused(await sendTo(await contactAt(victim.toUpperCase())), 3600);
    expect(inbox.mailTo(victim)).toHaveLength(10);
    // Anyone else still gets the tickets sent to them.
    expect((await sendTo(await contactAt(`colleague-${randomUUID()}@example.org`))).status).toBe(200);
    advance(3600);
    await desk.signInAgain();
    expect((await sendTo(contactId)).status).toBe(200);
    expect(inbox.mailTo(victim)).toHaveLength(11);
  });
});

describe('the counts', () => {
  it('are forgotten by the sweeper once they have started again from nothing', async () => {
    if (!central.databaseUrl) throw new Error('this suite needs the run\'s PostgreSQL cluster');
    const db = new pg.Client({ connectionString: central.databaseUrl });
    await db.connect();
    try {
      const rows = async () => Number((await db.query('SELECT count(*) FROM rate_limits')).rows[0].count);
      await fiveWrongPasswords('127.0.0.90', await newAccount());
      expect(await rows()).toBeGreaterThan(0);
      advance(24 * 3600);
      await central.sweepExpired();
      expect(await rows()).toBe(0);
    } finally {
      await db.end();
    }
  });
});
