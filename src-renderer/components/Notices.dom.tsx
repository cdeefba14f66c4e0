import { useTranslation } from 'react-i18next';
import { useNotices } from '../state/notices.dom.ts';
import { errorMessage } from '../i18n/errorMessage.dom.ts';

export function Notices() {
  const { t } = useTranslation();
  const { notices, dismiss } = useNotices();
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`toast toast-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.error ? errorMessage(notice.error, t) : notice.text}</span>
          <button type="button" className="button-secondary" onClick={() => dismiss(notice.id)}>{t('common.dismiss')}</button>
        </div>
      ))}
    </div>
  );
}
