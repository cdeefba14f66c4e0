// Where the service's signing keys come from. A key kept in the database can be read by
// anyone who reads the database (a backup, a replica, a read-only leak) and used to forge
// sign-ins and tickets, so a real service is given its keys from outside it: the environment
// (GUICHET_TOKEN_KEY, GUICHET_TICKET_KEY, GUICHET_TICKET_KEYS_RETIRED) or a key file
// (GUICHET_KEYS_FILE, made and rotated by `npm run central:keys`). Only when neither gives
// a key does the service keep one in the database: the embedded demo's way.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

/** The keys as an operator writes them: a key file's JSON, or what a test gives startCentral. */
export interface KeySet {
  token?: {
    /** 32 random bytes or more, base64 or base64url. */
    current: string;
    /** Former keys, each verifying the tokens it signed before `retiredAt`, for their lifetime. */
    retired?: { secret: string; retiredAt: string | Date }[];
  };
  ticket?: {
    /** An Ed25519 private key: PEM (PKCS#8), or the base64 of the PEM or of its DER. */
    current: string;
    /** Former keys (public halves suffice): codes they signed go on verifying. */
    retired?: string[];
  };
}

export interface TokenSecrets {
  current: Buffer;
  retired: { secret: Buffer; retiredAt: Date }[];
}

export interface TicketKeyPems {
  /** PKCS#8 PEM. */
  currentPem: string;
  /** SPKI PEMs. */
  retiredPems: string[];
}

/** The keys given from outside the database; a kind left out is kept in the database. */
export interface ServiceKeys {
  token?: TokenSecrets;
  ticket?: TicketKeyPems;
}

/** A key that cannot be used: its message names where it came from and what is wrong. */
export class KeyProblem extends Error {}

export const MIN_TOKEN_KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const MAKE_ONE = 'make one with `npm run central:keys -- new FILE`, or `openssl genpkey -algorithm ed25519`';

export function tokenSecret(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const bytes = BASE64.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (bytes.length < MIN_TOKEN_KEY_BYTES) {
    throw new KeyProblem(`${where}: a token key is at least ${MIN_TOKEN_KEY_BYTES} random bytes, written in base64 (\`openssl rand -base64 32\`).`);
  }
  return bytes;
}

/** A PEM as given or with its line breaks written `\n` (one line of an env file), or base64 of a PEM or of DER. */
function keyText(text: string): { pem: string } | { der: Buffer } {
  const trimmed = text.trim().replaceAll('\\n', '\n');
  if (trimmed.startsWith('-----BEGIN')) return { pem: trimmed };
  const compact = trimmed.replace(/\s+/g, '');
  if (!BASE64.test(compact)) return { der: Buffer.alloc(0) };
  const bytes = Buffer.from(compact, 'base64');
  const asText = bytes.toString('utf8').trim();
  return asText.startsWith('-----BEGIN') ? { pem: asText } : { der: bytes };
}

function attempt(make: () => KeyObject): KeyObject | null {
  try {
    return make();
  } catch {
    return null;
  }
}

/** An Ed25519 private key, as PKCS#8 PEM. */
export function ticketPrivateKey(text: string, where: string): string {
  const given = keyText(text);
  const key = attempt(() => ('pem' in given ? createPrivateKey(given.pem) : createPrivateKey({ key: given.der, format: 'der', type: 'pkcs8' })));
  if (key?.asymmetricKeyType !== 'ed25519') throw new KeyProblem(`${where}: not an Ed25519 private key (PEM, or its base64); ${MAKE_ONE}.`);
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The public half of an Ed25519 key given whole or as its public half, as SPKI PEM. */
export function ticketPublicKey(text: string, where: string): string {
  const given = keyText(text);
  const key = 'pem' in given
    ? attempt(() => createPublicKey(given.pem))
    : attempt(() => createPublicKey({ key: given.der, format: 'der', type: 'spki' }))
      ?? attempt(() => createPublicKey(createPrivateKey({ key: given.der, format: 'der', type: 'pkcs8' })));
  if (key?.asymmetricKeyType !== 'ed25519') throw new KeyProblem(`${where}: not an Ed25519 key (PEM, or its base64).`);
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Checks a key set and turns it into the keys the service signs and verifies with. */
export function readKeySet(set: KeySet, where = 'the keys given'): ServiceKeys {
  const keys: ServiceKeys = {};
  if (set.token) {
    keys.token = {
      current: tokenSecret(set.token.current, `${where}, token.current`),
      retired: (set.token.retired ?? []).map((r, i) => {
        const retiredAt = new Date(r.retiredAt);
        if (Number.isNaN(retiredAt.getTime())) throw new KeyProblem(`${where}, token.retired[${i}]: retiredAt is not a date.`);
        return { secret: tokenSecret(r.secret, `${where}, token.retired[${i}]`), retiredAt };
      }),
    };
  }
  if (set.ticket) {
    keys.ticket = {
      currentPem: ticketPrivateKey(set.ticket.current, `${where}, ticket.current`),
      retiredPems: (set.ticket.retired ?? []).map((pem, i) => ticketPublicKey(pem, `${where}, ticket.retired[${i}]`)),
    };
  }
  return keys;
}

const KeyFileSchema = z.strictObject({
  token: z.strictObject({
    current: z.string(),
    retired: z.array(z.strictObject({ secret: z.string(), retiredAt: z.iso.datetime({ offset: true }) })).default([]),
  }).optional(),
  ticket: z.strictObject({ current: z.string(), retired: z.array(z.string()).default([]) }).optional(),
});

/** A key file's key set, checked; `where` names it in any problem. */
export function readKeyFile(file: string, where = file): KeySet {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new KeyProblem(`${where} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyProblem(`${where} is not JSON: a key file is { "token": { "current": … }, "ticket": { "current": … } }.`);
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) throw new KeyProblem(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}.`);
  readKeySet(parsed.data, where);
  return parsed.data;
}

export interface ConfiguredKeys {
  keys: KeySet;
  /** Where each kind of key came from; null: the database. */
  from: { token: string | null; ticket: string | null };
  warnings: string[];
}

/** The keys `npm run central` is given (throws KeyProblem): the environment's first, then the key file's. */
export function keysFromEnvironment(env: NodeJS.ProcessEnv): ConfiguredKeys {
  const keys: KeySet = {};
  const from: ConfiguredKeys['from'] = { token: null, ticket: null };
  const warnings: string[] = [];
  const file = env.GUICHET_KEYS_FILE;
  if (file) {
    const where = `GUICHET_KEYS_FILE (${file})`;
    Object.assign(keys, readKeyFile(file, where));
    if (keys.token) from.token = where;
    if (keys.ticket) from.ticket = where;
    if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
      warnings.push(`Guichet central: ${file} can be read by other users of this computer; \`chmod 600 ${file}\`.`);
    }
  }
  if (env.GUICHET_TOKEN_KEY) {
    tokenSecret(env.GUICHET_TOKEN_KEY, 'GUICHET_TOKEN_KEY');
    keys.token = { current: env.GUICHET_TOKEN_KEY };
    from.token = 'GUICHET_TOKEN_KEY';
  }
  const retired = env.GUICHET_TICKET_KEYS_RETIRED?.split(',').map((k) => k.trim()).filter(Boolean) ?? [];
  if (env.GUICHET_TICKET_KEY) {
    keys.ticket = {
      current: ticketPrivateKey(env.GUICHET_TICKET_KEY, 'GUICHET_TICKET_KEY'),
      retired: retired.map((k, i) => ticketPublicKey(k, `GUICHET_TICKET_KEYS_RETIRED (key ${i + 1})`)),
    };
    from.ticket = 'GUICHET_TICKET_KEY';
  } else if (retired.length > 0) {
    throw new KeyProblem('GUICHET_TICKET_KEYS_RETIRED is set without GUICHET_TICKET_KEY: give the key that signs now as well.');
  }
  return { keys, from, warnings };
}

/** What `npm run central` says when some key is kept in the database; null when none is. */
export function keysInDatabaseBanner(from: ConfiguredKeys['from']): string | null {
  const inDatabase = [from.token === null && 'token', from.ticket === null && 'ticket'].filter(Boolean);
  if (inDatabase.length === 0) return null;
  return `*** KEYS IN THE DATABASE: the ${inDatabase.join(' and ')} signing key${inDatabase.length > 1 ? 's are' : ' is'} kept unencrypted in the database, `
    + 'where anyone who can read it (a backup, a replica) can forge sign-ins and tickets. Demo only: give GUICHET_KEYS_FILE '
    + '(`npm run central:keys -- new FILE` makes one), or GUICHET_TOKEN_KEY and GUICHET_TICKET_KEY. ***';
}
