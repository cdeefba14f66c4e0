import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';
import { useEvent } from '../state/useEvent.dom.ts';
import { LANGUAGES } from '../i18n/i18n.dom.ts';
import { OfficeBadge } from './OfficeBadge.dom.tsx';
import { userTimeZoneDiffers, VENUE_TIME_ZONE } from '../format/formatters.dom.ts';
import { describeRefusedChange } from '../format/refusedChange.dom.ts';
import { useRefusedChanges } from '../state/useRefusedChanges.dom.ts';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;

/** "2 min ago" / "il y a 2 min", refreshed every half-minute. */
function useAgo(iso: string | null, language: 'fr' | 'en'): string | null {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!iso) return null;
  const minutes = Math.round((Date.parse(iso) - now) / 60_000);
  const format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto', style: 'short' });
  return Math.abs(minutes) < 60 ? format.format(minutes, 'minute') : format.format(Math.round(minutes / 60), 'hour');
}

export function StatusBar() {
  const { t } = useTranslation();
  const { language, setLanguage, syncStatus, navigate } = useApp();
  const { changes: refused } = useRefusedChanges();
  const account = useRemote('account.status', {});
  useEvent('account.changed', account.reload);
  const connection = syncStatus?.connection ?? 'offline';
  const ago = useAgo(syncStatus?.lastSyncAt ?? null, language);
  const office = account.value?.office;
  // One refused change is said whole; more send the agent to the Sync screen's list.
  const refusedText = refused.length === 1
    ? t('status.refused', { count: 1, ...describeRefusedChange(refused[0]!, t, language) })
    : t('status.refused', { count: refused.length });
  return (
    <footer className="status-bar">
      <span className={`connection connection-${connection}`} data-testid="status-connection">{t(`status.${connection}`)}</span>
      {ago && <span>{t('status.syncedAgo', { ago })}</span>}
      {syncStatus && syncStatus.pendingChanges > 0 && <span data-testid="status-pending">{t('status.pending', { count: syncStatus.pendingChanges })}</span>}
      {syncStatus && syncStatus.rejectedChanges > 0 && <span className="status-rejected">{t('status.rejected', { count: syncStatus.rejectedChanges })}</span>}
      {refused.length > 0 && (
        <button type="button" className="status-refused" data-testid="status-refused" title={refusedText} onClick={() => navigate('sync')}>{refusedText}</button>
      )}
      {office && account.value?.user && <span>{office.company} · {account.value.user.contactName} <OfficeBadge status={office.status} /></span>}
      {userTimeZoneDiffers() && <span>{t('status.timeZone')} ({VENUE_TIME_ZONE})</span>}
      <label className="language">
        {t('status.language')}
        <select value={language} onChange={(e) => void setLanguage(e.target.value as typeof language)} data-testid="language">
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>{l === 'fr' ? 'Français' : 'English'}</option>
          ))}
        </select>
      </label>
    </footer>
  );
}
