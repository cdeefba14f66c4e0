import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { demoVenues } from '../../../src-main/core/domain/demoCatalogue.std.ts';
import { optionExpiry, optionPossible } from '../../../src-main/core/domain/optionExpiry.std.ts';

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

  it('says whether an option is possible exactly as the expiry does, for holding periods ending on every week of a year and so on every daylight-saving change', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe'];
    const rules = [rulesOf('sainte-chapelle'), rulesOf('arc-de-triomphe'), { ...rulesOf('arc-de-triomphe'), holdingDays: 1 }];
    let checked = 0;
    for (let week = 0; week < 53; week += 1) {
      const now = new Date(Date.parse('2025-01-03T09:10:00.000Z') + week * 7 * 86_400_000).toISOString();
      for (const timeZone of zones) {
        for (const venueRules of rules) {
          // Every hour from two days before the holding period's end to two days after.
          const boundary = Date.parse(now) + venueRules.holdingDays! * 86_400_000;
          for (let hour = -48; hour < 48; hour += 1) {
            const startsAt = new Date(boundary + hour * 3_600_000).toISOString();
            expect(optionPossible(venueRules, startsAt, now, timeZone), `${timeZone} ${now} ${startsAt}`).toBe(optionExpiry(venueRules, startsAt, now, timeZone).possible);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBe(53 * 3 * 3 * 96);
    expect(optionPossible({ ...rulesOf('arc-de-triomphe'), holdingDays: null }, '2025-06-01T09:00:00Z', '2025-01-10T09:00:00Z', PARIS)).toBe(false);
    expect(optionPossible(rulesOf('arc-de-triomphe'), '2026-01-10T09:00:00Z', '2025-01-10T09:00:00Z', PARIS)).toBe(true);
  });

  it('lands on the same instant as luxon\'s calendar-day arithmetic around every daylight-saving change of two years, in zones with half and quarter hours', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'Asia/Kolkata'];
    const HOUR = 3_600_000;
    const DAY = 24 * HOUR;
    const from = Date.parse('2025-01-01T00:00:00Z');
    let checked = 0;
    for (const timeZone of zones) {
      const offset = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).offset;
      const changes: number[] = [];
      for (let day = 0; day < 730; day += 1) if (offset(from + day * DAY) !== offset(from + (day + 1) * DAY)) changes.push(from + day * DAY);
      for (const holdingDays of [1, 30, 60]) {
        const rules = { ...rulesOf('sainte-chapelle'), holdingDays };
        // A start near each change, and a start whose expiry falls near it, every quarter of an hour over a day and a half.
        const near = changes.flatMap((change) => [change, change + holdingDays * DAY])
          .flatMap((around) => Array.from({ length: 144 }, (_, q) => around - 6 * HOUR + q * 15 * 60_000));
        const middays = Array.from({ length: 730 }, (_, day) => from + day * DAY + 11 * HOUR + (day % 4) * 15 * 60_000);
        for (const ms of [...near, ...middays]) {
          const startsAt = new Date(ms).toISOString();
          const luxon = DateTime.fromISO(startsAt, { setZone: true }).setZone(timeZone).minus({ days: holdingDays }).toMillis();
          const expiry = optionExpiry(rules, startsAt, '2024-01-01T00:00:00.000Z', timeZone);
          expect(expiry, `${timeZone} ${startsAt} − ${holdingDays} days`).toEqual({ possible: true, expiresAt: new Date(luxon).toISOString() });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(6 * 3 * 730);
  });
});
