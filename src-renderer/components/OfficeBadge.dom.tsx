// "PRO" once the platform has validated the office (seed 002, purchase step 2), "awaiting
// validation" until then: in words, never by colour alone.
import { useTranslation } from 'react-i18next';
import type { AccountStatusDto } from '../../src-main/contract/schemas.std.ts';

export function OfficeBadge({ status }: { status: NonNullable<AccountStatusDto['office']>['status'] }) {
  const { t } = useTranslation();
  return status === 'validated'
    ? <span className="badge badge-pro" data-testid="pro-badge" title={t('account.proTitle')}>{t('account.pro')}</span>
    : <span className="badge badge-awaiting-validation" data-testid="pro-badge">{t('account.awaitingShort')}</span>;
}
