import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../src-main/contract/errors.std.ts';
import { errorMessage } from '../i18n/errorMessage.dom.ts';

export function ErrorNotice({ error, onRetry }: { error: RpcError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert" data-error-code={error.code}>
      <span>{errorMessage(error, t)}</span>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
