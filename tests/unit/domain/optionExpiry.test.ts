import { describe, expect, it } from 'vitest';
import { demoVenues } from '../../../src-main/core/domain/demoCatalogue.std.ts';
import { optionExpiry } from '../../../src-main/core/domain/optionExpiry.std.ts';

const rulesOf = (id: string) => demoVenues.find((v) => v.id === id)!.rules;
const PARIS = 'Europe/Paris';

describe('optionExpiry', () => {
  it("reproduces the seed: Sainte-Chapelle 18 March 2025 13:15 expires 17 January 2025 13:15 (60 days)", () => {
    expect(optionExpiry(rulesOf('sainte-chapelle'), '2025-03-18T12:15:00Z', '2025-01-10T09:00:00Z', PARIS))
      .toEqual({ possible: true, expiresAt: '2025-01-17T12:15:00.000Z' });
  });

  it('holds 60 days at the Conciergerie and 30 at the Arc de triomphe', () => {
    expect(optionExpiry(rulesOf('conciergerie'), '2025-03-18T12:15:00Z', '2025-01-01T00:00:00Z', PARIS))
      .toEqual({ possible: true, expiresAt: '2025-01-17T12:15:00.000Z' });
    expect(optionExpiry(rulesOf('arc-de-triomphe'), '2025-03-18T12:15:00Z', '2025-01-01T00:00:00Z', PARIS))
      .toEqual({ possible: true, expiresAt: '2025-02-16T12:15:00.000Z' });
  });

  it('keeps the wall-clock time across the spring change: 20 May 10:00 → 21 March 10:00', () => {
    // 10:00 is 08:00Z in May (summer time) but 09:00Z in March (winter time).
    expect(optionExpiry(rulesOf('sainte-chapelle'), '2025-05-20T08:00:00Z', '2025-03-01T00:00:00Z', PARIS))
      .toEqual({ possible: true, expiresAt: '2025-03-21T09:00:00.000Z' });
  });

  it('keeps the wall-clock time across the autumn change: Arc 15 Nov 10:00 → 16 Oct 10:00', () => {
    expect(optionExpiry(rulesOf('arc-de-triomphe'), '2025-11-15T09:00:00Z', '2025-10-01T00:00:00Z', PARIS))
      .toEqual({ possible: true, expiresAt: '2025-10-16T08:00:00.000Z' });
  });

  it('accepts a slot start written with an offset', () => {
    expect(optionExpiry(rulesOf('sainte-chapelle'), '2025-03-18T13:15:00+01:00', '2025-01-10T09:00:00Z', PARIS))
      .toEqual({ possible: true, expiresAt: '2025-01-17T12:15:00.000Z' });
  });

  it('takes no option at Vincennes: pay at once', () => {
    expect(optionExpiry(rulesOf('chateau-de-vincennes'), '2025-03-18T12:15:00Z', '2025-01-10T09:00:00Z', PARIS))
      .toEqual({ possible: false, reason: 'NO_HOLDING_PERIOD' });
  });

  it('takes no option once the visit is closer than the holding period', () => {
    const rules = rulesOf('sainte-chapelle');
    expect(optionExpiry(rules, '2025-03-18T12:15:00Z', '2025-02-01T09:00:00Z', PARIS))
      .toEqual({ possible: false, reason: 'HOLDING_PERIOD_PASSED' });
    expect(optionExpiry(rules, '2025-03-18T12:15:00Z', '2025-01-17T12:15:00Z', PARIS))
      .toEqual({ possible: false, reason: 'HOLDING_PERIOD_PASSED' });
    expect(optionExpiry(rules, '2025-03-18T12:15:00Z', '2025-01-17T12:14:59Z', PARIS))
      .toEqual({ possible: true, expiresAt: '2025-01-17T12:15:00.000Z' });
  });

  it('refuses malformed instants and unknown zones', () => {
    const rules = rulesOf('sainte-chapelle');
    expect(() => optionExpiry(rules, 'tomorrow', '2025-01-10T09:00:00Z', PARIS)).toThrow(RangeError);
    expect(() => optionExpiry(rules, '2025-03-18T12:15:00Z', '2025-01-10T09:00:00Z', 'Europe/Atlantis')).toThrow(RangeError);
  });
});
