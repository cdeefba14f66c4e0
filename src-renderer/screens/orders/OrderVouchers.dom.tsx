// An order's vouchers: the lines it paid for, then its codes and their two exports, as the
// platform's summary offers them right after the purchase.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireOrder } from '../../../src-main/contract/centralApi.std.ts';
import { DataTable } from '../../components/DataTable.dom.tsx';
import { formatMoney } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';
import { exportVouchers } from '../vouchers/exportVouchers.dom.ts';
import { VoucherStatus, voucherDetails } from '../vouchers/VoucherCodes.dom.tsx';

export function OrderVouchers({ order }: { order: WireOrder }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const list = useRemote('vouchers.list', order.voucherLines.length > 0 ? {} : null);
  const reload = list.reload;
  useEvent('vouchers.changed', useCallback(() => reload(), [reload]));
  if (order.voucherLines.length === 0) return null;
  const codes = (list.value ?? []).filter((v) => v.orderId === order.id);
  return (
    <section className="order-vouchers" aria-label={t('vouchers.ofOrder')}>
      <h3>{t('vouchers.ofOrder')}</h3>
      <table className="data-table">
        <tbody>
          {order.voucherLines.map((line) => (
            <tr key={line.itemId}>
              <td>{line.museumName} — {line.label[language]}</td>
              <td className="numeric">{formatMoney(line.unitCents, language)}</td>
              <td className="numeric">× {line.quantity}</td>
              <td className="numeric">{formatMoney(line.totalCents, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {order.state === 'awaiting_transfer' ? <p className="hint">{t('cart.vouchersHint')}</p> : (
        <>
          <div className="toolbar">
            <button type="button" disabled={codes.length === 0} onClick={() => void exportVouchers({ kind: 'order', orderId: order.id }, 'pdf', language)}>{t('vouchers.exportPdf')}</button>
            <button type="button" disabled={codes.length === 0} onClick={() => void exportVouchers({ kind: 'order', orderId: order.id }, 'xlsx', language)}>{t('vouchers.exportXlsx')}</button>
          </div>
          <DataTable
            label={t('vouchers.ofOrder')}
            rows={codes}
            empty={t('vouchers.empty')}
            columns={[
              { key: 'code', header: t('vouchers.columns.code'), cell: (r) => <code className="voucher-code">{r.code}</code> },
              { key: 'tariff', header: t('vouchers.columns.tariff'), cell: (r) => r.label?.[language] ?? '—' },
              { key: 'status', header: t('vouchers.columns.status'), cell: (r) => <VoucherStatus row={r} /> },
              { key: 'details', header: t('vouchers.columns.details'), cell: (r) => voucherDetails(r, t, language) },
            ]}
          />
        </>
      )}
    </section>
  );
}
