import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/appStore.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useFirstScreenShown } from '../../state/windowShown.dom.ts';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { formatMonth } from '../../format/formatters.dom.ts';
import { VenuePicker } from './VenuePicker.dom.tsx';
import { VenueRules } from './VenueRules.dom.tsx';
import { OnRequestCard } from './OnRequestCard.dom.tsx';
import { MonthGrid, MonthLoading } from './MonthGrid.dom.tsx';
import { DaySlots } from './DaySlots.dom.tsx';
import { WeekView } from './WeekView.dom.tsx';
import { BookingPanel } from './BookingPanel.dom.tsx';

const parisMonth = (date = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Paris' }).format(date).slice(0, 7);

/** From the month on screen now, read from the store so quick repeated clicks each count. */
const currentMonth = () => useApp.getState().route.params.month ?? parisMonth();

function shiftMonth(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + delta, 1)).toISOString().slice(0, 7);
}

const VALID_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function CalendarScreen() {
  const { t } = useTranslation();
  const { language, route, setParams } = useApp();
  const venues = useRemote('catalogue.venues', {});
  const account = useRemote('account.status', {});
  useEvent('account.changed', account.reload);
  const venueId = route.params.venue ?? venues.value?.find((v) => v.online)?.id;
  const month = route.params.month ?? parisMonth();
  const view = route.params.view === 'week' ? 'week' : 'month';
  const minPlaces = Math.max(0, Number(route.params.n ?? 0) || 0);
  const venue = venues.value?.find((v) => v.id === venueId);
  const wantsMonth = venueId !== undefined && (venue === undefined || venue.rules.slotMode !== 'on-request');
  const calendar = useRemote('calendar.month', wantsMonth ? { venueId, month } : null);
  useEvent('options.changed', calendar.reload);
  useEvent('options.changed', venues.reload);
  const slotList = useRef<HTMLUListElement>(null);
  const days = calendar.value?.month === month && calendar.value.venueId === venueId ? calendar.value.days : undefined;
  const selectedDay = route.params.day ?? days?.find((d) => d.slots.some((s) => s.status === 'open' && s.remaining >= Math.max(1, minPlaces)))?.date;
  const selectedSlot = days?.flatMap((d) => d.slots).find((s) => s.id === route.params.slot);
  useFirstScreenShown(days !== undefined || (venues.value !== undefined && !wantsMonth) || venues.error !== undefined || calendar.error !== undefined);

  return (
    <div className="screen calendar-screen">
      <h1>{t('calendar.title')}</h1>
      {venues.error && <ErrorNotice error={venues.error} onRetry={venues.reload} />}
      {account.value && !account.value.signedIn && <p className="notice notice-warning">{t('calendar.signedOut')}</p>}
      {account.value?.office?.status === 'awaiting_validation' && <p className="notice notice-warning">{t('account.awaiting')}</p>}
      <div className="calendar-layout">
        {venues.value && (
          <VenuePicker venues={venues.value} selected={venueId} onSelect={(id) => {
            performance.mark('guichet:month-requested');
            setParams({ venue: id, day: '', slot: '' });
          }} />
        )}
        <div className="calendar-main">
          {venue && (
            <header className="venue-header">
              <h2>{venue.name}</h2>
              <VenueRules venue={venue} />
            </header>
          )}
          {venue?.rules.slotMode === 'on-request' ? (
            <OnRequestCard venue={venue} />
          ) : (
            <>
              <div className="month-nav">
                <button type="button" className="button-secondary" aria-label={t('calendar.previousMonth')} onClick={() => setParams({ month: shiftMonth(currentMonth(), -1), day: '', slot: '' })}>‹</button>
                <h3 className="month-title">{VALID_MONTH.test(month) ? formatMonth(month, language) : month}</h3>
                <button type="button" className="button-secondary" aria-label={t('calendar.nextMonth')} onClick={() => {
                  performance.mark('guichet:month-requested');
                  setParams({ month: shiftMonth(currentMonth(), 1), day: '', slot: '' });
                }}>›</button>
                <div className="view-switch" role="group" aria-label={t('calendar.view')}>
                  <button type="button" aria-pressed={view === 'month'} onClick={() => setParams({ view: '' })}>{t('calendar.month')}</button>
                  <button type="button" aria-pressed={view === 'week'} onClick={() => setParams({ view: 'week' })}>{t('calendar.week')}</button>
                </div>
                <label className="filter">
                  {t('calendar.filter')}
                  <input type="number" min={0} max={500} name="minPlaces" value={minPlaces || ''} placeholder="—" onChange={(e) => setParams({ n: e.target.value })} />
                </label>
              </div>
              {calendar.error && <ErrorNotice error={calendar.error} onRetry={calendar.reload} />}
              {!calendar.value && !calendar.error && <MonthLoading />}
              {calendar.value && !calendar.error && view === 'month' && (
                <div className="month-and-day">
                  <MonthGrid
                    month={calendar.value}
                    selectedDay={selectedDay}
                    minPlaces={minPlaces}
                    onSelectDay={(day) => setParams({ day, slot: '' })}
                    onEnterDay={(day) => {
                      setParams({ day, slot: '' });
                      requestAnimationFrame(() => slotList.current?.querySelector<HTMLButtonElement>('button.slot:not(:disabled)')?.focus());
                    }}
                  />
                  <DaySlots ref={slotList} day={days?.find((d) => d.date === selectedDay)} selectedSlot={selectedSlot?.id} minPlaces={minPlaces} onSelectSlot={(slot) => setParams({ slot })} />
                </div>
              )}
              {calendar.value && !calendar.error && view === 'week' && selectedDay && (
                <WeekView month={calendar.value} selectedDay={selectedDay} selectedSlot={selectedSlot?.id} minPlaces={minPlaces} onSelectSlot={(day, slot) => setParams({ day, slot })} />
              )}
            </>
          )}
        </div>
        {venue && selectedSlot && (
          <BookingPanel
            key={selectedSlot.id}
            venue={venue}
            slot={selectedSlot}
            date={selectedDay ?? ''}
            daySlots={days?.find((d) => d.date === selectedDay)?.slots ?? []}
            onClose={() => setParams({ slot: '' })}
          />
        )}
      </div>
    </div>
  );
}
