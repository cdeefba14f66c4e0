// When a ticket lets its holder in (DOMAIN.md §6): a dated group ticket only for the slot
// booked, an undated e-ticket for three years from the date of purchase. Both bounds are
// instants, inclusive, as Date#toISOString writes them.
import { DateTime } from 'luxon';
import type { SlotMode } from './venues.std.ts';

export interface TicketValidity {
  validFrom: string;
  validUntil: string;
}

export interface ValidityVenue {
  timeZone: string;
  rules: { slotMode: SlotMode };
  schedule: { stepMinutes: number } | null;
}

/** Undated e-tickets: "valid three years from the date of purchase". */
export const UNDATED_VALIDITY_YEARS = 3;

function instant(iso: string, what: string, zone: string): DateTime {
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) throw new RangeError(`${what} is not an ISO date-time: ${iso}`);
  const local = dt.setZone(zone);
  if (!local.isValid) throw new RangeError(`unknown time zone: ${zone}`);
  return local;
}

const iso = (dt: DateTime) => new Date(dt.toMillis()).toISOString();

/** The last second of a venue-local day: "valid on 18 March" prints as 23:59, not 00:00 the next day. */
const lastSecondOf = (day: DateTime) => day.endOf('day').set({ millisecond: 0 });

/**
 * A timed slot admits from its start until the next slot of the venue's grid begins; a
 * dated ticket (one "slot" per day, e.g. Carcassonne) for the whole local day.
 */
export function datedTicketValidity(venue: ValidityVenue, slotStartsAt: string): TicketValidity {
  const start = instant(slotStartsAt, 'slot start', venue.timeZone);
  switch (venue.rules.slotMode) {
    case 'timed': {
      if (!venue.schedule || venue.schedule.stepMinutes <= 0) throw new RangeError('a timed venue needs a slot step');
      return { validFrom: iso(start), validUntil: iso(start.plus({ minutes: venue.schedule.stepMinutes })) };
    }
    case 'dated':
      return { validFrom: iso(start), validUntil: iso(lastSecondOf(start)) };
    case 'on-request':
      throw new RangeError('a venue booked on request sells no dated tickets');
  }
}

/**
 * Three years to the calendar day in the venue's zone, whatever the hour of purchase: bought
 * on 18 March 2025 at 14:00, valid through 18 March 2028. Bought on 29 February, valid
 * through 28 February (luxon clamps to the month's last day).
 */
export function undatedTicketValidity(purchasedAt: string, timeZone: string): TicketValidity {
  const bought = instant(purchasedAt, 'purchase', timeZone);
  return { validFrom: iso(bought), validUntil: iso(lastSecondOf(bought.plus({ years: UNDATED_VALIDITY_YEARS }))) };
}
