// After the local data file was found damaged and replaced, the agent reads what happened and
// what was kept, on every screen, until they say they have read it.
import { useTranslation } from 'react-i18next';
import { useRemote } from '../state/useRemote.dom.ts';
import { useEvent } from '../state/useEvent.dom.ts';
import { attempt } from '../state/attempt.dom.ts';

export function RecoveryBanner() {
  const { t } = useTranslation();
  const local = useRemote('localData.get', {});
  useEvent('localData.changed', local.reload);
  const recovery = local.value?.recovery;
  if (!recovery) return null;
  return (
    <div className="notice notice-warning" role="alert" data-testid="recovery-banner">
      <span>
        {t('localData.recovery.what', { damagedFile: recovery.damagedFile })}{' '}
        {recovery.outboxRescued ? t('localData.recovery.kept', { count: recovery.rescuedChanges }) : t('localData.recovery.lost')}{' '}
        {recovery.sessionKept ? '' : t('localData.recovery.signIn')}
      </span>
      <button type="button" className="button-secondary" onClick={async () => { if (await attempt('localData.dismissRecovery', {})) local.reload(); }}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
