// What a ticket's QR code says, signed by the service with Ed25519 (ARCHITECTURE.md, "The
// central service"), so a venue's scanner can tell a real ticket from a forged or altered one
// offline, holding nothing but the public keys the service publishes: the one signing now and
// those retired by a rotation, each named by its key id, which every code carries.
//
// QR text: GCH1.<payload>.<signature>, where payload is base64url(JSON of the facts and the
// key id) and signature is base64url(Ed25519 over the ASCII of "GCH1.<payload>"). Signing the
// encoded text rather than re-serialised JSON means the scanner checks exactly what it read.
// JSON keys are one or two letters: every character saved keeps the QR code coarser, and a
// coarser code scans better off a crumpled print or a dim phone screen.
//
// A group code (GCG1.<payload>.<signature>, the same key) admits a whole sub-group in one
// scan: it names the sub-group, its revision (a new one replaces it when a ticket of the
// sub-group is voided), the slot, the head-count by kind and the numbers of the tickets it
// stands for, so a gate can mark them all used, offline.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface TicketFacts {
  number: string;
  venueId: string;
  slotId: string | null;
  kind: 'visitor' | 'guide' | 'leader';
  validFrom: string;
  validUntil: string;
}

export interface GroupFacts {
  /** The sub-group (its option's id). */
  groupId: string;
  revision: number;
  venueId: string;
  slotId: string;
  people: { visitors: number; guides: number; leaders: number };
  ticketNumbers: string[];
}

export type TicketQrCheck =
  | { valid: true; facts: TicketFacts; keyId: string }
  | { valid: false; reason: InvalidReason };

export type GroupQrCheck =
  | { valid: true; facts: GroupFacts; keyId: string }
  | { valid: false; reason: InvalidReason };

/** malformed: not a Guichet code; other_key: signed with a key other than those given; bad_signature: altered or forged. */
export type InvalidReason = 'malformed' | 'bad_signature' | 'other_key';

const PREFIX = 'GCH1';
const GROUP_PREFIX = 'GCG1';
const KINDS = ['visitor', 'guide', 'leader'] as const;

interface GroupPayload {
  g: string;
  r: number;
  v: string;
  s: string;
  c: [number, number, number];
  t: string[];
  i: string;
}

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

function signedText(prefix: string, payload: object, privateKey: KeyObject): string {
  const signed = `${prefix}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
}

export interface TicketSigner {
  keyId: string;
  publicKeyPem: string;
  sign(facts: TicketFacts): string;
  signGroup(facts: GroupFacts): string;
}

export function createTicketSigner(privateKeyPem: string): TicketSigner {
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
      return signedText(PREFIX, payload, privateKey);
    },
    signGroup(facts) {
      const { visitors, guides, leaders } = facts.people;
      const payload: GroupPayload = {
        g: facts.groupId, r: facts.revision, v: facts.venueId, s: facts.slotId, c: [visitors, guides, leaders], t: facts.ticketNumbers, i: keyId,
      };
      return signedText(GROUP_PREFIX, payload, privateKey);
    },
  };
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

type Checked<P> = { valid: true; payload: P } | { valid: false; reason: InvalidReason };

/**
 * The public keys a scanner trusts, by key id: PEM texts, each holding one key or several
 * (a kept key file), so that codes signed before a rotation and after it both check.
 */
export type TrustedKeys = string | readonly string[];

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;

export function trustedKeys(keys: TrustedKeys): Map<string, KeyObject> {
  const byId = new Map<string, KeyObject>();
  for (const text of typeof keys === 'string' ? [keys] : keys) {
    for (const pem of text.match(PEM_BLOCK) ?? [text]) {
      const publicKey = createPublicKey(pem);
      if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('Tickets are checked with the service\'s Ed25519 public keys.');
      byId.set(keyIdOf(publicKey), publicKey);
    }
  }
  return byId;
}

/** The key id a code says it was signed with (it may lie); null when it is no Guichet code. */
export function keyIdOfCode(qr: string): string | null {
  const [, payload] = qr.trim().split('.');
  const id = payload && BASE64URL.test(payload) ? decodeJson(payload)?.i : undefined;
  return typeof id === 'string' ? id : null;
}

/** Splits, decodes and checks one signed code; `parse` says whether its payload has the right shape. */
function checkSigned<P extends { i: string }>(qr: string, prefix: string, keys: TrustedKeys, parse: (p: Record<string, unknown>) => P | null): Checked<P> {
  const parts = qr.trim().split('.');
  if (parts.length !== 3 || parts[0] !== prefix || !BASE64URL.test(parts[1]!) || !BASE64URL.test(parts[2]!)) {
    return { valid: false, reason: 'malformed' };
  }
  const raw = decodeJson(parts[1]!);
  const payload = raw && parse(raw);
  const signature = Buffer.from(parts[2]!, 'base64url');
  if (!payload || signature.length !== 64) return { valid: false, reason: 'malformed' };

  // Checked with the key the code names, and only that one: a code naming a key not given was signed with none of them.
  const publicKey = trustedKeys(keys).get(payload.i);
  if (!publicKey) return { valid: false, reason: 'other_key' };
  if (!verify(null, Buffer.from(`${prefix}.${parts[1]}`), publicKey, signature)) return { valid: false, reason: 'bad_signature' };
  return { valid: true, payload };
}

/** The check a venue's scanner runs, offline, with only the service's published public keys. */
export function verifyTicketQr(qr: string, keys: TrustedKeys): TicketQrCheck {
  const checked = checkSigned(qr, PREFIX, keys, parseTicketPayload);
  if (!checked.valid) return checked;
  const p = checked.payload;
  return { valid: true, keyId: p.i, facts: { number: p.n, venueId: p.v, slotId: p.s, kind: p.k, validFrom: p.f, validUntil: p.u } };
}

/** The same check for a sub-group's code. */
export function verifyGroupQr(qr: string, keys: TrustedKeys): GroupQrCheck {
  const checked = checkSigned(qr, GROUP_PREFIX, keys, parseGroupPayload);
  if (!checked.valid) return checked;
  const p = checked.payload;
  return {
    valid: true,
    keyId: p.i,
    facts: { groupId: p.g, revision: p.r, venueId: p.v, slotId: p.s, people: { visitors: p.c[0], guides: p.c[1], leaders: p.c[2] }, ticketNumbers: p.t },
  };
}

/** Whether a scanned text claims to be a group code (it may still be forged). */
export const isGroupCode = (qr: string) => qr.trim().startsWith(`${GROUP_PREFIX}.`);

function decodeJson(encoded: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

function parseTicketPayload(p: Record<string, unknown>): Payload | null {
  if (!isText(p.n) || !isText(p.v) || !(p.s === null || isText(p.s)) || !isText(p.f) || !isText(p.u) || !isText(p.i)) return null;
  if (!KINDS.includes(p.k as TicketFacts['kind'])) return null;
  return p as unknown as Payload;
}

function parseGroupPayload(p: Record<string, unknown>): GroupPayload | null {
  if (!isText(p.g) || !isCount(p.r) || !isText(p.v) || !isText(p.s) || !isText(p.i)) return null;
  if (!Array.isArray(p.c) || p.c.length !== 3 || !p.c.every(isCount)) return null;
  if (!Array.isArray(p.t) || !p.t.every(isText)) return null;
  return p as unknown as GroupPayload;
}
