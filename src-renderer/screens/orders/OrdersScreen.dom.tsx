// Orders > Find orders: search by period and state, open an order to see its lines, tickets
// and payment, print its receipt and assign its tickets.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATES } from '../../../src-main/contract/centralApi.std.ts';
import { ListView } from '../../components/list/ListView.dom.tsx';
import { useList } from '../../components/list/listStore.dom.ts';
import { useBundleLanguage } from '../../components/PrintTickets.dom.tsx';
import { useBundles } from '../../state/bundles.dom.ts';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { StateBadge } from '../../components/StateBadge.dom.tsx';
import { formatDateTime, formatMoney } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';
import { OrderDetail } from './OrderDetail.dom.tsx';

type OrderState = (typeof ORDER_STATES)[number];

/** What the service is asked for (period, state), kept with the list's other settings. */
const QUERY_KEYS = ['from', 'to', 'orderState'] as const;

export function OrdersScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const params = useApp((s) => s.route.params);
  const setParams = useApp((s) => s.setParams);
  const navigate = useApp((s) => s.navigate);
  const orders = useList('orders');
  const applied = Object.fromEntries(QUERY_KEYS.map((key) => [key, orders.filters[key] ?? '']));
  const [draft, setDraft] = useState(applied);
  const query = {
    ...(applied.from ? { from: applied.from } : {}),
    ...(applied.to ? { to: applied.to } : {}),
    ...(applied.orderState ? { state: applied.orderState as OrderState } : {}),
  };
  const list = useRemote('orders.list', query);
  const reload = list.reload;
  useEvent('orders.changed', useCallback(() => reload(), [reload]));
  const open = (orderId: string) => setParams({ ...params, order: orderId });
  const bundleLanguage = useBundleLanguage();
  const startBundle = useBundles((s) => s.start);
  const tickets = useList('tickets');

  const search = (event: FormEvent) => {
    event.preventDefault();
    for (const key of QUERY_KEYS) orders.setFilter(key, draft[key] ?? '');
    setParams({ order: '' });
  };

  return (
    <div className="screen">
      <h1>{t('orders.title')}</h1>
      {list.error && <ErrorNotice error={list.error} onRetry={reload} />}
      <ListView
        listId="orders"
        label={t('orders.title')}
        rows={list.value}
        empty={Object.keys(query).length > 0 ? t('orders.noneFound') : t('orders.empty')}
        focusId={params.order}
        describe={(o) => o.number}
        rowProps={(o) => ({ 'data-order-id': o.id, 'data-order-number': o.number })}
        selectable={(o) => o.state === 'paid' && o.ticketCount > 0}
        columns={[
          {
            key: 'number', header: t('orders.columns.number'), sortBy: (o) => o.number, searchText: (o) => o.number,
            cell: (o) => <button type="button" className="link-button mono" onClick={() => open(o.id)}>{o.number}</button>,
          },
          { key: 'date', header: t('orders.columns.date'), cell: (o) => formatDateTime(o.createdAt, language), sortBy: (o) => o.createdAt, secondary: true },
          {
            key: 'dossier', header: t('dossiers.column'), cell: (o) => o.dossiers.map((d) => d.name).join(', ') || '—',
            sortBy: (o) => o.dossiers[0]?.name ?? null, searchText: (o) => o.dossiers.map((d) => d.name).join(' '),
            filterBy: (o) => (o.dossiers[0] ? { value: o.dossiers[0].id, label: o.dossiers[0].name } : null), filterAny: t('dossiers.all'),
            secondary: true,
          },
          { key: 'venues', header: t('orders.columns.venues'), cell: (o) => o.venueNames.join(', '), sortBy: (o) => o.venueNames.join(', '), searchText: (o) => o.venueNames.join(' ') },
          { key: 'visit', header: t('orders.columns.visit'), cell: (o) => formatDateTime(o.firstVisitAt, language), sortBy: (o) => o.firstVisitAt },
          { key: 'state', header: t('orders.columns.state'), sortBy: (o) => t(`states.${o.state}`), cell: (o) => (
            <>
              <StateBadge state={o.state} />
              {o.paymentDueAt && <span className="hint state-note">{t('orders.dueBy', { due: formatDateTime(o.paymentDueAt, language) })}</span>}
            </>
          ) },
          {
            key: 'payment', header: t('orders.columns.payment'), cell: (o) => t(`orders.payment.${o.paymentMethod}`),
            filterBy: (o) => ({ value: o.paymentMethod, label: t(`orders.payment.${o.paymentMethod}`) }),
            secondary: true,
          },
          { key: 'tickets', header: t('orders.columns.tickets'), cell: (o) => o.ticketCount, numeric: true, sortBy: (o) => o.ticketCount, secondary: true },
          { key: 'amount', header: t('orders.columns.amount'), cell: (o) => formatMoney(o.totalCents, language), numeric: true, sortBy: (o) => o.totalCents },
        ]}
        rowActions={(o) => [
          { key: 'open', label: t('orders.open'), onSelect: () => open(o.id) },
          ...(o.ticketCount > 0 ? [{
            key: 'tickets', label: t('orders.seeTickets'),
            onSelect: () => {
              tickets.clearFilters();
              tickets.setFilter('order', o.number);
              navigate('tickets');
            },
          }] : []),
        ]}
        bulkActions={(chosen, clear) => (
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              for (const order of chosen) void startBundle({ kind: 'order', orderId: order.id }, bundleLanguage);
              clear();
            }}
          >
            {t('orders.printMany', { count: chosen.length })}
          </button>
        )}
      >
          <form className="toolbar order-search" onSubmit={search} aria-label={t('orders.find')}>
            <label className="field">{t('orders.from')}<input type="date" name="from" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
            <label className="field">{t('orders.to')}<input type="date" name="to" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
            <label className="field">{t('orders.state')}
              <select name="state" value={draft.orderState} onChange={(e) => setDraft({ ...draft, orderState: e.target.value })}>
                <option value="">{t('orders.anyState')}</option>
                {ORDER_STATES.map((s) => <option key={s} value={s}>{t(`states.${s}`)}</option>)}
              </select>
            </label>
            <button type="submit" className="button-primary">{t('orders.find')}</button>
          </form>
      </ListView>
      {params.order && <OrderDetail key={params.order} orderId={params.order} onClose={() => setParams({ ...params, order: '' })} />}
    </div>
  );
}
