// Vouchers ("contremarques") bought for museums, with their promotional codes.
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable.dom.tsx';
import { ErrorNotice } from '../components/ErrorNotice.dom.tsx';
import { useRemote } from '../state/useRemote.dom.ts';

export function VouchersScreen() {
  const { t } = useTranslation();
  const list = useRemote('vouchers.list', {});
  return (
    <div className="screen">
      <h1>{t('vouchers.title')}</h1>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <DataTable
        label={t('vouchers.title')}
        rows={list.value ?? []}
        empty={t('vouchers.empty')}
        columns={[
          { key: 'code', header: t('vouchers.columns.code'), cell: (v) => v.code },
          { key: 'venue', header: t('vouchers.columns.venue'), cell: (v) => v.venueName },
          { key: 'assignedTo', header: t('vouchers.columns.assignedTo'), cell: (v) => v.assignedTo ?? '—' },
          { key: 'used', header: t('vouchers.columns.used'), cell: (v) => (v.used ? t('common.yes') : t('common.no')) },
        ]}
      />
    </div>
  );
}
