// Requests sent to a monument's booking department, step by step, with dates and notes.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VenueDto } from '../../../src-main/contract/schemas.std.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';
import { formatDateTime, formatLocalDate } from '../../format/formatters.dom.ts';
import { DossierPicker } from '../../components/DossierPicker.dom.tsx';
import { useCurrentDossier } from '../../state/currentDossier.dom.ts';

const STEPS = ['sent', 'confirmed', 'paid', 'done'] as const;
const DATE_OF = { sent: 'sentAt', confirmed: 'confirmedAt', paid: 'paidAt', done: 'doneAt' } as const;

export function RequestTracker({ venue }: { venue: VenueDto }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const say = useNotices((s) => s.say);
  const requests = useRemote('requests.list', { venueId: venue.id });
  useEvent('requests.changed', requests.reload);
  const [form, setForm] = useState({ visitDate: '', headCount: '', notes: '' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await attempt('requests.create', {
      venueId: venue.id, visitDate: form.visitDate, headCount: Number(form.headCount), notes: form.notes, dossierId: useCurrentDossier.getState().dossierId,
    });
    if (created) {
      say('requests.created', { venue: venue.name, date: { localDate: created.visitDate } });
      setForm({ visitDate: '', headCount: '', notes: '' });
      requests.reload();
    }
  };

  return (
    <section className="card requests" aria-label={t('requests.title')}>
      <h3>{t('requests.title')}</h3>
      <DossierPicker id="request-dossier" />
      <form className="request-form" onSubmit={submit}>
        <label className="field">{t('requests.visitDate')}<input type="date" name="visitDate" required value={form.visitDate} onChange={(e) => setForm({ ...form, visitDate: e.target.value })} /></label>
        <label className="field">{t('requests.headCount')}<input type="number" min={1} name="headCount" required value={form.headCount} onChange={(e) => setForm({ ...form, headCount: e.target.value })} /></label>
        <label className="field notes">{t('requests.notes')}<input name="notes" value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} /></label>
        <button type="submit" className="button-primary">{t('requests.record')}</button>
      </form>
      {(requests.value ?? []).length === 0 ? <p className="hint">{t('requests.empty')}</p> : (
        <ul className="request-list">
          {requests.value!.map((request) => {
            const next = STEPS[STEPS.indexOf(request.state) + 1];
            return (
              <li key={request.id} data-state={request.state}>
                <strong>{formatLocalDate(request.visitDate, language)}</strong> · {t('requests.people', { count: request.headCount })}
                {request.notes && <span className="hint"> · {request.notes}</span>}
                <ol className="steps">
                  {STEPS.map((step) => {
                    const at = request[DATE_OF[step]];
                    return (
                      <li key={step} className={at ? 'step-done' : 'step-todo'}>
                        {t(`requests.steps.${step}`)}{at ? ` — ${formatDateTime(at, language)}` : ''}
                      </li>
                    );
                  })}
                </ol>
                {next && (
                  <button type="button" className="button-secondary" onClick={async () => (await attempt('requests.advance', { id: request.id })) && requests.reload()}>
                    {t(`requests.mark.${next}`)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
