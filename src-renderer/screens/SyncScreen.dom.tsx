import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore.dom.ts';
import { formatDateTime } from '../format/formatters.dom.ts';

export function SyncScreen() {
  const { t } = useTranslation();
  const { syncStatus, language } = useApp();
  return (
    <div className="screen">
      <h1>{t('sync.title')}</h1>
      <dl className="facts">
        <dt>{t('sync.connection')}</dt>
        <dd>{!syncStatus || syncStatus.connection === 'not-configured' ? t('sync.notConfigured') : t(`status.${syncStatus.connection}`)}</dd>
        <dt>{t('sync.lastSync')}</dt>
        <dd>{syncStatus?.lastSyncAt ? formatDateTime(syncStatus.lastSyncAt, language) : t('sync.never')}</dd>
        <dt>{t('sync.pending')}</dt>
        <dd data-testid="pending-changes">{syncStatus?.pendingChanges ?? 0}</dd>
        <dt>{t('sync.rejected')}</dt>
        <dd>{syncStatus?.rejectedChanges ?? 0}</dd>
      </dl>
    </div>
  );
}
