import { useTranslation } from 'react-i18next';
import type { Language } from '../../src-main/contract/schemas.std.ts';
import { formatDateTime, formatLocalDate, formatMoney } from '../format/formatters.dom.ts';
import { errorMessage } from '../i18n/errorMessage.dom.ts';
import { useApp } from '../state/appStore.dom.ts';
import { useNotices, type Notice, type NoticeParam } from '../state/notices.dom.ts';

function inWords(param: NoticeParam, language: Language): string | number {
  if (typeof param !== 'object') return param;
  if ('dateTime' in param) return formatDateTime(param.dateTime, language);
  if ('localDate' in param) return formatLocalDate(param.localDate, language);
  if ('money' in param) return formatMoney(param.money, language);
  return param[language];
}

function text(notice: Notice, t: ReturnType<typeof useTranslation>['t'], language: Language): string {
  if (notice.error) return errorMessage(notice.error, t);
  const params = Object.fromEntries(Object.entries(notice.params ?? {}).map(([name, value]) => [name, inWords(value, language)]));
  return t(notice.key ?? '', params);
}

export function Notices() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const { notices, dismiss } = useNotices();
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`toast toast-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{text(notice, t, language)}</span>
          <button type="button" className="button-secondary" onClick={() => dismiss(notice.id)}>{t('common.dismiss')}</button>
        </div>
      ))}
    </div>
  );
}
