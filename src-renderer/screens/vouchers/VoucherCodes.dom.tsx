// Every code of the office with its museum, tariff, order and status; assigned ones below the
// unassigned (the core's order). Filter, search, select, and export what is chosen.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherRowDto } from '../../../src-main/contract/schemas.std.ts';
import { DataTable } from '../../components/DataTable.dom.tsx';
import { formatDateTime } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { exportVouchers } from './exportVouchers.dom.ts';
import { AssignVouchers } from './AssignVouchers.dom.tsx';
import { sendCodes, VoucherRefusal, VoucherRowActions } from './VoucherRowActions.dom.tsx';

const STATUSES = ['unassigned', 'assigned', 'used', 'revoked'] as const;
type Status = (typeof STATUSES)[number];

export function VoucherStatus({ row }: { row: VoucherRowDto }) {
  const { t } = useTranslation();
  return <span className={`badge badge-voucher-${row.status}`}>{t(`vouchers.statuses.${row.status}`)}</span>;
}

export function voucherDetails(row: VoucherRowDto, t: ReturnType<typeof useTranslation>['t'], language: 'fr' | 'en'): string {
  if (row.status === 'used' && row.usedAt) return t('vouchers.usedOn', { date: formatDateTime(row.usedAt, language) });
  if (row.pendingEmail) return t('vouchers.pendingTo', { email: row.pendingEmail });
  if (row.assignedTo) return row.assignedAt ? t('vouchers.assignedTo', { email: row.assignedTo, date: formatDateTime(row.assignedAt, language) }) : row.assignedTo;
  return '—';
}

/** Recipient or use, and below it an e-mail of the code the service refused (the dash alone says nothing then). */
function VoucherDetails({ row }: { row: VoucherRowDto }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const details = voucherDetails(row, t, language);
  const refusal = <VoucherRefusal row={row} />;
  return row.refusal && details === '—' ? refusal : <>{details}{refusal}</>;
}

export function VoucherCodes({ rows }: { rows: VoucherRowDto[] }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const [museum, setMuseum] = useState('');
  const [order, setOrder] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const museums = useMemo(() => [...new Map(rows.map((r) => [r.museumId, r.venueName])).entries()], [rows]);
  const orders = useMemo(() => [...new Map(rows.flatMap((r) => (r.orderId ? [[r.orderId, r.orderNumber ?? r.orderId] as const] : []))).entries()], [rows]);
  const shown = useMemo(() => {
    // Codes are typed with or without their dashes.
    const needle = search.trim().toLowerCase();
    const bare = needle.replace(/[\s-]/g, '');
    return rows.filter((r) => (!museum || r.museumId === museum) && (!order || r.orderId === order) && (!status || r.status === status)
      && (!needle || (bare !== '' && r.code.replace(/-/g, '').toLowerCase().includes(bare)) || (r.assignedTo ?? '').toLowerCase().includes(needle)));
  }, [rows, museum, order, status, search]);
  const chosen = rows.filter((r) => selected.has(r.id));
  const resendable = chosen.filter((r) => r.status === 'assigned' && r.state === 'valid' && !r.pendingEmail && r.assignedTo);

  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const exportChosen = (format: 'pdf' | 'xlsx') => void exportVouchers({ kind: 'selection', voucherIds: chosen.map((r) => r.id) }, format, language);

  return (
    <section className="voucher-codes" aria-labelledby="voucher-codes-title">
      <h2 id="voucher-codes-title">{t('vouchers.codes')}</h2>
      <div className="filters" role="search">
        <label>{t('vouchers.filters.museum')}
          <select name="museum" value={museum} onChange={(e) => setMuseum(e.target.value)}>
            <option value="">{t('vouchers.filters.all')}</option>
            {museums.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
        <label>{t('vouchers.filters.order')}
          <select name="order" value={order} onChange={(e) => setOrder(e.target.value)}>
            <option value="">{t('vouchers.filters.all')}</option>
            {orders.map(([id, number]) => <option key={id} value={id}>{number}</option>)}
          </select>
        </label>
        <label>{t('vouchers.filters.status')}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">{t('vouchers.filters.all')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`vouchers.statuses.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('vouchers.filters.search')}
          <input type="search" name="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <span className="hint" data-testid="vouchers-shown">{t('vouchers.shown', { count: shown.length, total: rows.length })}</span>
      </div>
      <DataTable
        label={t('vouchers.codes')}
        rows={shown}
        empty={rows.length === 0 ? t('vouchers.empty') : t('vouchers.noMatch')}
        rowProps={(r) => ({ 'data-code': r.code, 'data-status': r.status })}
        columns={[
          {
            key: 'select', header: t('vouchers.select'),
            cell: (r) => <input type="checkbox" aria-label={`${t('vouchers.select')} ${r.code}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />,
          },
          { key: 'code', header: t('vouchers.columns.code'), cell: (r) => <code className="voucher-code">{r.code}</code> },
          { key: 'venue', header: t('vouchers.columns.venue'), cell: (r) => r.venueName },
          { key: 'tariff', header: t('vouchers.columns.tariff'), cell: (r) => r.label?.[language] ?? '—' },
          { key: 'order', header: t('vouchers.columns.order'), cell: (r) => <span className="nowrap">{r.orderNumber ?? '—'}</span> },
          { key: 'status', header: t('vouchers.columns.status'), cell: (r) => <VoucherStatus row={r} /> },
          { key: 'details', header: t('vouchers.columns.details'), cell: (r) => <VoucherDetails row={r} /> },
          { key: 'actions', header: t('vouchers.actions'), cell: (r) => <VoucherRowActions row={r} /> },
        ]}
      />
      <div className="action-bar" role="toolbar" aria-label={t('vouchers.codes')}>
        <span data-testid="vouchers-selected">{t('vouchers.selected', { count: chosen.length })}</span>
        <button type="button" className="button-secondary" disabled={shown.length === 0} onClick={() => setSelected(new Set(shown.map((r) => r.id)))}>
          {t('vouchers.selectAllShown', { count: shown.length })}
        </button>
        <button type="button" className="button-secondary" disabled={chosen.length === 0} onClick={() => setSelected(new Set())}>{t('vouchers.clearSelection')}</button>
        <button type="button" disabled={chosen.length === 0} onClick={() => exportChosen('pdf')}>{t('vouchers.exportPdf')}</button>
        <button type="button" disabled={chosen.length === 0} onClick={() => exportChosen('xlsx')}>{t('vouchers.exportXlsx')}</button>
        {resendable.length > 0 && (
          <button type="button" className="button-secondary" onClick={() => void sendCodes(resendable.map((r) => ({ voucherId: r.id, email: r.assignedTo! })))}>
            {t('vouchers.resendSelected', { count: resendable.length })}
          </button>
        )}
      </div>
      <AssignVouchers selectedIds={chosen.filter((r) => r.status === 'unassigned' || r.status === 'assigned').map((r) => r.id)} />
    </section>
  );
}
