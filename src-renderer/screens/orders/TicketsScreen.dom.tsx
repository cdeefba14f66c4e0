// Every ticket of the office's orders, with whom it was sent to; assigning happens from its order.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.dom.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { StateBadge } from '../../components/StateBadge.dom.tsx';
import { formatDateTime } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';

export function TicketsScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const list = useRemote('tickets.list', {});
  const reload = list.reload;
  useEvent('orders.changed', useCallback(() => reload(), [reload]));
  return (
    <div className="screen">
      <h1>{t('tickets.title')}</h1>
      {list.error && <ErrorNotice error={list.error} onRetry={reload} />}
      <DataTable
        label={t('tickets.title')}
        rows={list.value ?? []}
        empty={t('tickets.empty')}
        rowProps={(ticket) => ({ 'data-ticket-number': ticket.number })}
        columns={[
          { key: 'number', header: t('tickets.columns.number'), cell: (ticket) => <span className="mono">{ticket.number}</span> },
          { key: 'venue', header: t('tickets.columns.venue'), cell: (ticket) => ticket.venueName },
          { key: 'product', header: t('tickets.columns.product'), cell: (ticket) => <span title={ticket.label[language]}>{t(`tickets.kind.${ticket.kind}`)}</span> },
          { key: 'validFrom', header: t('tickets.columns.validFrom'), cell: (ticket) => formatDateTime(ticket.validFrom, language) },
          { key: 'validUntil', header: t('tickets.columns.validUntil'), cell: (ticket) => formatDateTime(ticket.validUntil, language) },
          { key: 'state', header: t('tickets.columns.state'), cell: (ticket) => <StateBadge state={ticket.state} /> },
          { key: 'assignedTo', header: t('tickets.columns.assignedTo'), cell: (ticket) => (ticket.assignedTo ? `${ticket.assignedTo.name} <${ticket.assignedTo.email}>` : '—') },
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
