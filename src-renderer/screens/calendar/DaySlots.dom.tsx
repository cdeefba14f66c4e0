import { forwardRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarMonthDto } from '../../../src-main/contract/schemas.std.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { formatLocalDate, formatTime } from '../../format/formatters.dom.ts';

type Day = CalendarMonthDto['days'][number];

/** A day's slots: Up/Down move between them, Enter opens the booking panel. */
export const DaySlots = forwardRef<HTMLUListElement, {
  day: Day | undefined;
  selectedSlot: string | undefined;
  minPlaces: number;
  onSelectSlot(slotId: string): void;
}>(function DaySlots({ day, selectedSlot, minPlaces, onSelectSlot }, ref) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  if (!day) return <p className="hint">{t('calendar.pickDay')}</p>;
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.slot:not(:disabled)')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[Math.max(0, Math.min(buttons.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };
  return (
    <section className="day-slots" aria-label={t('calendar.slotsOf', { date: formatLocalDate(day.date, language) })}>
      <h3>{t('calendar.slotsOf', { date: formatLocalDate(day.date, language) })}</h3>
      {day.closed && <p className="notice">{t('calendar.closed')}</p>}
      {!day.closed && day.slots.length === 0 && <p className="hint">{t('calendar.noSlots')}</p>}
      <ul className="slot-list" ref={ref} onKeyDown={onKeyDown}>
        {day.slots.map((slot) => {
          const tooSmall = slot.status === 'open' && minPlaces > 0 && slot.remaining < minPlaces;
          return (
            <li key={slot.id}>
              <button
                type="button"
                className={`slot slot-${slot.status}${tooSmall ? ' slot-too-small' : ''}`}
                data-slot-id={slot.id}
                aria-pressed={slot.id === selectedSlot}
                disabled={slot.status !== 'open'}
                onClick={() => onSelectSlot(slot.id)}
              >
                <span className="slot-time">{formatTime(slot.startsAt, language)}</span>
                {slot.status !== 'past' && <span className="slot-places">{t('calendar.places', { remaining: slot.remaining, capacity: slot.capacity })}</span>}
                {slot.status !== 'open' && <span className={`badge badge-${slot.status}`}>{t(`calendar.${slot.status}`)}</span>}
                {tooSmall && <span className="badge">{t('calendar.tooSmall', { count: minPlaces })}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
