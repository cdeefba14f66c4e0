import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';
import { attempt } from '../state/attempt.dom.ts';
import { formatDateTime } from '../format/formatters.dom.ts';
import { RefusedChanges } from './sync/RefusedChanges.dom.tsx';
import { LocalData } from './sync/LocalData.dom.tsx';

export function SyncScreen() {
  const { t } = useTranslation();
  const { syncStatus, language, setSyncStatus } = useApp();
  const account = useRemote('account.status', {});
  const [busy, setBusy] = useState(false);
  const connection = syncStatus?.connection ?? 'offline';
  return (
    <div className="screen">
      <h1>{t('sync.title')}</h1>
      <dl className="facts">
        <dt>{t('sync.connection')}</dt>
        <dd data-testid="connection" className={`connection connection-${connection}`}>{t(`sync.${connection}`)}</dd>
        <dt>{t('sync.service')}</dt>
        <dd>{account.value?.centralUrl ?? '—'}</dd>
        <dt>{t('sync.lastSync')}</dt>
        <dd>{syncStatus?.lastSyncAt ? formatDateTime(syncStatus.lastSyncAt, language) : t('sync.never')}</dd>
        <dt>{t('sync.pending')}</dt>
        <dd data-testid="pending-changes">{syncStatus?.pendingChanges ?? 0}</dd>
        <dt>{t('sync.rejected')}</dt>
        <dd data-testid="rejected-changes">{syncStatus?.rejectedChanges ?? 0}</dd>
        <dt>{t('sync.refused')}</dt>
        <dd data-testid="refused-changes">{syncStatus?.refusedChanges ?? 0}</dd>
      </dl>
      <button
        type="button"
        className="button-primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const status = await attempt('sync.now', {});
          if (status) setSyncStatus(status);
          setBusy(false);
        }}
      >
        {t('sync.syncNow')}
      </button>
      <RefusedChanges />
      <LocalData />
    </div>
  );
}
