// Orders > Find orders: search by period and state, open an order to see its lines, tickets
// and payment, print its receipt and assign its tickets.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATES } from '../../../src-main/contract/centralApi.std.ts';
import { DataTable } from '../../components/DataTable.dom.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { StateBadge } from '../../components/StateBadge.dom.tsx';
import { formatDateTime, formatMoney } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';
import { OrderDetail } from './OrderDetail.dom.tsx';

type OrderState = (typeof ORDER_STATES)[number];

export function OrdersScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const params = useApp((s) => s.route.params);
  const setParams = useApp((s) => s.setParams);
  const [filters, setFilters] = useState({ from: params.from ?? '', to: params.to ?? '', state: params.state ?? '' });
  const query = {
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    ...(params.state ? { state: params.state as OrderState } : {}),
  };
  const list = useRemote('orders.list', query);
  const reload = list.reload;
  useEvent('orders.changed', useCallback(() => reload(), [reload]));
  const open = (orderId: string) => setParams({ ...params, order: orderId });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams({ ...filters, order: '' });
  };

  return (
    <div className="screen">
      <h1>{t('orders.title')}</h1>
      <form className="toolbar order-search" onSubmit={search} aria-label={t('orders.find')}>
        <label className="field">{t('orders.from')}<input type="date" name="from" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} /></label>
        <label className="field">{t('orders.to')}<input type="date" name="to" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} /></label>
        <label className="field">{t('orders.state')}
          <select name="state" value={filters.state} onChange={(e) => setFilters({ ...filters, state: e.target.value })}>
            <option value="">{t('orders.anyState')}</option>
            {ORDER_STATES.map((s) => <option key={s} value={s}>{t(`states.${s}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="button-primary">{t('orders.find')}</button>
      </form>
      {list.error && <ErrorNotice error={list.error} onRetry={reload} />}
      <DataTable
        label={t('orders.title')}
        rows={list.value ?? []}
        empty={Object.keys(query).length > 0 ? t('orders.noneFound') : t('orders.empty')}
        rowProps={(o) => ({ 'data-order-id': o.id, 'data-order-number': o.number })}
        columns={[
          { key: 'number', header: t('orders.columns.number'), cell: (o) => o.number },
          { key: 'date', header: t('orders.columns.date'), cell: (o) => formatDateTime(o.createdAt, language), secondary: true },
          { key: 'venues', header: t('orders.columns.venues'), cell: (o) => o.venueNames.join(', ') },
          { key: 'visit', header: t('orders.columns.visit'), cell: (o) => formatDateTime(o.firstVisitAt, language) },
          { key: 'state', header: t('orders.columns.state'), cell: (o) => (
            <>
              <StateBadge state={o.state} />
              {o.paymentDueAt && <span className="hint state-note">{t('orders.dueBy', { due: formatDateTime(o.paymentDueAt, language) })}</span>}
            </>
          ) },
          { key: 'payment', header: t('orders.columns.payment'), cell: (o) => t(`orders.payment.${o.paymentMethod}`), secondary: true },
          { key: 'tickets', header: t('orders.columns.tickets'), cell: (o) => o.ticketCount, numeric: true, secondary: true },
          { key: 'amount', header: t('orders.columns.amount'), cell: (o) => formatMoney(o.totalCents, language), numeric: true },
          { key: 'open', header: t('options.columns.actions'), cell: (o) => <button type="button" className="button-secondary" onClick={() => open(o.id)}>{t('orders.open')}</button> },
        ]}
      />
      {params.order && <OrderDetail key={params.order} orderId={params.order} onClose={() => setParams({ ...params, order: '' })} />}
    </div>
  );
}
