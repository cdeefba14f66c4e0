// A time zone's UTC offset at an instant, and wall-clock day arithmetic on it, without asking
// Intl for every instant: luxon's offset lookup (Intl's formatToParts) made the option expiry
// of one placement cost a tenth of a millisecond, the central service's largest own expense.
// The offset at each UTC midnight is looked up once per zone and kept; a day that begins and
// ends on the same offset has it all day long (no zone changes twice in a day and back).
import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Midnights kept, about three years of days for each of a hundred zones, then forgotten. */
const KEPT = 100_000;
const midnights = new Map<string, number>();

function exactOffset(zone: string, ms: number): number {
  const at = DateTime.fromMillis(ms, { zone });
  if (!at.isValid) throw new RangeError(`unknown time zone: ${zone}`);
  return at.offset;
}

function midnightOffset(zone: string, day: number): number {
  const key = `${zone}|${day}`;
  let offset = midnights.get(key);
  if (offset === undefined) {
    if (midnights.size >= KEPT) midnights.clear();
    offset = exactOffset(zone, day * DAY_MS);
    midnights.set(key, offset);
  }
  return offset;
}

/** The zone's offset from UTC at `ms`, in minutes (+60 for Paris in winter). */
export function offsetMinutes(zone: string, ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  const offset = midnightOffset(zone, day);
  return offset === midnightOffset(zone, day + 1) ? offset : exactOffset(zone, ms);
}

/**
 * The instant `days` calendar days before `ms` at the same wall-clock time in `zone`. A wall
 * time that does not exist or exists twice on that day is resolved as luxon's `minus({ days })`
 * resolves it (its fixOffset), so both always agree.
 */
export function wallClockDaysBefore(ms: number, days: number, zone: string): number {
  const offset = offsetMinutes(zone, ms);
  const local = ms + offset * MINUTE_MS - days * DAY_MS;
  let guess = local - offset * MINUTE_MS;
  const second = offsetMinutes(zone, guess);
  if (second === offset) return guess;
  guess -= (second - offset) * MINUTE_MS;
  const third = offsetMinutes(zone, guess);
  if (third === second) return guess;
  return local - Math.min(second, third) * MINUTE_MS;
}
