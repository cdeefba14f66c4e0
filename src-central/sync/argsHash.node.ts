// What a stored mutation result is checked against when the same mutation id comes again.
import { createHash } from 'node:crypto';
import type { PushedMutation } from '../../src-main/contract/centralApi.std.ts';

/** Same keys in any order hash the same: a client re-serializing its outbox is not "different args". */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function argsHash(m: PushedMutation): string {
  return createHash('sha256').update(canonicalJson({ name: m.name, args: m.args })).digest('base64url');
}
