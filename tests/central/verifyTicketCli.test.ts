// The venue's verifier as a person runs it: `npm run verify-ticket`, the key fetched once from
// the service and kept, then codes checked offline — a ticket, a group code, an altered code,
// one signed with another key and something that is no Guichet code at all.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTicketSigner, generateSigningKey } from '../../src-central/tickets/ticketSignature.node.ts';
import { ROOT, tempDir } from '../support/tempCore.node.ts';
import { centralWithTwoOffices, Desk, group, signIn, validatedDesk } from './centralTestClient.node.ts';
import { oneDatabase } from './keyTestKit.node.ts';
import { checkoutRequest, pay, putsOf } from './orderTestKit.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
const env = centralWithTwoOffices(clock);

async function verify(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src-central/tickets/verifyTicketCli.node.ts'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run verify-ticket', () => {
  it('fetches the key once, keeps it, and checks tickets and group codes offline with it', async () => {
    const dir = tempDir();
    try {
      const placed = await env.desk.place('conciergerie:2025-04-22T08:30:00.000Z', group(8));
      await pay(env.desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: [] }]));
      const patch = (await env.desk.pullAll(null)).patch;
      const tickets = putsOf(patch, 'ticket').filter((t) => t.optionId === placed.option!.id);
      const [groupCode] = putsOf(patch, 'groupCode').filter((g) => g.id === placed.option!.id);
      const codesFile = path.join(dir, 'codes.txt');
      fs.writeFileSync(codesFile, `${tickets[0]!.qr}\n\n${groupCode!.qr}\n`);
      const keyFile = path.join(dir, 'key.pem');

      const first = await verify(['--key', keyFile, '--central', env.central.url, '--file', codesFile]);
      expect(first.code).toBe(0);
      expect(first.stderr).toContain(`Public keys fetched from ${env.central.url} and kept in ${keyFile}`);
      expect(first.stdout.trim().split('\n')).toEqual([
        `✓ ticket ${tickets[0]!.number}: Conciergerie, 22 April 2025 10:30, visitor`,
        `✓ group code (revision 1): Conciergerie, 22 April 2025 10:30, 8 tickets — 8 visitors, 0 guides, 0 leaders: ${tickets.map((t) => t.number).sort().join(' ')}`,
      ]);

      // Offline now: the kept key is enough.
      const [prefix, payload, signature] = tickets[1]!.qr.split('.');
      // Another number written into the signed facts.
      const facts = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), n: '99999999999' };
      const altered = `${prefix}.${Buffer.from(JSON.stringify(facts)).toString('base64url')}.${signature}`;
      const foreign = createTicketSigner(generateSigningKey().privateKeyPem).sign({
        number: '12345678903', venueId: 'conciergerie', slotId: null, kind: 'visitor', validFrom: '2025-01-10T09:00:00.000Z', validUntil: '2028-01-10T09:00:00.000Z',
      });
      const second = await verify(['--key', keyFile, tickets[1]!.qr, altered, foreign, 'https://example.org/not-a-ticket']);
      expect(second.code).toBe(1);
      expect(second.stdout.trim().split('\n')).toEqual([
        `✓ ticket ${tickets[1]!.number}: Conciergerie, 22 April 2025 10:30, visitor`,
        '✗ ticket refused: altered or forged: the signature does not match',
        '✗ ticket refused: signed with another key than this service\'s',
        '✗ ticket refused: not a Guichet code',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to give it a key when it has none and no service to ask', async () => {
    const result = await verify(['--key', '/nonexistent/key.pem', 'GCH1.x.y']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No public key: /nonexistent/key.pem does not exist. Give --key FILE, or --central URL to fetch it once.');
  });

  it('after a rotation, fetches the keys again for a code signed by a key it did not keep, and still checks the old codes', async () => {
    const dir = tempDir();
    const database = await oneDatabase(clock.now);
    try {
      const oldKey = generateSigningKey();
      const newKey = generateSigningKey();
      const paidTicket = async (desk: Desk, slotId: string) => {
        const placed = await desk.place(slotId, group(8));
        await pay(desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: [] }]));
        return putsOf((await desk.pullAll(null)).patch, 'ticket').find((t) => t.optionId === placed.option!.id)!;
      };
      const keyFile = path.join(dir, 'key.pem');
      const before = await database.start({ now: () => clock.now, keys: { ticket: { current: oldKey.privateKeyPem } } });
      const desk = await validatedDesk(before);
      const oldTicket = await paidTicket(desk, 'conciergerie:2025-04-24T08:30:00.000Z');
      expect((await verify(['--key', keyFile, '--central', before.url, oldTicket.qr])).code).toBe(0);
      await before.close();

      const after = await database.start({ now: () => clock.now, keys: { ticket: { current: newKey.privateKeyPem, retired: [oldKey.publicKeyPem] } } });
      try {
        const newTicket = await paidTicket(new Desk(after.url, await signIn(after.url, desk.email), desk.email), 'conciergerie:2025-04-25T08:30:00.000Z');
        // Offline, the kept key cannot tell a code of the new key.
        const offline = await verify(['--key', keyFile, newTicket.qr]);
        expect([offline.code, offline.stdout.trim()]).toEqual([1, '✗ ticket refused: signed with another key than this service\'s']);

        const online = await verify(['--key', keyFile, '--central', after.url, oldTicket.qr, newTicket.qr]);
        expect(online.stderr).toContain(`A code names key ${newKey.keyId}, which ${keyFile} does not hold: keys fetched again from ${after.url}`);
        expect(online.code).toBe(0);
        expect(online.stdout.trim().split('\n')).toEqual([
          `✓ ticket ${oldTicket.number}: Conciergerie, 24 April 2025 10:30, visitor`,
          `✓ ticket ${newTicket.number}: Conciergerie, 25 April 2025 10:30, visitor`,
        ]);
        // Both keys are kept now: offline again, both codes check.
        expect((await verify(['--key', keyFile, oldTicket.qr, newTicket.qr])).code).toBe(0);
      } finally {
        await after.close();
      }
    } finally {
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
