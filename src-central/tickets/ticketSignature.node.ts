// What a ticket's QR code says, signed by the service with Ed25519 (ARCHITECTURE.md, "The
// central service"), so a venue's scanner can tell a real ticket from a forged or altered one
// offline, holding nothing but the public key the service publishes.
//
// QR text: GCH1.<payload>.<signature>, where payload is base64url(JSON of the facts and the
// key id) and signature is base64url(Ed25519 over the ASCII of "GCH1.<payload>"). Signing the
// encoded text rather than re-serialised JSON means the scanner checks exactly what it read.
// JSON keys are one or two letters: every character saved keeps the QR code coarser, and a
// coarser code scans better off a crumpled print or a dim phone screen.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface TicketFacts {
  number: string;
  venueId: string;
  slotId: string | null;
  kind: 'visitor' | 'guide' | 'leader';
  validFrom: string;
  validUntil: string;
}

export type TicketQrCheck =
  | { valid: true; facts: TicketFacts; keyId: string }
  | { valid: false; reason: 'malformed' | 'bad_signature' };

const PREFIX = 'GCH1';
const KINDS = ['visitor', 'guide', 'leader'] as const;

interface Payload {
  n: string;
  v: string;
  s: string | null;
  k: TicketFacts['kind'];
  f: string;
  u: string;
  i: string;
}

/** First 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key in every QR code. */
function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function generateSigningKey(): { privateKeyPem: string; publicKeyPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

export function createTicketSigner(privateKeyPem: string): { keyId: string; publicKeyPem: string; sign(facts: TicketFacts): string } {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The ticket signing key must be an Ed25519 private key.');
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  return {
    keyId,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign(facts) {
      const payload: Payload = {
        n: facts.number, v: facts.venueId, s: facts.slotId, k: facts.kind, f: facts.validFrom, u: facts.validUntil, i: keyId,
      };
      const signed = `${PREFIX}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
    },
  };
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The check a venue's scanner runs, offline, with only the service's published public key. */
export function verifyTicketQr(qr: string, publicKeyPem: string): TicketQrCheck {
  const parts = qr.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !BASE64URL.test(parts[1]!) || !BASE64URL.test(parts[2]!)) {
    return { valid: false, reason: 'malformed' };
  }
  const payload = parsePayload(parts[1]!);
  const signature = Buffer.from(parts[2]!, 'base64url');
  if (!payload || signature.length !== 64) return { valid: false, reason: 'malformed' };

  const publicKey = createPublicKey(publicKeyPem);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('Tickets are checked with the service\'s Ed25519 public key.');
  // A code that names another key was not signed with this one, whatever its bytes say.
  if (payload.i !== keyIdOf(publicKey)) return { valid: false, reason: 'bad_signature' };
  if (!verify(null, Buffer.from(`${PREFIX}.${parts[1]}`), publicKey, signature)) return { valid: false, reason: 'bad_signature' };

  return {
    valid: true,
    keyId: payload.i,
    facts: { number: payload.n, venueId: payload.v, slotId: payload.s, kind: payload.k, validFrom: payload.f, validUntil: payload.u },
  };
}

function parsePayload(encoded: string): Payload | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Record<string, unknown>;
  const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
  if (!isText(p.n) || !isText(p.v) || !(p.s === null || isText(p.s)) || !isText(p.f) || !isText(p.u) || !isText(p.i)) return null;
  if (!KINDS.includes(p.k as TicketFacts['kind'])) return null;
  return p as unknown as Payload;
}
