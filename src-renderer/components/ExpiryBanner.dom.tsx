// Held options about to lapse, and bank transfers whose deadline nears, said on every screen
// until they are paid or cancelled.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';
import { useEvent } from '../state/useEvent.dom.ts';
import { useServerNow } from '../state/useServerNow.dom.ts';
import { isExpiringSoon } from '../format/countdown.dom.ts';

export function ExpiryBanner() {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const list = useRemote('options.list', {});
  const settings = useRemote('settings.get', {});
  const reload = list.reload;
  useEvent('options.changed', useCallback(() => reload(), [reload]));
  useEvent('settings.changed', settings.reload);
  const serverNow = useServerNow();
  const days = settings.value?.expiringSoonDays ?? 7;
  const transfers = useRemote('orders.list', { state: 'awaiting_transfer' });
  useEvent('orders.changed', transfers.reload);
  const soon = (list.value ?? []).filter((o) => o.state === 'active' && o.expiresAt && isExpiringSoon(o.expiresAt, serverNow, days));
  const dueSoon = (transfers.value ?? []).filter((o) => o.paymentDueAt && isExpiringSoon(o.paymentDueAt, serverNow, days));
  if (soon.length === 0 && dueSoon.length === 0) return null;
  return (
    <>
      {soon.length > 0 && (
        <div className="notice notice-warning expiry-banner" role="status" data-testid="expiry-banner">
          <span>
            {t('options.expiringBanner', { count: soon.length, days })}
            {soon.some((o) => o.dossierName) && <> {t('options.expiringFor', { dossiers: [...new Set(soon.flatMap((o) => (o.dossierName ? [o.dossierName] : [])))].join(', ') })}</>}
          </span>
          <button type="button" className="button-secondary" onClick={() => navigate('options')}>{t('options.show')}</button>
        </div>
      )}
      {dueSoon.length > 0 && (
        <div className="notice notice-warning expiry-banner" role="status" data-testid="transfer-banner">
          <span>{t('orders.transfersDueBanner', { count: dueSoon.length, days })}</span>
          <button type="button" className="button-secondary" onClick={() => navigate('orders', { state: 'awaiting_transfer' })}>{t('options.show')}</button>
        </div>
      )}
    </>
  );
}
