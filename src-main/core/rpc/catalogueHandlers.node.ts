import { DateTime } from 'luxon';
import type { CalendarMonthDto, SlotDto } from '../../contract/schemas.std.ts';
import { findVenue, listVenues } from '../store/catalogueRepo.node.ts';
import { closedDaysBetween, slotsBetween, type SlotRow } from '../store/slotsRepo.node.ts';
import { notFound } from './guichetError.std.ts';
import { pendingSeatsBySlot } from '../store/optionsRepo.node.ts';
import type { HandlerTable } from './handlerContext.node.ts';
import { serverNow } from './optionHandlers.node.ts';
import { hasStarted } from './slotChecks.node.ts';

const slotStatus = (slot: SlotRow, now: Date): SlotDto['status'] => {
  if (hasStarted(slot, now)) return 'past';
  if (slot.status !== 'open') return 'unavailable';
  return slot.remaining > 0 ? 'open' : 'full';
};

export const catalogueHandlers: HandlerTable<'catalogue.venues' | 'calendar.month'> = {
  'catalogue.venues': (_input, { store }) =>
    listVenues(store.db).map(({ schedule: _schedule, ...venue }) => venue),

  'calendar.month': ({ venueId, month }, ctx) => {
    const { store } = ctx;
    const now = serverNow(ctx);
    const venue = findVenue(store.db, venueId);
    if (!venue) throw notFound('venue', venueId);
    const first = DateTime.fromISO(`${month}-01`, { zone: venue.timeZone });
    const last = first.endOf('month');
    const from = first.toISODate()!;
    const to = last.toISODate()!;
    const closed = closedDaysBetween(store.db, venueId, from, to);
    const byDay = new Map<string, SlotDto[]>();
    const slots = slotsBetween(store.db, venueId, from, to);
    // What this office has asked for but the server has not confirmed is already spoken for.
    const pending = pendingSeatsBySlot(store.db, slots.map((s) => s.id));
    for (const mirrored of slots) {
      const slot = { ...mirrored, remaining: Math.max(0, mirrored.remaining - (pending.get(mirrored.id) ?? 0)) };
      const day = byDay.get(slot.localDate) ?? [];
      day.push({
        id: slot.id,
        startsAt: slot.startsAt,
        localTime: slot.localTime,
        capacity: slot.capacity,
        remaining: slot.remaining,
        status: slotStatus(slot, now),
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
