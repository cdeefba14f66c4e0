// Passwords are stored as scrypt hashes with a per-password salt: `scrypt$<salt>$<hash>`.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password.normalize('NFC'), salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(key, expected);
}

let unknownAccountHash: Promise<string> | undefined;

/** Signing in to an unknown e-mail costs as much as a wrong password, so timing tells nothing. */
export const hashForUnknownAccount = () => (unknownAccountHash ??= hashPassword(randomBytes(12).toString('base64url')));
