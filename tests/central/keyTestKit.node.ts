// Keys as an operator provides them, access tokens as a forger makes them, and one database
// that central services start on in turn (a restart with other keys).
import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { startTestCentral, testDatabase, type TestCentralOptions } from '../support/testCentral.node.ts';
import { TEST_SEED_MONTHS } from '../support/seedDemoCatalogue.node.ts';

export const MINUTE = 60_000;
export const YEAR = 365 * 86_400_000;

/** 32 random bytes, base64url: what `GUICHET_TOKEN_KEY` holds. */
export const newTokenSecret = () => randomBytes(32).toString('base64url');

const encode = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
const hmac = (secret: Buffer, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

/** A JWT signed with HMAC-SHA256 by whoever holds `secret`. */
export function hs256(header: Record<string, unknown>, claims: Record<string, unknown>, secret: Buffer): string {
  const signed = `${encode(header)}.${encode(claims)}`;
  return `${signed}.${hmac(secret, signed)}`;
}

/** The header and claims of a token the service issued. */
export function readToken(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = token.split('.');
  return { header: decode(header!), claims: decode(claims!) };
}

/**
 * A token the service issued, its claims changed and signed again with `secret`: what a
 * forger holding the service's key does. The claims are the part before the signature, and
 * the signature covers everything before it, whatever the format.
 */
export function reSigned(token: string, secret: Buffer, change: (claims: Record<string, unknown>) => void): string {
  const parts = token.split('.');
  const claims = decode(parts[parts.length - 2]!);
  change(claims);
  parts[parts.length - 2] = encode(claims);
  const signed = parts.slice(0, -1).join('.');
  return `${signed}.${hmac(secret, signed)}`;
}

export async function query<T = Record<string, unknown>>(databaseUrl: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Every value of every row of every table, as text: to look for a key that should not be there. */
export async function everythingStored(databaseUrl: string): Promise<string> {
  const tables = await query<{ name: string }>(databaseUrl,
    "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'");
  const dumps = await Promise.all(tables.map(({ name }) => query<{ row: string }>(databaseUrl, `SELECT t::text AS row FROM ${name} t`)));
  return dumps.flat().map((r) => r.row).join('\n');
}

/** A seeded database of the run's PostgreSQL that several central services use in turn. */
export async function oneDatabase(now: Date) {
  const database = await testDatabase(now, TEST_SEED_MONTHS);
  if (!database) throw new Error('These tests need the run\'s PostgreSQL cluster (vitest global set-up).');
  return {
    url: database.url,
    start: (options: TestCentralOptions): Promise<RunningCentral> => startTestCentral({ sweepEveryMs: 0, ...options, databaseUrl: database.url }),
    drop: () => database.drop(),
  };
}
