// The application's own update, said where the agent looks: its download, "Restart to update",
// a restart waiting for work under way, or a failure that keeps the running version.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src-main/contract/methods.std.ts';
import { bridge, call } from '../transport/bridge.dom.ts';
import { attempt } from '../state/attempt.dom.ts';

type UpdateStatus = MethodOutput<'updates.status'>;

export function UpdateBanner() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    void call('updates.status', {}).then(setStatus, () => undefined);
    return bridge.on('updates.status', setStatus);
  }, []);
  if (!status) return null;
  switch (status.state) {
    case 'downloading':
      return (
        <div className="notice update-banner" role="status" data-testid="update-banner">
          <span>{t('updates.downloading', { version: status.version })}</span>
          <progress max={100} value={status.percent} aria-label={t('updates.progress')}>{status.percent} %</progress>
        </div>
      );
    case 'ready':
    case 'deferred':
    case 'installing':
      return (
        <div className="notice update-banner" role="status" data-testid="update-banner">
          <span>{status.state === 'deferred' ? t(`updates.deferred.${status.reason}`, { version: status.version }) : t('updates.ready', { version: status.version })}</span>
          {status.state === 'ready' && (
            <button type="button" className="button-primary" onClick={async () => { const next = await attempt('updates.restart', {}); if (next) setStatus(next); }}>
              {t('updates.restart')}
            </button>
          )}
        </div>
      );
    case 'error':
      return (
        <div className="notice notice-warning update-banner" role="status" data-testid="update-banner">
          <span>{t(status.corrupt ? 'updates.corrupt' : `updates.failed.${status.kind}`)}</span>
        </div>
      );
    default:
      return null;
  }
}
