// Turns a venue's schedule into concrete slots. Schedules are wall-clock times in the
// venue's zone (a 13:15 slot is 13:15 in Paris in January and in July), so each slot is
// placed in its own day's offset and only then stored as a UTC instant.
import { DateTime } from 'luxon';
import type { SlotSchedule, Venue } from './venues.std.ts';

export interface GeneratedSlot {
  /** `${venueId}:${startsAt}` — stable, so regenerating a season finds the same slots. */
  id: string;
  venueId: string;
  /**
   * UTC instant as Date#toISOString writes it ('2025-03-18T12:15:00.000Z'), the form every
   * other instant in Guichet takes, so that stored strings sort and compare as instants.
   */
  startsAt: string;
  /** 'YYYY-MM-DD' in the venue's zone. */
  localDate: string;
  /** 'HH:mm' in the venue's zone. */
  localTime: string;
  capacity: number;
}

function parseDay(date: string, zone: string): DateTime {
  const day = DateTime.fromISO(date, { zone });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date in ${zone}: ${date}`);
  return day.startOf('day');
}

function minutesOfDay(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`not an 'HH:mm' time: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function hhmm(minuteOfDay: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/** null when the spring-forward change skips that wall-clock time on that day. */
function atMinute(day: DateTime, minuteOfDay: number): DateTime | null {
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const time = day.set({ hour, minute });
  return time.hour === hour && time.minute === minute ? time : null;
}

function isClosed(schedule: SlotSchedule, day: DateTime): boolean {
  return schedule.closedWeekdays.includes(day.weekday) || schedule.closedDates.includes(day.toFormat('MM-dd'));
}

function eachDay(venue: Venue, fromDate: string, toDate: string, visit: (day: DateTime) => void): void {
  const last = parseDay(toDate, venue.timeZone);
  for (let day = parseDay(fromDate, venue.timeZone); day <= last; day = day.plus({ days: 1 })) visit(day);
}

/** Venue-local dates in [from, to] on which the venue's schedule is closed. */
export function closedDays(venue: Venue, from: string, to: string): string[] {
  const { schedule } = venue;
  if (!schedule) return [];
  const closed: string[] = [];
  eachDay(venue, from, to, (day) => {
    if (isClosed(schedule, day)) closed.push(day.toISODate()!);
  });
  return closed;
}

/**
 * Slots of every open day in [fromDate, toDate] (inclusive, venue-local). Venues without a
 * schedule or a per-slot maximum (booked on request) have no slots.
 */
export function generateSlots(venue: Venue, fromDate: string, toDate: string): GeneratedSlot[] {
  const { schedule } = venue;
  const capacity = venue.rules.maxPerSlot;
  if (!schedule || capacity === null) return [];
  if (!(Number.isInteger(schedule.stepMinutes) && schedule.stepMinutes > 0)) {
    throw new RangeError(`${venue.id}: slot step must be a positive number of minutes`);
  }
  const first = minutesOfDay(schedule.firstSlot);
  const last = minutesOfDay(schedule.lastSlot);
  const slots: GeneratedSlot[] = [];
  eachDay(venue, fromDate, toDate, (day) => {
    if (isClosed(schedule, day)) return;
    const localDate = day.toISODate()!;
    const opening = atMinute(day, first);
    // Seeding a season is tens of thousands of slots: when no clock change falls within the
    // day's opening hours (every day but a night-time schedule's two), one offset serves all.
    const oneOffset = opening !== null && opening.offset === atMinute(day, last)?.offset;
    for (let minute = first; minute <= last; minute += schedule.stepMinutes) {
      const start = oneOffset ? opening.toMillis() + (minute - first) * 60_000 : atMinute(day, minute)?.toMillis();
      if (start === undefined) continue;
      const startsAt = new Date(start).toISOString();
      slots.push({ id: `${venue.id}:${startsAt}`, venueId: venue.id, startsAt, localDate, localTime: hhmm(minute), capacity });
    }
  });
  return slots;
}
