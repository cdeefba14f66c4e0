import { useTranslation } from 'react-i18next';
import type { CalendarMonthDto } from '../../../src-main/contract/schemas.std.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { formatLocalDate, weekdayNames } from '../../format/formatters.dom.ts';
import { dayHeat } from './heat.std.ts';

const HEATS = ['plenty', 'some', 'few', 'full'] as const;

export function MonthGrid({ month, selectedDay, onSelectDay }: { month: CalendarMonthDto; selectedDay: string | undefined; onSelectDay(date: string): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const firstWeekday = (new Date(`${month.month}-01T12:00:00Z`).getUTCDay() + 6) % 7;
  return (
    <div className="month">
      <div className="month-grid" role="grid" aria-label={month.month}>
        {weekdayNames(language).map((name) => (
          <div key={name} className="weekday" role="columnheader">{name}</div>
        ))}
        {Array.from({ length: firstWeekday }, (_, i) => <div key={`blank-${i}`} className="day-blank" />)}
        {month.days.map((day) => {
          const heat = day.closed ? 'closed' : dayHeat(day.slots);
          const bookable = day.slots.filter((s) => s.status === 'open');
          const places = bookable.reduce((sum, s) => sum + s.remaining, 0);
          return (
            <button
              key={day.date}
              type="button"
              role="gridcell"
              className={`day heat-${heat}`}
              aria-selected={day.date === selectedDay}
              aria-label={formatLocalDate(day.date, language)}
              data-date={day.date}
              disabled={day.slots.length === 0 && !day.closed}
              onClick={() => onSelectDay(day.date)}
            >
              <span className="day-number">{Number(day.date.slice(8))}</span>
              <span className="day-summary">
                {day.closed ? t('calendar.closed') : day.slots.length > 0 ? t('calendar.daySummary', { count: bookable.length, places }) : ''}
              </span>
            </button>
          );
        })}
      </div>
      <div className="legend" aria-label={t('calendar.legend')}>
        <span>{t('calendar.legend')}</span>
        {HEATS.map((heat) => (
          <span key={heat} className={`legend-item heat-${heat}`}>{t(`calendar.heat.${heat}`)}</span>
        ))}
      </div>
    </div>
  );
}
