// The week around the selected day, slot by slot, for comparing times across days.
import { useTranslation } from 'react-i18next';
import type { CalendarMonthDto } from '../../../src-main/contract/schemas.std.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { formatLocalDate, formatTime } from '../../format/formatters.dom.ts';

export function WeekView({ month, selectedDay, selectedSlot, minPlaces, onSelectSlot }: {
  month: CalendarMonthDto;
  selectedDay: string;
  selectedSlot: string | undefined;
  minPlaces: number;
  onSelectSlot(day: string, slotId: string): void;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const index = month.days.findIndex((d) => d.date === selectedDay);
  const monday = index - ((new Date(`${selectedDay}T12:00:00Z`).getUTCDay() + 6) % 7);
  const week = month.days.slice(Math.max(0, monday), monday + 7);
  return (
    <div className="week-view" role="grid" aria-label={t('calendar.week')}>
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
              <span className="slot-places">{slot.status === 'unavailable' ? t('calendar.unavailableShort') : slot.remaining}</span>
            </button>
          ))}
        </section>
      ))}
    </div>
  );
}
