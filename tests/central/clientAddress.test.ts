// The address the rate limits count: one host that owns a whole IPv6 /64 is one address.
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../src-central/http/clientAddress.node.ts';

describe('the address a client is counted under', () => {
  it('is its IPv4 address, also when mapped into IPv6', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is its IPv6 /64, however the address is written, so hopping within it gains nothing', () => {
    const key = '2001:0db8:0001:0002::/64';
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe(key);
    expect(addressKey('2001:DB8:1:2::9')).toBe(key);
    expect(addressKey('2001:db8:1:2::')).toBe(key);
    expect(addressKey('2001:db8:1:3::9')).not.toBe(key);
    expect(addressKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
  });
});
