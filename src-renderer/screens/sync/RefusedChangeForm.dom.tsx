// Corrects a change the central service refused, in a side panel: the fields of what was sent,
// filled with the refused values (control characters taken out), so nothing typed is lost.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dropControlCharacters, type RefusedChangeDto } from '../../../src-main/contract/schemas.std.ts';
import { describeRefusedChange } from '../../format/refusedChange.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';

interface FormField {
  key: string;
  label: string;
  type: 'text' | 'email' | 'tel' | 'date' | 'number' | 'notes' | 'kind';
  /** Left empty, it is sent as null (no e-mail, no phone). */
  optional?: boolean;
}

const NAME_FIELDS: FormField[] = [
  { key: 'surname', label: 'companions.columns.surname', type: 'text' },
  { key: 'firstName', label: 'companions.columns.firstName', type: 'text' },
];

/** The changes an agent can correct, and what of them. */
export const REFUSED_CHANGE_FORMS: Partial<Record<string, FormField[]>> = {
  'companion.save': [
    { key: 'kind', label: 'companions.columns.kind', type: 'kind' },
    ...NAME_FIELDS,
    { key: 'email', label: 'companions.columns.email', type: 'email', optional: true },
    { key: 'phone', label: 'companions.columns.phone', type: 'tel', optional: true },
  ],
  'contact.save': [...NAME_FIELDS, { key: 'email', label: 'companions.columns.email', type: 'email' }],
  'venueRequest.save': [
    { key: 'visitDate', label: 'requests.visitDate', type: 'date' },
    { key: 'headCount', label: 'requests.headCount', type: 'number' },
    { key: 'notes', label: 'requests.notes', type: 'notes' },
  ],
};

const shown = (value: unknown): string => (typeof value === 'string' ? dropControlCharacters(value) : value === null || value === undefined ? '' : String(value));

function corrected(fields: FormField[], form: Record<string, string>): Record<string, string | number | null> {
  return Object.fromEntries(fields.map(({ key, type, optional }) => {
    const value = type === 'date' || type === 'number' || type === 'kind' ? form[key]! : form[key]!.trim();
    if (optional && value === '') return [key, null];
    return [key, type === 'number' && /^\d+$/.test(value) ? Number(value) : value];
  }));
}

export function RefusedChangeForm({ change, onClose }: { change: RefusedChangeDto; onClose(): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const say = useNotices((s) => s.say);
  const fields = REFUSED_CHANGE_FORMS[change.change] ?? [];
  const [form, setForm] = useState(() => Object.fromEntries(fields.map(({ key }) => [key, shown(change.args[key])])));
  const cleaned = fields.some(({ key }) => typeof change.args[key] === 'string' && shown(change.args[key]) !== change.args[key]);
  const refusedPaths = new Set(change.fields.map((f) => f.path));
  const { what, reason } = describeRefusedChange(change, t, language);
  const set = (key: string) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await attempt('sync.resendRefused', { mutationId: change.mutationId, corrections: corrected(fields, form) })) {
      say('sync.refusals.resent');
      onClose();
    }
  };

  const input = ({ key, type }: FormField) => {
    const common = { name: key, value: form[key] ?? '', onChange: set(key), 'aria-invalid': refusedPaths.has(key) || undefined };
    switch (type) {
      case 'kind':
        return (
          <select {...common}>
            <option value="guide">{t('companions.kind.guide')}</option>
            <option value="leader">{t('companions.kind.leader')}</option>
          </select>
        );
      case 'notes':
        return <textarea {...common} rows={4} />;
      case 'number':
        return <input {...common} type="text" inputMode="numeric" />;
      case 'email':
        return <input {...common} type="text" inputMode="email" />;
      default:
        return <input {...common} type={type} />;
    }
  };

  return (
    <aside className="side-panel" aria-label={t('sync.refusals.editTitle')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header>
        <h2>{t('sync.refusals.editTitle')}</h2>
        <button type="button" className="button-secondary" onClick={onClose}>{t('booking.close')}</button>
      </header>
      <p className="notice notice-error">{what} — {reason}</p>
      {cleaned && <p className="hint" data-testid="refused-cleaned">{t('sync.refusals.cleaned')}</p>}
      <form className="form" onSubmit={submit}>
        {fields.map((field) => (
          <label key={field.key} className="field">
            {t(field.label)}
            {input(field)}
          </label>
        ))}
        <button type="submit" className="button-primary">{t('sync.refusals.send')}</button>
      </form>
    </aside>
  );
}
