// Passwords are stored as scrypt hashes with a per-password salt and the cost they were made
// with: `scrypt$<N>$<r>$<p>$<salt>$<hash>`. The cost in the string lets it rise later: a hash
// made at another cost (or in the first format, `scrypt$<salt>$<hash>`, at Node's default
// N=16384, r=8, p=1) still verifies, and the sign-in that proves the password rewrites it.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's recommendation for scrypt (Password Storage Cheat Sheet): 128 MiB and ~0.4 s a hash here. */
export const RECOMMENDED_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/**
 * For a password printed in the README (the demo office's): a costly hash of it would protect
 * nothing and cost every first launch of the demo a sign-in of ~0.4 s.
 */
export const PUBLIC_PASSWORD_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
/** What `scrypt$<salt>$<hash>` was made with: Node's defaults. */
const FIRST_FORMAT_COST: ScryptCost = { N: 16_384, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, keylen: number, { N, r, p }: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses above 32 MiB unless told (2^17 needs 128 MiB).
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

interface StoredHash {
  cost: ScryptCost;
  salt: Buffer;
  hash: Buffer;
}

function parseStored(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt') return null;
  if (parts.length === 3) return { cost: FIRST_FORMAT_COST, salt: Buffer.from(parts[1]!, 'base64url'), hash: Buffer.from(parts[2]!, 'base64url') };
  if (parts.length !== 6) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return null;
  return { cost: { N, r, p }, salt: Buffer.from(parts[4]!, 'base64url'), hash: Buffer.from(parts[5]!, 'base64url') };
}

const sameCost = (a: ScryptCost, b: ScryptCost) => a.N === b.N && a.r === b.r && a.p === b.p;

export interface Verdict {
  matches: boolean;
  /** The password matched a hash made at another cost or in the first format: store a new hash. */
  rehash: boolean;
}

export interface Passwords {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<Verdict>;
  /** Signing in to an unknown e-mail costs as much as a wrong password, so timing tells nothing. */
  unknownAccountHash(): Promise<string>;
}

/** Hashes at `cost` (the recommended one; tests give a cheaper one so the suite stays fast). */
export function createPasswords(cost: ScryptCost = RECOMMENDED_SCRYPT): Passwords {
  let unknownAccountHash: Promise<string> | undefined;
  const hash = async (password: string) => {
    const salt = randomBytes(16);
    const key = await derive(password, salt, KEY_LENGTH, cost);
    return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  };
  return {
    hash,
    async verify(password, stored) {
      const parsed = parseStored(stored);
      if (!parsed || parsed.hash.length === 0) return { matches: false, rehash: false };
      const key = await derive(password, parsed.salt, parsed.hash.length, parsed.cost);
      const matches = timingSafeEqual(key, parsed.hash);
      return { matches, rehash: matches && (stored.split('$').length === 3 || !sameCost(parsed.cost, cost)) };
    },
    unknownAccountHash: () => (unknownAccountHash ??= hash(randomBytes(12).toString('base64url'))),
  };
}
