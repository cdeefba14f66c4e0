// The Sync screen's part about this computer's data file: its backups, putting one back,
// and the diagnostics file to send to support.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/contract/methods.std.ts';
import { downloadBase64 } from '../../format/download.dom.ts';
import { formatDateTime } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';

type Backup = MethodOutput<'localData.get'>['backups'][number];

const megabytes = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 1_048_576);

function RestoreAction({ backup, onDone }: { backup: Backup; onDone(): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const say = useNotices((s) => s.say);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) return <button type="button" className="button-secondary" onClick={() => setAsking(true)}>{t('localData.restore')}</button>;
  return (
    <span className="confirm" role="group">
      <span>{t('localData.confirmRestore', { when: formatDateTime(backup.takenAt, language) })}</span>
      <button
        type="button"
        className="button-danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const outcome = await attempt('localData.restore', { fileName: backup.fileName });
          setBusy(false);
          if (!outcome) return;
          say('localData.restored', { when: { dateTime: backup.takenAt }, count: outcome.changesToSend, toSend: outcome.changesToSend, alreadySent: outcome.alreadySent });
          setAsking(false);
          onDone();
        }}
      >
        {t('localData.restore')}
      </button>
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>{t('common.keep')}</button>
    </span>
  );
}

export function LocalData() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const say = useNotices((s) => s.say);
  const local = useRemote('localData.get', {});
  useEvent('localData.changed', local.reload);
  const backups = local.value?.backups ?? [];
  return (
    <section className="local-data" aria-labelledby="local-data-title">
      <h2 id="local-data-title">{t('localData.title')}</h2>
      <p>{t('localData.intro', { dataDir: local.value?.dataDir ?? '…' })}</p>
      <div className="actions">
        <button
          type="button"
          className="button-secondary"
          onClick={async () => {
            const made = await attempt('localData.backUp', {});
            if (made) say('localData.backedUp');
            local.reload();
          }}
        >
          {t('localData.backUpNow')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={async () => {
            const file = await attempt('diagnostics.export', {});
            if (file) downloadBase64(file.fileName, file.base64, 'application/json');
          }}
        >
          {t('localData.exportDiagnostics')}
        </button>
      </div>
      {backups.length === 0 ? <p data-testid="no-backups">{t('localData.noBackups')}</p> : (
        <table className="data-table" data-testid="backups">
          <thead>
            <tr><th scope="col">{t('localData.takenAt')}</th><th scope="col">{t('localData.why')}</th><th scope="col">{t('localData.size')}</th><th scope="col"><span className="visually-hidden">{t('localData.restore')}</span></th></tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.fileName}>
                <td>{formatDateTime(backup.takenAt, language)}</td>
                <td>{t(`localData.reasons.${backup.reason}`)}</td>
                <td>{t('localData.megabytes', { size: megabytes(backup.bytes, language) })}</td>
                <td><RestoreAction backup={backup} onDone={local.reload} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
