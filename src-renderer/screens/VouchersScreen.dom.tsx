// Vouchers ("contremarques"): buying them for a museum at one of its tariffs, then every
// promotional code of the office, its status and its exports (DOMAIN.md §7).
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice.dom.tsx';
import { useEvent } from '../state/useEvent.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';
import { VoucherCodes } from './vouchers/VoucherCodes.dom.tsx';
import { VoucherShop } from './vouchers/VoucherShop.dom.tsx';

export function VouchersScreen() {
  const { t } = useTranslation();
  const list = useRemote('vouchers.list', {});
  const catalogue = useRemote('vouchers.catalogue', {});
  const account = useRemote('account.status', {});
  useEvent('vouchers.changed', list.reload);
  useEvent('vouchers.changed', catalogue.reload);
  useEvent('account.changed', account.reload);
  // Signed out, the cart still takes them: paying asks to sign in.
  const canBuy = account.value?.office?.status !== 'awaiting_validation';
  return (
    <div className="screen vouchers-screen">
      <h1>{t('vouchers.title')}</h1>
      {catalogue.error && <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} />}
      {catalogue.value && <VoucherShop museums={catalogue.value} canBuy={canBuy} />}
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <VoucherCodes rows={list.value ?? []} />
    </div>
  );
}
