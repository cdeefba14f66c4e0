import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarMonthDto } from '../../../src-main/contract/schemas.std.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { formatLocalDate, weekdayNames } from '../../format/formatters.dom.ts';
import { dayHeat } from './heat.std.ts';

const HEATS = ['plenty', 'some', 'few', 'full'] as const;
const ARROWS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** The month's cells, blanks before the 1st, cut into weeks: a grid's cells live in rows. */
function weeksOf<T>(cells: T[]): T[][] {
  return Array.from({ length: Math.ceil(cells.length / 7) }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** Month view: a heat of remaining places per day; arrows move between days, Enter opens the day. */
export function MonthGrid({ month, selectedDay, minPlaces, onSelectDay, onEnterDay }: {
  month: CalendarMonthDto;
  selectedDay: string | undefined;
  minPlaces: number;
  onSelectDay(date: string): void;
  onEnterDay(date: string): void;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const grid = useRef<HTMLDivElement>(null);
  const firstWeekday = (new Date(`${month.month}-01T12:00:00Z`).getUTCDay() + 6) % 7;
  const focusDay = month.days.some((d) => d.date === selectedDay) ? selectedDay : month.days[0]?.date;
  // Read while the previous days are still on screen: when a newly loaded month replaces the
  // button the agent is on, the browser drops the focus, and it must land on the new month.
  const focusWasInGrid = useRef(false);
  focusWasInGrid.current = grid.current?.contains(document.activeElement) ?? false;

  useEffect(() => {
    // Read by tests/bench/monthView: when a month's grid is on screen.
    performance.mark('guichet:month-rendered', { detail: `${month.venueId}/${month.month}` });
  }, [month]);

  useLayoutEffect(() => {
    // Keep the keyboard focus on the selected day while the user moves with the arrows.
    if (focusWasInGrid.current) grid.current?.querySelector<HTMLElement>(`[data-date="${focusDay}"]`)?.focus();
  }, [focusDay, month]);

  const onKeyDown = (event: KeyboardEvent) => {
    const date = (event.target as HTMLElement).dataset.date;
    if (!date) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onEnterDay(date);
      return;
    }
    const step = ARROWS[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const index = month.days.findIndex((d) => d.date === date) + step;
    const target = month.days[Math.max(0, Math.min(month.days.length - 1, index))];
    if (target) onSelectDay(target.date);
  };

  return (
    <div className="month">
      <div className="month-grid" role="grid" aria-label={month.month} ref={grid} onKeyDown={onKeyDown}>
        <div role="row" className="month-row">
          {weekdayNames(language).map((name) => (
            <div key={name} className="weekday" role="columnheader">{name}</div>
          ))}
        </div>
        {weeksOf([...Array.from({ length: firstWeekday }, () => undefined), ...month.days]).map((week, row) => (
          <div key={row} role="row" className="month-row">
            {week.map((day, column) => {
              if (!day) return <div key={`blank-${column}`} role="gridcell" className="day-blank" />;
              const fitting = day.slots.filter((s) => s.status === 'open' && s.remaining >= Math.max(1, minPlaces));
              const dayHeatNow = dayHeat(day.slots);
              const heat = day.closed ? 'closed' : dayHeatNow !== 'past' && minPlaces > 0 && fitting.length === 0 && day.slots.length > 0 ? 'full' : dayHeatNow;
              const places = fitting.reduce((sum, s) => sum + s.remaining, 0);
              // Named by its content, the full date hidden beside the day's number: a screen reader
              // hears the date and the places, and a voice command saying the number still finds it.
              return (
                <button
                  key={day.date}
                  type="button"
                  role="gridcell"
                  className={`day heat-${heat}`}
                  aria-selected={day.date === selectedDay}
                  tabIndex={day.date === focusDay ? 0 : -1}
                  data-date={day.date}
                  onClick={() => onSelectDay(day.date)}
                >
                  <span className="day-number" aria-hidden="true">{Number(day.date.slice(8))}</span>
                  <span className="visually-hidden">{formatLocalDate(day.date, language)}</span>
                  <span className="day-summary">
                    {day.closed ? t('calendar.closed') : heat === 'past' ? t('calendar.past') : day.slots.length > 0 ? t('calendar.daySummary', { count: fitting.length, places }) : ''}
                  </span>
                </button>
              );
            })}
          </div>
        ))}
      </div>
      <div className="legend" aria-label={t('calendar.legend')}>
        <span>{t('calendar.legend')}</span>
        {HEATS.map((heat) => (
          <span key={heat} className={`legend-item heat-${heat}`}>{t(`calendar.heat.${heat}`)}</span>
        ))}
        <span className="legend-item heat-closed">{t('calendar.closed')}</span>
      </div>
    </div>
  );
}

/** Where the month will be, while its slots load: the grid's frame and a word, never a blank. */
export function MonthLoading() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return (
    <div className="month month-loading" aria-busy="true">
      <p className="hint" role="status">{t('calendar.loading')}</p>
      <div className="month-grid-frame" aria-hidden="true">
        {weekdayNames(language).map((name) => <div key={name} className="weekday">{name}</div>)}
        {Array.from({ length: 35 }, (_, i) => <div key={i} className="day day-loading" />)}
      </div>
    </div>
  );
}
