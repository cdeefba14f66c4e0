// The pull cookie: the snapshot of the client's last complete pull (base), and while a pull
// runs over several pages, the snapshot its walk reads up to and the (version, entity, id) key
// of the last row sent. It also carries the database's pull epoch and whether its pages held
// the whole catalogue or only venues (an office awaiting validation).
import { HttpError } from '../http/httpError.node.ts';
import { formatSnapshot, parseSnapshot, type Snapshot } from './pullSnapshot.node.ts';

/** In the order pages walk them: as JavaScript compares strings, so 'venue' < 'venueRequest'. */
export const ENTITIES = [
  'closedDay', 'companion', 'contact', 'dossier', 'groupCode', 'option', 'order', 'product', 'slot', 'ticket', 'venue', 'venueRequest', 'voucher', 'voucherMuseum',
] as const;
export type Entity = (typeof ENTITIES)[number];
export type Scope = 'catalogue' | 'venues';

export interface PullKey {
  version: number;
  entity: Entity;
  id: string;
}

/** Rows written after `base` (everything when null) and visible in `upTo`, in key order after `key`. */
export interface Walk {
  base: Snapshot | null;
  upTo: Snapshot;
  key: PullKey | null;
}

export interface PullCookie {
  epoch: string;
  scope: Scope;
  base: Snapshot | null;
  /** The walk a page stopped in. */
  walk: { upTo: Snapshot; key: PullKey | null } | null;
}

interface RawCookie {
  p?: string;
  s: Scope;
  b?: string;
  w?: string;
  v?: number;
  e?: Entity;
  i?: string;
}

export function encodeCookie(cookie: PullCookie): string {
  const { epoch, scope, base, walk } = cookie;
  const raw: RawCookie = { p: epoch, s: scope };
  if (base) raw.b = formatSnapshot(base);
  if (walk) {
    raw.w = formatSnapshot(walk.upTo);
    if (walk.key) Object.assign(raw, { v: walk.key.version, e: walk.key.entity, i: walk.key.id });
  }
  return Buffer.from(JSON.stringify(raw)).toString('base64url');
}

/** Null for a client that starts over: none yet, or one issued before transaction versions (migration 0012). */
export function decodeCookie(text: string | null): PullCookie | null {
  if (text === null) return null;
  try {
    const raw = JSON.parse(Buffer.from(text, 'base64url').toString()) as RawCookie;
    if (raw.s !== 'catalogue' && raw.s !== 'venues') throw new Error('scope');
    if (raw.p === undefined) return null;
    if (typeof raw.p !== 'string') throw new Error('epoch');
    let key: PullKey | null = null;
    if (raw.v !== undefined) {
      if (!Number.isSafeInteger(raw.v) || !ENTITIES.includes(raw.e!) || typeof raw.i !== 'string' || raw.w === undefined) throw new Error('key');
      key = { version: raw.v, entity: raw.e!, id: raw.i };
    }
    return {
      epoch: raw.p,
      scope: raw.s,
      base: raw.b === undefined ? null : parseSnapshot(raw.b),
      walk: raw.w === undefined ? null : { upTo: parseSnapshot(raw.w), key },
    };
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
