import { DateTime } from 'luxon';
import type { CalendarMonthDto, SlotDto } from '../../contract/schemas.std.ts';
import { findVenue, listVenues } from '../store/catalogueRepo.node.ts';
import { closedDaysBetween, slotsBetween, type SlotRow } from '../store/slotsRepo.node.ts';
import { notFound } from './guichetError.std.ts';
import type { HandlerTable } from './handlerContext.node.ts';

const slotStatus = (slot: SlotRow): SlotDto['status'] => {
  if (slot.status !== 'open') return 'unavailable';
  return slot.remaining > 0 ? 'open' : 'full';
};

export const catalogueHandlers: HandlerTable<'catalogue.venues' | 'calendar.month'> = {
  'catalogue.venues': (_input, { store }) =>
    listVenues(store.db).map(({ schedule: _schedule, ...venue }) => venue),

  'calendar.month': ({ venueId, month }, { store }) => {
    const venue = findVenue(store.db, venueId);
    if (!venue) throw notFound('venue', venueId);
    const first = DateTime.fromISO(`${month}-01`, { zone: venue.timeZone });
    const last = first.endOf('month');
    const from = first.toISODate()!;
    const to = last.toISODate()!;
    const closed = closedDaysBetween(store.db, venueId, from, to);
    const byDay = new Map<string, SlotDto[]>();
    for (const slot of slotsBetween(store.db, venueId, from, to)) {
      const day = byDay.get(slot.localDate) ?? [];
      day.push({
        id: slot.id,
        startsAt: slot.startsAt,
        localTime: slot.localTime,
        capacity: slot.capacity,
        remaining: slot.remaining,
        status: slotStatus(slot),
      });
      byDay.set(slot.localDate, day);
    }
    const days: CalendarMonthDto['days'] = [];
    for (let day = first; day <= last; day = day.plus({ days: 1 })) {
      const date = day.toISODate()!;
      days.push({ date, closed: closed.has(date), slots: byDay.get(date) ?? [] });
    }
    return { venueId, month, timeZone: venue.timeZone, days };
  },
};
