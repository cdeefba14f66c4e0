import { useTranslation } from 'react-i18next';
import type { CalendarMonthDto } from '../../../src-main/contract/schemas.std.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { formatLocalDate, formatTime } from '../../format/formatters.dom.ts';

export function DaySlots({ day, selectedSlot, onSelectSlot }: {
  day: CalendarMonthDto['days'][number] | undefined;
  selectedSlot: string | undefined;
  onSelectSlot(slotId: string): void;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  if (!day) return <p className="hint">{t('calendar.pickDay')}</p>;
  return (
    <section className="day-slots" aria-label={t('calendar.slotsOf', { date: formatLocalDate(day.date, language) })}>
      <h3>{t('calendar.slotsOf', { date: formatLocalDate(day.date, language) })}</h3>
      {day.closed && <p className="notice">{t('calendar.closed')}</p>}
      {!day.closed && day.slots.length === 0 && <p className="hint">{t('calendar.noSlots')}</p>}
      <ul className="slot-list">
        {day.slots.map((slot) => (
          <li key={slot.id}>
            <button
              type="button"
              className={`slot slot-${slot.status}`}
              data-slot-id={slot.id}
              aria-pressed={slot.id === selectedSlot}
              disabled={slot.status !== 'open'}
              onClick={() => onSelectSlot(slot.id)}
            >
              <span className="slot-time">{formatTime(slot.startsAt, language)}</span>
              <span className="slot-places">{t('calendar.places', { remaining: slot.remaining, capacity: slot.capacity })}</span>
              {slot.status !== 'open' && <span className={`badge badge-${slot.status}`}>{t(`calendar.${slot.status}`)}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
