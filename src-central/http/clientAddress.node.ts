// The address a request is counted under by the rate limits: Fastify's request.ip (the
// peer, or with trustProxy the client a trusted load balancer names in X-Forwarded-For).
import { isIPv6 } from 'node:net';
import type { FastifyRequest } from 'fastify';

/** The first four groups of an IPv6 address, written out in full. */
function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const written = tail === undefined
    ? groups(head)
    : [...groups(head), ...Array<string>(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)];
  return `${written.slice(0, 4).map((g) => g.padStart(4, '0').toLowerCase()).join(':')}::/64`;
}

/**
 * An IPv4 address as such (also when mapped into IPv6), an IPv6 address by its /64: anyone
 * given one IPv6 address is usually given the 2^64 around it, so counting each one alone
 * would let a single host try again from a new address at will.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  return isIPv6(ip) ? ipv6Prefix64(ip.split('%')[0]!) : ip;
}

export const clientAddress = (request: FastifyRequest): string => addressKey(request.ip);
