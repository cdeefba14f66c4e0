// The office's records as lists. They fill as later capabilities (sync, cart,
// payment, ticketing) write into the local store; until then each says why it is empty.
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../src-main/contract/methods.std.ts';
import { DataTable, type Column } from '../components/DataTable.dom.tsx';
import { ErrorNotice } from '../components/ErrorNotice.dom.tsx';
import { StateBadge } from '../components/StateBadge.dom.tsx';
import { useApp } from '../state/appStore.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';
import { formatDateTime, formatMoney } from '../format/formatters.dom.ts';

type ListMethod = 'orders.list' | 'tickets.list' | 'vouchers.list';

function ListScreen({ method, section, columns }: {
  method: ListMethod;
  section: 'orders' | 'tickets' | 'vouchers';
  columns: Column<never>[];
}) {
  const { t } = useTranslation();
  const list = useRemote(method as MethodName, {} as never);
  return (
    <div className="screen">
      <h1>{t(`${section}.title`)}</h1>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <DataTable label={t(`${section}.title`)} columns={columns} rows={(list.value ?? []) as never[]} empty={t(`${section}.empty`)} />
    </div>
  );
}

interface Row { [key: string]: unknown; id: string }
const column = (key: string, header: string, cell: (row: Row) => React.ReactNode, numeric = false): Column<never> =>
  ({ key, header, cell: cell as (row: never) => React.ReactNode, numeric });

export function OrdersScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return (
    <ListScreen method="orders.list" section="orders" columns={[
      column('number', t('orders.columns.number'), (r) => String(r.number)),
      column('date', t('orders.columns.date'), (r) => formatDateTime(String(r.createdAt), language)),
      column('state', t('orders.columns.state'), (r) => <StateBadge state={String(r.state)} />),
      column('amount', t('orders.columns.amount'), (r) => formatMoney(Number(r.totalCents), language), true),
    ]} />
  );
}

export function TicketsScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return (
    <ListScreen method="tickets.list" section="tickets" columns={[
      column('number', t('tickets.columns.number'), (r) => String(r.number)),
      column('validFrom', t('tickets.columns.validFrom'), (r) => formatDateTime(String(r.validFrom), language)),
      column('validUntil', t('tickets.columns.validUntil'), (r) => formatDateTime(String(r.validUntil), language)),
      column('assignedTo', t('tickets.columns.assignedTo'), (r) => String(r.assignedTo ?? '—')),
    ]} />
  );
}

export function VouchersScreen() {
  const { t } = useTranslation();
  return (
    <ListScreen method="vouchers.list" section="vouchers" columns={[
      column('code', t('vouchers.columns.code'), (r) => String(r.code)),
      column('venue', t('vouchers.columns.venue'), (r) => String(r.venueName)),
      column('assignedTo', t('vouchers.columns.assignedTo'), (r) => String(r.assignedTo ?? '—')),
      column('used', t('vouchers.columns.used'), (r) => (r.used ? t('common.yes') : t('common.no'))),
    ]} />
  );
}
