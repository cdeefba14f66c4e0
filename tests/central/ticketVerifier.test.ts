// A venue's scanner, offline: it holds only the public key the service publishes and the text
// of a ticket's QR code. It must accept the tickets the service issued and refuse any altered one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketPublicKeySchema } from '../../src-main/contract/centralApi.std.ts';
import { startCentral, type RunningCentral } from '../../src-central/central.node.ts';
import { generateSigningKey, verifyGroupQr, verifyTicketQr } from '../../src-central/tickets/ticketSignature.node.ts';
import { centralWithTwoOffices, Desk, group, MIGRATIONS_DIR, signIn, validatedDesk } from './centralTestClient.node.ts';
import { oneDatabase } from './keyTestKit.node.ts';
import { applyToAll, checkoutRequest, companion, pay, putsOf } from './orderTestKit.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
const env = centralWithTwoOffices(clock);

async function publicKey(url: string) {
  const response = await fetch(new URL('/tickets/public-key', url));
  expect(response.status).toBe(200);
  return TicketPublicKeySchema.parse(await response.json());
}

describe('checking tickets with the published key', () => {
  it('verifies every pulled ticket, with its facts, and refuses a tampered code', async () => {
    const key = await publicKey(env.central.url);
    const placed = await env.desk.place('conciergerie:2025-04-22T08:00:00.000Z', group(10, 1));
    const guide = await companion(env.desk, 'guide');
    await pay(env.desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: applyToAll(group(10, 1), guide) }]));
    const tickets = putsOf((await env.desk.pullAll(null)).patch, 'ticket').filter((t) => t.optionId === placed.option!.id);
    expect(tickets).toHaveLength(11);

    for (const ticket of tickets) {
      expect(verifyTicketQr(ticket.qr, key.publicKeyPem)).toEqual({
        valid: true, keyId: key.keyId,
        facts: { number: ticket.number, venueId: 'conciergerie', slotId: ticket.slotId, kind: ticket.kind, validFrom: ticket.validFrom, validUntil: ticket.validUntil },
      });
    }
    // One character of the signed part changed: a forged or altered ticket.
    const [prefix, payload, signature] = tickets[0]!.qr.split('.');
    const flipped = payload!.slice(0, 10) + (payload![10] === 'A' ? 'B' : 'A') + payload!.slice(11);
    expect(verifyTicketQr(`${prefix}.${flipped}.${signature}`, key.publicKeyPem).valid).toBe(false);
    // Another ticket's signature on this ticket's facts.
    const otherSignature = tickets[1]!.qr.split('.')[2];
    expect(verifyTicketQr(`${prefix}.${payload}.${otherSignature}`, key.publicKeyPem).valid).toBe(false);
  });

  it('keeps the same key across restarts, so printed tickets stay valid', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-key-'));
    try {
      const first = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir: path.join(dataDir, 'db'), now: () => clock.now, sweepEveryMs: 0 });
      const before = await publicKey(first.url);
      await first.close();
      const second = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir: path.join(dataDir, 'db'), now: () => clock.now, sweepEveryMs: 0 });
      try {
        expect(await publicKey(second.url)).toEqual(before);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('rotating the ticket key', () => {
  const oldKey = generateSigningKey();
  const newKey = generateSigningKey();
  let database: Awaited<ReturnType<typeof oneDatabase>>;
  let rotated: RunningCentral;
  let printed: { tickets: { number: string; qr: string }[]; groupCode: string };
  let desk: Desk;

  /** Pays a group of 8 on `slotId` and returns its ticket codes and group code as pulled. */
  async function paidGroup(slotId: string) {
    const placed = await desk.place(slotId, group(8));
    await pay(desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: [] }]));
    const patch = (await desk.pullAll(null)).patch;
    return {
      tickets: putsOf(patch, 'ticket').filter((t) => t.optionId === placed.option!.id),
      groupCode: putsOf(patch, 'groupCode').find((g) => g.id === placed.option!.id)!.qr!,
    };
  }

  beforeAll(async () => {
    database = await oneDatabase(clock.now);
    const before = await database.start({ now: () => clock.now, keys: { ticket: { current: oldKey.privateKeyPem } } });
    desk = await validatedDesk(before);
    printed = await paidGroup('conciergerie:2025-04-22T09:00:00.000Z');
    await before.close();
    // The operator makes a new key and keeps the old one's public half as retired.
    rotated = await database.start({ now: () => clock.now, keys: { ticket: { current: newKey.privateKeyPem, retired: [oldKey.publicKeyPem] } } });
    desk = new Desk(rotated.url, await signIn(rotated.url, desk.email), desk.email);
  });
  afterAll(async () => {
    await rotated.close();
    await database.drop();
  });

  it('after rotation, tickets signed by the old key still verify and new tickets carry the new key id', async () => {
    const { keys } = await publicKey(rotated.url);
    const published = keys.map((k) => k.publicKeyPem);
    for (const ticket of printed.tickets) {
      expect(verifyTicketQr(ticket.qr, published)).toMatchObject({ valid: true, keyId: oldKey.keyId, facts: { number: ticket.number } });
      // Really the old key's: the new one alone does not take it.
      expect(verifyTicketQr(ticket.qr, newKey.publicKeyPem)).toEqual({ valid: false, reason: 'other_key' });
    }
    expect(verifyGroupQr(printed.groupCode, published)).toMatchObject({ valid: true, keyId: oldKey.keyId });

    const later = await paidGroup('conciergerie:2025-04-23T09:00:00.000Z');
    for (const ticket of later.tickets) {
      expect(verifyTicketQr(ticket.qr, published)).toMatchObject({ valid: true, keyId: newKey.keyId, facts: { number: ticket.number } });
    }
    expect(verifyGroupQr(later.groupCode, newKey.publicKeyPem)).toMatchObject({ valid: true, keyId: newKey.keyId });
  });

  it('the public key endpoint lists old and new keys, the one signing now first', async () => {
    const answer = await publicKey(rotated.url);
    expect(answer).toEqual({
      algorithm: 'Ed25519',
      // A scanner that reads one key gets the one signing now.
      keyId: newKey.keyId,
      publicKeyPem: newKey.publicKeyPem,
      keys: [
        { keyId: newKey.keyId, publicKeyPem: newKey.publicKeyPem, status: 'current' },
        { keyId: oldKey.keyId, publicKeyPem: oldKey.publicKeyPem, status: 'retired' },
      ],
    });
  });
});
