// Every ticket of the office's orders, with whom it was sent to and when it was printed:
// filtered by monument, visit date, order and state, ticked, and printed as one bundle —
// or the whole day's visits at once. Assigning happens from the ticket's order.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRowDto } from '../../../src-main/contract/orderSchemas.std.ts';
import { ListView } from '../../components/list/ListView.dom.tsx';
import { useList } from '../../components/list/listStore.dom.ts';
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

export function TicketsScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const focusId = useApp((s) => s.route.params.ticket);
  const list = useRemote('tickets.list', {});
  const reload = list.reload;
  useEvent('orders.changed', useCallback(() => reload(), [reload]));
  const tickets = useList('tickets');
  const day = tickets.filters.day ?? '';
  const onDay = useCallback((ticket: TicketRowDto) => !day || visitDay(ticket.validFrom) === day, [day]);

  return (
    <div className="screen">
      <h1>{t('tickets.title')}</h1>
      {list.error && <ErrorNotice error={list.error} onRetry={reload} />}
      <PrintTicketsBar>
        {day && (
          <PrintTicketsButton scope={{ kind: 'day', date: day }} label={t('bundles.printDay', { day: formatLocalDate(day, language, 'short') })} />
        )}
      </PrintTicketsBar>
      <ListView
        listId="tickets"
        label={t('tickets.title')}
        rows={list.value}
        empty={t('tickets.empty')}
        noneFound={t('tickets.noneFound')}
        focusId={focusId}
        where={onDay}
        describe={(ticket) => ticket.number}
        selectLabel={(ticket) => t('tickets.selectOne', { number: ticket.number })}
        rowProps={(ticket) => ({ 'data-ticket-number': ticket.number })}
        selectable={(ticket) => ticket.state === 'valid'}
        columns={[
          { key: 'number', header: t('tickets.columns.number'), cell: (ticket) => <span className="mono">{ticket.number}</span>, sortBy: (ticket) => ticket.number, searchText: (ticket) => ticket.number },
          {
            key: 'dossier', header: t('dossiers.column'), cell: (ticket) => ticket.dossier?.name ?? '—', sortBy: (ticket) => ticket.dossier?.name ?? null,
            searchText: (ticket) => ticket.dossier?.name ?? '',
            filterBy: (ticket) => (ticket.dossier ? { value: ticket.dossier.id, label: ticket.dossier.name } : null), filterAny: t('dossiers.all'),
          },
          {
            key: 'venue', header: t('tickets.columns.venue'), cell: (ticket) => ticket.venueName, sortBy: (ticket) => ticket.venueName,
            filterBy: (ticket) => ({ value: ticket.venueName, label: ticket.venueName }), filterAny: t('tickets.anyVenue'),
          },
          { key: 'product', header: t('tickets.columns.product'), cell: (ticket) => <span title={ticket.label[language]}>{t(`tickets.kind.${ticket.kind}`)}</span>, sortBy: (ticket) => ticket.kind },
          { key: 'validFrom', header: t('tickets.columns.validFrom'), cell: (ticket) => formatDateTime(ticket.validFrom, language), sortBy: (ticket) => ticket.validFrom },
          {
            key: 'state', header: t('tickets.columns.state'), cell: (ticket) => <StateBadge state={ticket.state} />,
            filterBy: (ticket) => ({ value: ticket.state, label: t(`states.${ticket.state}`) }), filterAny: t('tickets.anyState'),
          },
          {
            key: 'assignedTo', header: t('tickets.columns.assignedTo'), sortBy: (ticket) => ticket.assignedTo?.name ?? null,
            searchText: (ticket) => (ticket.assignedTo ? `${ticket.assignedTo.name} ${ticket.assignedTo.email}` : null),
            cell: (ticket) => (ticket.assignedTo ? `${ticket.assignedTo.name} <${ticket.assignedTo.email}>` : '—'),
          },
          { key: 'printed', header: t('tickets.columns.printed'), cell: (ticket) => <PrintedSummary printed={ticket.printed} short /> },
          {
            key: 'order', header: t('tickets.columns.order'), sortBy: (ticket) => ticket.orderNumber, searchText: (ticket) => ticket.orderNumber,
            filterBy: (ticket) => ({ value: ticket.orderNumber, label: ticket.orderNumber }), filterAny: t('tickets.anyOrder'),
            cell: (ticket) => <button type="button" className="link-button mono" onClick={() => navigate('orders', { order: ticket.orderId })}>{ticket.orderNumber}</button>,
          },
        ]}
        bulkActions={(chosen) => (
          <PrintTicketsButton scope={{ kind: 'tickets', ticketIds: chosen.map((c) => c.id) }} label={t('bundles.printSelection', { count: chosen.length })} />
        )}
      >
        <label className="field">
          {t('tickets.visitDay')}
          <input type="date" name="day" value={day} onChange={(e) => tickets.setFilter('day', e.target.value)} />
        </label>
      </ListView>
    </div>
  );
}
