// The week around the selected day, slot by slot, for comparing times across days.
import { useTranslation } from 'react-i18next';
import type { CalendarMonthDto } from '../../../src-main/contract/schemas.std.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { formatLocalDate, formatTime } from '../../format/formatters.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';

const DAY_MS = 86_400_000;

/** Monday to Sunday of the week holding `day` (ISO dates; noon UTC keeps daylight saving out of it). */
function weekOf(day: string): string[] {
  const noon = Date.parse(`${day}T12:00:00Z`);
  const monday = noon - ((new Date(noon).getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * DAY_MS).toISOString().slice(0, 10));
}

export function WeekView({ month, selectedDay, selectedSlot, minPlaces, onSelectSlot }: {
  month: CalendarMonthDto;
  selectedDay: string;
  selectedSlot: string | undefined;
  minPlaces: number;
  onSelectSlot(day: string, slotId: string): void;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const dates = weekOf(selectedDay);
  // A week across two months needs the other month's days too.
  const otherMonth = dates.map((d) => d.slice(0, 7)).find((m) => m !== month.month) ?? null;
  const neighbour = useRemote('calendar.month', otherMonth ? { venueId: month.venueId, month: otherMonth } : null);
  const known = [...month.days, ...(neighbour.value?.month === otherMonth ? neighbour.value.days : [])];
  const week = dates.flatMap((date) => known.filter((d) => d.date === date));
  return (
    // A group of seven labelled days, not a grid: its buttons are reached with Tab, not arrows.
    <div className="week-view" role="group" aria-label={t('calendar.week')}>
      {week.map((day) => (
        <section key={day.date} className="week-day" aria-label={formatLocalDate(day.date, language)}>
          <h4>{formatLocalDate(day.date, language, 'short')}</h4>
          {day.closed && <p className="badge badge-unavailable">{t('calendar.closed')}</p>}
          {day.slots.map((slot) => (
            <button
              key={slot.id}
              type="button"
              className={`slot slot-${slot.status}${minPlaces > 0 && slot.remaining < minPlaces ? ' slot-too-small' : ''}`}
              aria-pressed={slot.id === selectedSlot}
              disabled={slot.status !== 'open'}
              onClick={() => onSelectSlot(day.date, slot.id)}
              title={slot.status === 'open' ? undefined : t(`calendar.${slot.status}`)}
            >
              <span className="slot-time">{formatTime(slot.startsAt, language)}</span>
              <span className="slot-places">{slot.status === 'unavailable' || slot.status === 'past' ? t(`calendar.${slot.status}Short`) : slot.remaining}</span>
            </button>
          ))}
        </section>
      ))}
    </div>
  );
}
