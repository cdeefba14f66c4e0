import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore.dom.ts';
import { LANGUAGES } from '../i18n/i18n.dom.ts';
import { userTimeZoneDiffers, VENUE_TIME_ZONE } from '../format/formatters.dom.ts';

export function StatusBar() {
  const { t } = useTranslation();
  const { language, setLanguage, syncStatus } = useApp();
  const connection = syncStatus?.connection ?? 'not-configured';
  return (
    <footer className="status-bar">
      <span className={`connection connection-${connection}`}>
        {connection === 'not-configured' ? t('status.notConfigured') : t(`status.${connection}`)}
      </span>
      {syncStatus && syncStatus.pendingChanges > 0 && <span>{t('status.pending', { count: syncStatus.pendingChanges })}</span>}
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
