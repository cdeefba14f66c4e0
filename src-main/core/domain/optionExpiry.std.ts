// When a provisional booking ("option") lapses. The FAQ's screenshot is the reference:
// a Sainte-Chapelle option for 18 March 2025 13:15 expires on 17 January 2025 at 13:15,
// the same wall-clock time 60 calendar days earlier — not 60 × 24 h, which would land an
// hour off whenever a daylight-saving change falls in between.
import type { BookingRules } from './venues.std.ts';
import { wallClockDaysBefore } from './zoneOffsets.std.ts';

export type OptionExpiry =
  | { possible: true; expiresAt: string }
  | { possible: false; reason: 'NO_HOLDING_PERIOD' | 'HOLDING_PERIOD_PASSED' };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function instant(iso: string, what: string): number {
  const ms = ISO_DATE_TIME.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not an ISO date-time: ${iso}`);
  return ms;
}

/**
 * `now` must be the server's clock: an office computer set a day late must not be able to
 * place an option the platform would refuse.
 */
export function optionExpiry(rules: BookingRules, slotStartsAt: string, now: string, timeZone: string): OptionExpiry {
  if (rules.holdingDays === null) return { possible: false, reason: 'NO_HOLDING_PERIOD' };
  const expires = wallClockDaysBefore(instant(slotStartsAt, 'slot start'), rules.holdingDays, timeZone);
  // Closer to the visit than the holding period: nothing left to hold, the office pays at once.
  if (instant(now, 'now') >= expires) return { possible: false, reason: 'HOLDING_PERIOD_PASSED' };
  // Written exactly as Date#toISOString writes the server clock, so the stored strings
  // compare as instants.
  return { possible: true, expiresAt: new Date(expires).toISOString() };
}

const DAY_MS = 86_400_000;

/**
 * Whether an option can still be placed, as optionExpiry says, without its time-zone
 * arithmetic unless the visit lies within a day of the holding period's end: a day's length
 * changes by hours at most, so farther from it 24-hour days answer the same. A refusal's
 * alternatives ask this of every candidate slot, and the zone arithmetic was a quarter of
 * the central service's time on a hot slot.
 */
export function optionPossible(rules: BookingRules, slotStartsAt: string, now: string, timeZone: string): boolean {
  if (rules.holdingDays === null) return false;
  const margin = Date.parse(slotStartsAt) - Date.parse(now) - rules.holdingDays * DAY_MS;
  if (margin > DAY_MS) return true;
  if (margin < -DAY_MS) return false;
  return optionExpiry(rules, slotStartsAt, now, timeZone).possible;
}
