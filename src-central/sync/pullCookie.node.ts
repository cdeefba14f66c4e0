// The pull cookie: the (version, entity, id) key of the last row a client has, and whether
// its pages held the whole catalogue or only venues (an office awaiting validation).
import { HttpError } from '../http/httpError.node.ts';

/** In the order pages walk them: as JavaScript compares strings, so 'venue' < 'venueRequest'. */
export const ENTITIES = [
  'closedDay', 'companion', 'contact', 'groupCode', 'option', 'order', 'product', 'slot', 'ticket', 'venue', 'venueRequest', 'voucher', 'voucherMuseum',
] as const;
export type Entity = (typeof ENTITIES)[number];
export type Scope = 'catalogue' | 'venues';

export interface PullKey {
  version: number;
  entity: Entity;
  id: string;
}

export interface PullCookie {
  key: PullKey | null;
  scope: Scope;
}

export function encodeCookie(cookie: PullCookie): string {
  const { key, scope } = cookie;
  return Buffer.from(JSON.stringify(key ? { v: key.version, e: key.entity, i: key.id, s: scope } : { s: scope })).toString('base64url');
}

export function decodeCookie(text: string | null): PullCookie | null {
  if (text === null) return null;
  try {
    const raw = JSON.parse(Buffer.from(text, 'base64url').toString()) as { v?: number; e?: Entity; i?: string; s: Scope };
    if (raw.s !== 'catalogue' && raw.s !== 'venues') throw new Error('scope');
    if (raw.v === undefined) return { key: null, scope: raw.s };
    if (!Number.isSafeInteger(raw.v) || !ENTITIES.includes(raw.e!) || typeof raw.i !== 'string') throw new Error('key');
    return { key: { version: raw.v, entity: raw.e!, id: raw.i }, scope: raw.s };
  } catch {
    throw new HttpError(400, 'INVALID_INPUT', 'cookie: not a cookie this service issued.');
  }
}

/** The order pages walk, as JavaScript compares: ids are byte-ordered ("C") in the database too. */
export function compareKeys(a: PullKey, b: PullKey): number {
  if (a.version !== b.version) return a.version - b.version;
  if (a.entity !== b.entity) return a.entity < b.entity ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}
