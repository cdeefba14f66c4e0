// Keys at rest: the token and ticket signing keys sat unencrypted in the database, where a
// backup or a read-only leak is enough to forge sign-ins and tickets. `npm run central` now
// takes them from the environment or a key file, never writes them to the database, and says
// loudly when it falls back to keys kept there (the demo's way).
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TicketPublicKeySchema } from '../../src-main/contract/centralApi.std.ts';
import { generateSigningKey, verifyGroupQr, verifyTicketQr } from '../../src-central/tickets/ticketSignature.node.ts';
import { ROOT, tempDir } from '../support/tempCore.node.ts';
import { Desk, group, signIn, validatedDesk } from './centralTestClient.node.ts';
import { everythingStored, newTokenSecret, oneDatabase, query, reSigned } from './keyTestKit.node.ts';
import { checkoutRequest, pay, putsOf } from './orderTestKit.node.ts';

const ADMIN_TOKEN = 'keys-test-admin-token';
const clock = { now: new Date() };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

let database: Awaited<ReturnType<typeof oneDatabase>>;
let slots: string[];
beforeAll(async () => {
  database = await oneDatabase(clock.now);
  // The service on the real clock: slots two months ahead (an option is held for 30 days), one per paid group.
  slots = (await query<{ id: string }>(database.url,
    "SELECT id FROM slots WHERE venue_id = 'conciergerie' AND starts_at > now() + interval '60 days' ORDER BY starts_at LIMIT 8")).map((r) => r.id);
});
afterAll(() => database.drop());

interface Cli { url: string; output(): string; stop(): Promise<number | null> }

/** `npm run central`'s entry on the test database, until it prints its URL or exits. */
function startCli(env: Record<string, string>): Promise<Cli | { exited: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src-central/cli.node.ts')], {
      cwd: ROOT,
      env: {
        ...process.env, GUICHET_PAYMENTS: 'test', PORT: '0', DATABASE_URL: database.url, GUICHET_ADMIN_TOKEN: ADMIN_TOKEN,
        GUICHET_TOKEN_KEY: '', GUICHET_TICKET_KEY: '', GUICHET_TICKET_KEYS_RETIRED: '', GUICHET_KEYS_FILE: '', ...env,
      },
    });
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Guichet central service: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, output: () => output, stop: () => (child.kill('SIGTERM'), exited) });
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.on('error', reject);
    void exited.then((code) => resolve({ exited: code, output }));
  });
}

async function running(env: Record<string, string>): Promise<Cli> {
  const cli = await startCli(env);
  if ('exited' in cli) throw new Error(`npm run central exited ${cli.exited}: ${cli.output}`);
  return cli;
}

async function publishedKeys(url: string) {
  return TicketPublicKeySchema.parse(await (await fetch(new URL('/tickets/public-key', url))).json());
}

/** A paid group of 8 on its own slot: its tickets and group code as pulled. */
async function paidGroup(desk: Desk, slotId: string) {
  const placed = await desk.place(slotId, group(8));
  if (!placed.option) throw new Error(`${slotId}: ${JSON.stringify(placed)}`);
  await pay(desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: [] }]));
  const patch = (await desk.pullAll(null)).patch;
  return { tickets: putsOf(patch, 'ticket').filter((t) => t.optionId === placed.option!.id), groupCode: putsOf(patch, 'groupCode').find((g) => g.id === placed.option!.id)!.qr! };
}

/** The body of a PEM, without its armour: what would show in a dump if the key were stored. */
const pemBody = (pem: string) => pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');

/** Starts the service with `env`, checks that it signs with `tokenSecret` and `ticketKey`, and stops it. */
async function signsWith(env: Record<string, string>, tokenSecret: string, ticketKey: ReturnType<typeof generateSigningKey>, slotId: string) {
  const cli = await running(env);
  try {
    expect(cli.output()).not.toContain('KEYS IN THE DATABASE');
    const keys = await publishedKeys(cli.url);
    expect(keys.keyId).toBe(ticketKey.keyId);
    const desk = await validatedDesk({ url: cli.url, adminToken: ADMIN_TOKEN });
    // Signed with the configured secret: signing its claims again with it gives the same token.
    const token = desk.session.accessToken;
    expect(reSigned(token, Buffer.from(tokenSecret, 'base64url'), () => {})).toBe(token);
    const { tickets, groupCode } = await paidGroup(desk, slotId);
    for (const t of tickets) expect(verifyTicketQr(t.qr, ticketKey.publicKeyPem)).toMatchObject({ valid: true, keyId: ticketKey.keyId });
    expect(verifyGroupQr(groupCode, ticketKey.publicKeyPem)).toMatchObject({ valid: true });
    return { desk, tickets, groupCode };
  } finally {
    await cli.stop();
  }
}

async function neverStored(...secrets: string[]) {
  const stored = await everythingStored(database.url);
  for (const secret of secrets) expect(stored).not.toContain(secret);
  expect(await query(database.url, 'SELECT * FROM token_key')).toEqual([]);
  expect(await query(database.url, 'SELECT key_id FROM ticket_keys WHERE private_key_pem IS NOT NULL')).toEqual([]);
}

describe('keys at rest', () => {
  it('keys from the environment are used and never written to the database', async () => {
    const tokenSecret = newTokenSecret();
    const ticketKey = generateSigningKey();
    await signsWith({
      GUICHET_TOKEN_KEY: tokenSecret,
      // A PEM does not fit one line of an env file: its base64 does.
      GUICHET_TICKET_KEY: Buffer.from(ticketKey.privateKeyPem).toString('base64'),
    }, tokenSecret, ticketKey, slots[0]!);
    await neverStored(tokenSecret, Buffer.from(tokenSecret, 'base64url').toString('base64').replace(/=+$/, ''), pemBody(ticketKey.privateKeyPem));
  });

  it('keys from a key file are used and never written to the database, and rotate with npm run central:keys', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'guichet-keys.json');
    const keysCli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src-central/keys/keysCli.node.ts'), ...args], { cwd: ROOT });
    await keysCli('new', file);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
    const made = JSON.parse(fs.readFileSync(file, 'utf8')) as { token: { current: string }; ticket: { current: string } };
    const first = await running({ GUICHET_KEYS_FILE: file });
    const { keyId: firstKeyId } = await publishedKeys(first.url);
    await first.stop();

    const { stdout } = await keysCli('rotate', file, 'ticket');
    expect(stdout).toContain(`retired ${firstKeyId}`);
    const rotatedFile = JSON.parse(fs.readFileSync(file, 'utf8')) as { token: { current: string }; ticket: { current: string; retired: string[] } };
    expect(rotatedFile.token.current).toBe(made.token.current);
    expect(rotatedFile.ticket.retired).toHaveLength(1);

    const second = await running({ GUICHET_KEYS_FILE: file });
    let printed: Awaited<ReturnType<typeof paidGroup>>;
    try {
      const keys = await publishedKeys(second.url);
      expect(keys.keys.map((k) => [k.keyId, k.status])).toEqual([[keys.keyId, 'current'], [firstKeyId, 'retired']]);
      const desk = await validatedDesk({ url: second.url, adminToken: ADMIN_TOKEN });
      printed = await paidGroup(desk, slots[1]!);
      for (const t of printed.tickets) expect(verifyTicketQr(t.qr, keys.publicKeyPem)).toMatchObject({ valid: true, keyId: keys.keyId });
      const token = desk.session.accessToken;
      expect(reSigned(token, Buffer.from(made.token.current, 'base64url'), () => {})).toBe(token);
    } finally {
      await second.stop();
    }
    await neverStored(made.token.current, pemBody(made.ticket.current), pemBody(rotatedFile.ticket.current));
  });

  it('says loudly at start when the keys come from the database', async () => {
    // A database of its own: this start keeps keys in it.
    const own = await oneDatabase(clock.now);
    try {
      const cli = await running({ DATABASE_URL: own.url });
      await cli.stop();
      expect(cli.output()).toContain('*** KEYS IN THE DATABASE');
      expect(cli.output()).toContain('GUICHET_KEYS_FILE');
    } finally {
      await own.drop();
    }
  });

  it('refuses to start with a key it cannot use, naming it', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ GUICHET_TOKEN_KEY: 'c2hvcnQ' }, /GUICHET_TOKEN_KEY.*32 random bytes/],
      [{ GUICHET_TICKET_KEY: 'not a key' }, /GUICHET_TICKET_KEY.*Ed25519 private key/],
      [{ GUICHET_TICKET_KEY: generateSigningKey().publicKeyPem }, /GUICHET_TICKET_KEY.*Ed25519 private key/],
      [{ GUICHET_KEYS_FILE: '/nonexistent/guichet-keys.json' }, /GUICHET_KEYS_FILE.*\/nonexistent\/guichet-keys\.json/],
    ];
    for (const [env, message] of cases) {
      const result = await startCli(env);
      expect(result, JSON.stringify(env)).toMatchObject({ exited: 2 });
      expect((result as { output: string }).output).toMatch(message);
    }
  });
});

describe('moving the keys out of the database', () => {
  it('keeps the tickets already printed valid and takes the private keys out of the database', async () => {
    const moving = await oneDatabase(clock.now);
    try {
      const before = await moving.start({ now: () => clock.now });
      const desk = await validatedDesk(before);
      const { tickets, groupCode } = await paidGroup(desk, slots[2]!);
      const legacy = await publishedKeys(before.url);
      await before.close();

      const ticketKey = generateSigningKey();
      const after = await moving.start({ now: () => clock.now, keys: { token: { current: newTokenSecret() }, ticket: { current: ticketKey.privateKeyPem } } });
      try {
        const keys = await publishedKeys(after.url);
        expect(keys.keys.map((k) => [k.keyId, k.status])).toEqual([[ticketKey.keyId, 'current'], [legacy.keyId, 'retired']]);
        const published = keys.keys.map((k) => k.publicKeyPem);
        for (const t of tickets) expect(verifyTicketQr(t.qr, published)).toMatchObject({ valid: true, keyId: legacy.keyId });
        expect(verifyGroupQr(groupCode, published)).toMatchObject({ valid: true, keyId: legacy.keyId });
        // The desk signs in again (its token was signed by the key now gone) and pays with the new key.
        const again = new Desk(after.url, await signIn(after.url, desk.email), desk.email);
        const later = await paidGroup(again, slots[3]!);
        expect(verifyTicketQr(later.tickets[0]!.qr, published)).toMatchObject({ valid: true, keyId: ticketKey.keyId });
      } finally {
        await after.close();
      }
      expect(await query(moving.url, 'SELECT * FROM token_key')).toEqual([]);
      expect(await query(moving.url, 'SELECT key_id, private_key_pem FROM ticket_keys')).toEqual([{ key_id: legacy.keyId, private_key_pem: null }]);
    } finally {
      await moving.drop();
    }
  });
});
