// A venue's scanner, offline, with nothing but the public key the service publishes, tells a
// real ticket from an altered, forged or garbled one.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import {
  createTicketSigner, generateSigningKey, verifyTicketQr, type TicketFacts,
} from '../../src-central/tickets/ticketSignature.node.ts';

const facts: TicketFacts = {
  number: 'SC25-0318-004711',
  venueId: 'sainte-chapelle',
  slotId: 'sainte-chapelle:2025-03-18T12:15:00.000Z',
  kind: 'visitor',
  validFrom: '2025-03-18T12:15:00.000Z',
  validUntil: '2025-03-18T13:15:00.000Z',
};

const key = generateSigningKey();
const signer = createTicketSigner(key.privateKeyPem);

/** Rewrites the signed facts of a QR text, keeping its signature: what a forger would do. */
function tamper(qr: string, change: (payload: Record<string, unknown>) => void): string {
  const [prefix, payload, signature] = qr.split('.');
  const json = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
  change(json);
  return [prefix, Buffer.from(JSON.stringify(json)).toString('base64url'), signature].join('.');
}

describe('ticket QR signatures', () => {
  it('names a key by the first 16 hex digits of its SHA-256, the same for the generator and the signer', () => {
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(signer.keyId).toBe(key.keyId);
    expect(signer.publicKeyPem).toBe(key.publicKeyPem);
    expect(key.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(key.privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(generateSigningKey().keyId).not.toBe(key.keyId);
  });

  it('round-trips: the scanner reads back the facts and the key that signed them, dated or undated', () => {
    const qr = signer.sign(facts);
    expect(qr).toMatch(/^GCH1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyTicketQr(qr, key.publicKeyPem)).toEqual({ valid: true, facts, keyId: key.keyId });

    const undated: TicketFacts = { ...facts, number: 'PAN-000981', venueId: 'pantheon', slotId: null, validUntil: '2028-01-10T09:31:12.000Z' };
    expect(verifyTicketQr(signer.sign(undated), key.publicKeyPem)).toEqual({ valid: true, facts: undated, keyId: key.keyId });
  });

  it('stays short enough for a coarse, easily scanned QR code', () => {
    const qr = signer.sign(facts);
    expect(qr.length).toBeLessThan(400);
    expect(QRCode.create(qr, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(15);
  });

  it('rejects a ticket whose number, slot, kind or validity was changed', () => {
    const qr = signer.sign(facts);
    for (const change of [
      (p: Record<string, unknown>) => { p.n = 'SC25-0318-004712'; },
      (p: Record<string, unknown>) => { p.s = 'sainte-chapelle:2025-03-19T12:15:00.000Z'; },
      (p: Record<string, unknown>) => { p.k = 'guide'; },
      (p: Record<string, unknown>) => { p.u = '2099-01-01T00:00:00.000Z'; },
    ]) {
      expect(verifyTicketQr(tamper(qr, change), key.publicKeyPem)).toEqual({ valid: false, reason: 'bad_signature' });
    }
  });

  it('rejects a ticket signed with another key, even one that claims this key\'s id', () => {
    const other = createTicketSigner(generateSigningKey().privateKeyPem);
    const forged = other.sign(facts);
    expect(verifyTicketQr(forged, key.publicKeyPem)).toEqual({ valid: false, reason: 'other_key' });
    expect(verifyTicketQr(tamper(forged, (p) => { p.i = key.keyId; }), key.publicKeyPem)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('rejects a signature copied from another ticket', () => {
    const [, payloadA] = signer.sign(facts).split('.');
    const [, , signatureB] = signer.sign({ ...facts, number: 'SC25-0318-004712' }).split('.');
    expect(verifyTicketQr(`GCH1.${payloadA}.${signatureB}`, key.publicKeyPem)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('calls garbage malformed', () => {
    const qr = signer.sign(facts);
    const [, payload, signature] = qr.split('.');
    for (const garbage of [
      '',
      'hello',
      'https://example.org/ticket/123',
      qr.replace(/^GCH1/, 'GCH2'),
      `GCH1.${payload}`,
      `${qr}.extra`,
      `GCH1.${payload}.${signature!.slice(0, 20)}`,
      `GCH1.not*base64.${signature}`,
      `GCH1.${Buffer.from('not json').toString('base64url')}.${signature}`,
      `GCH1.${Buffer.from(JSON.stringify({ n: 'x' })).toString('base64url')}.${signature}`,
      tamper(qr, (p) => { p.k = 'vip'; }),
    ]) {
      expect(verifyTicketQr(garbage, key.publicKeyPem), garbage).toEqual({ valid: false, reason: 'malformed' });
    }
  });

  it('refuses a private key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => createTicketSigner(rsa)).toThrow(/Ed25519/);
  });
});
