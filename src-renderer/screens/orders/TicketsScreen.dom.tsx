// Every ticket of the office's orders, with whom it was sent to and when it was printed:
// filtered by monument, visit date, order and state, ticked, and printed as one bundle —
// or the whole day's visits at once. Assigning happens from the ticket's order.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRowDto } from '../../../src-main/contract/orderSchemas.std.ts';
import { DataTable } from '../../components/DataTable.dom.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { PrintedSummary } from '../../components/PrintedSummary.dom.tsx';
import { PrintTicketsBar, PrintTicketsButton } from '../../components/PrintTickets.dom.tsx';
import { StateBadge } from '../../components/StateBadge.dom.tsx';
import { formatDateTime, formatLocalDate, VENUE_TIME_ZONE } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';

/** The visit's calendar day at the venue ('2025-03-18'). */
const visitDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: VENUE_TIME_ZONE }).format(new Date(iso));

interface Filters {
  venue: string;
  day: string;
  order: string;
  state: '' | TicketRowDto['state'];
}

const matches = (ticket: TicketRowDto, f: Filters) =>
  (!f.venue || ticket.venueName === f.venue) && (!f.day || visitDay(ticket.validFrom) === f.day)
  && (!f.order || ticket.orderNumber === f.order) && (!f.state || ticket.state === f.state);

export function TicketsScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const list = useRemote('tickets.list', {});
  const reload = list.reload;
  useEvent('orders.changed', useCallback(() => reload(), [reload]));
  const [filters, setFilters] = useState<Filters>({ venue: '', day: '', order: '', state: '' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const all = useMemo(() => list.value ?? [], [list.value]);
  const rows = useMemo(() => all.filter((ticket) => matches(ticket, filters)), [all, filters]);
  const venues = [...new Set(all.map((ticket) => ticket.venueName))].sort();
  const orders = [...new Set(all.map((ticket) => ticket.orderNumber))].sort();
  const chosen = all.filter((ticket) => selected.has(ticket.id));
  const filter = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  });

  return (
    <div className="screen">
      <h1>{t('tickets.title')}</h1>
      {list.error && <ErrorNotice error={list.error} onRetry={reload} />}
      <form className="filters" aria-label={t('tickets.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('tickets.columns.venue')}
          <select value={filters.venue} onChange={(e) => filter({ venue: e.target.value })}>
            <option value="">{t('tickets.anyVenue')}</option>
            {venues.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </label>
        <label>
          {t('tickets.visitDay')}
          <input type="date" value={filters.day} onChange={(e) => filter({ day: e.target.value })} />
        </label>
        <label>
          {t('tickets.columns.order')}
          <select value={filters.order} onChange={(e) => filter({ order: e.target.value })}>
            <option value="">{t('tickets.anyOrder')}</option>
            {orders.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label>
          {t('tickets.columns.state')}
          <select value={filters.state} onChange={(e) => filter({ state: e.target.value as Filters['state'] })}>
            <option value="">{t('tickets.anyState')}</option>
            <option value="valid">{t('states.valid')}</option>
            <option value="cancelled">{t('states.cancelled')}</option>
          </select>
        </label>
      </form>
      <PrintTicketsBar>
        <button type="button" className="button-secondary" disabled={rows.length === 0}
          onClick={() => setSelected(new Set(rows.filter((r) => r.state === 'valid').map((r) => r.id)))}>
          {t('tickets.selectShown', { count: rows.filter((r) => r.state === 'valid').length })}
        </button>
        {selected.size > 0 && <button type="button" className="button-secondary" onClick={() => setSelected(new Set())}>{t('tickets.clearSelection')}</button>}
        <PrintTicketsButton scope={chosen.length > 0 ? { kind: 'tickets', ticketIds: chosen.map((c) => c.id) } : null}
          label={t('bundles.printSelection', { count: chosen.length })} />
        {filters.day && (
          <PrintTicketsButton scope={{ kind: 'day', date: filters.day }} label={t('bundles.printDay', { day: formatLocalDate(filters.day, language, 'short') })} />
        )}
      </PrintTicketsBar>
      <DataTable
        label={t('tickets.title')}
        rows={rows}
        empty={all.length === 0 ? t('tickets.empty') : t('tickets.noneFound')}
        rowProps={(ticket) => ({ 'data-ticket-number': ticket.number })}
        columns={[
          {
            key: 'select', header: t('cart.select'),
            cell: (ticket) => (
              <input type="checkbox" aria-label={t('tickets.selectOne', { number: ticket.number })} disabled={ticket.state !== 'valid'}
                checked={selected.has(ticket.id)} onChange={() => toggle(ticket.id)} />
            ),
          },
          { key: 'number', header: t('tickets.columns.number'), cell: (ticket) => <span className="mono">{ticket.number}</span> },
          { key: 'venue', header: t('tickets.columns.venue'), cell: (ticket) => ticket.venueName },
          { key: 'product', header: t('tickets.columns.product'), cell: (ticket) => <span title={ticket.label[language]}>{t(`tickets.kind.${ticket.kind}`)}</span> },
          { key: 'validFrom', header: t('tickets.columns.validFrom'), cell: (ticket) => formatDateTime(ticket.validFrom, language) },
          { key: 'state', header: t('tickets.columns.state'), cell: (ticket) => <StateBadge state={ticket.state} /> },
          { key: 'assignedTo', header: t('tickets.columns.assignedTo'), cell: (ticket) => (ticket.assignedTo ? `${ticket.assignedTo.name} <${ticket.assignedTo.email}>` : '—') },
          { key: 'printed', header: t('tickets.columns.printed'), cell: (ticket) => <PrintedSummary printed={ticket.printed} short /> },
          {
            key: 'order',
            header: t('tickets.columns.order'),
            cell: (ticket) => <button type="button" className="button-secondary" onClick={() => navigate('orders', { order: ticket.orderId })}>{ticket.orderNumber}</button>,
          },
        ]}
      />
    </div>
  );
}
