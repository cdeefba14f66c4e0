// The Sync screen's list of changes the central service refused as malformed: what each was,
// why, and the agent's two ways out — correct it and send it again, or discard it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusedChangeDto } from '../../../src-main/contract/schemas.std.ts';
import { formatDateTime } from '../../format/formatters.dom.ts';
import { describeRefusedChange } from '../../format/refusedChange.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';
import { useRefusedChanges } from '../../state/useRefusedChanges.dom.ts';
import { REFUSED_CHANGE_FORMS, RefusedChangeForm } from './RefusedChangeForm.dom.tsx';

function DiscardAction({ change, onDone }: { change: RefusedChangeDto; onDone(): void }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const [asking, setAsking] = useState(false);
  if (!asking) return <button type="button" className="button-secondary" onClick={() => setAsking(true)}>{t('sync.refusals.discard')}</button>;
  return (
    <span className="confirm" role="group">
      <span>{t('sync.refusals.confirmDiscard')}</span>
      <button
        type="button"
        className="button-danger"
        onClick={async () => {
          if (await attempt('sync.discardRefused', { mutationId: change.mutationId })) {
            say('sync.refusals.discarded');
            onDone();
          }
        }}
      >
        {t('sync.refusals.discard')}
      </button>
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>{t('common.keep')}</button>
    </span>
  );
}

export function RefusedChanges() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const { changes, reload } = useRefusedChanges();
  const [editing, setEditing] = useState<RefusedChangeDto | null>(null);
  if (changes.length === 0) return null;
  return (
    <section className="refused-changes" aria-labelledby="refused-changes-title">
      <h2 id="refused-changes-title">{t('sync.refusals.title')}</h2>
      <p className="hint">{t('sync.refusals.intro')}</p>
      <ul>
        {changes.map((change) => {
          const { what, reason } = describeRefusedChange(change, t, language);
          return (
            <li key={change.mutationId} className="refused-change" data-testid="refused-change">
              <div>
                <p><strong>{what}</strong> — {reason}</p>
                <p className="hint">{t('sync.refusals.refusedAt', { when: formatDateTime(change.refusedAt, language) })}</p>
              </div>
              <span className="row-actions-inline">
                {REFUSED_CHANGE_FORMS[change.change] && (
                  <button type="button" className="button-primary" onClick={() => setEditing(change)}>{t('sync.refusals.edit')}</button>
                )}
                <DiscardAction change={change} onDone={reload} />
              </span>
            </li>
          );
        })}
      </ul>
      {editing && <RefusedChangeForm key={editing.mutationId} change={editing} onClose={() => { setEditing(null); reload(); }} />}
    </section>
  );
}
