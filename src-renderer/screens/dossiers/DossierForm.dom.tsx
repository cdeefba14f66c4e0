// Creates or edits a client group. Checked with the contract's own schema before sending, so
// a mistake is shown at its field at once; a refusal from the desk is shown there too, and
// nothing typed is lost.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierRowDto } from '../../../src-main/contract/dossierSchemas.std.ts';
import type { InvalidField } from '../../../src-main/contract/errors.std.ts';
import { invalidFields } from '../../../src-main/contract/invalidFields.std.ts';
import { methods } from '../../../src-main/contract/methods.std.ts';
import { fieldProblem } from '../../i18n/errorMessage.dom.ts';
import { bridge } from '../../transport/bridge.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';

const KEYS = ['name', 'clientReference', 'contactName', 'contactEmail', 'contactPhone', 'expectedPeople', 'travelFrom', 'travelTo', 'notes'] as const;
type Key = (typeof KEYS)[number];
export type DossierDraft = Record<Key, string> & { id?: string };

export const EMPTY_DOSSIER: DossierDraft = Object.fromEntries(KEYS.map((k) => [k, ''])) as DossierDraft;

export function draftOf(d: DossierRowDto): DossierDraft {
  return { id: d.id, ...Object.fromEntries(KEYS.map((k) => [k, d[k] === null ? '' : String(d[k])])) } as DossierDraft;
}

/** Empty optional fields are null; the head-count is a number when it reads as one. */
function toInput(form: DossierDraft): Record<string, unknown> {
  const blank = (v: string) => (v.trim() === '' ? null : v.trim());
  const people = form.expectedPeople.trim();
  return {
    ...(form.id ? { id: form.id } : {}),
    name: form.name,
    clientReference: blank(form.clientReference), contactName: blank(form.contactName), contactEmail: blank(form.contactEmail),
    contactPhone: blank(form.contactPhone), expectedPeople: people === '' ? null : Number(people),
    travelFrom: blank(form.travelFrom), travelTo: blank(form.travelTo), notes: blank(form.notes),
  };
}

export function DossierForm({ draft, onSaved, onClose }: { draft: DossierDraft; onSaved(d: DossierRowDto): void; onClose(): void }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const [form, setForm] = useState(draft);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const set = (key: Key) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [key]: e.target.value }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };
  const show = (fields: InvalidField[]) => {
    const said: Partial<Record<Key, string>> = {};
    for (const field of fields) said[field.path as Key] ??= fieldProblem({ ...field, path: `dossier.${field.path}` }, t);
    setErrors(said);
    const first = KEYS.find((k) => said[k]);
    if (first) document.querySelector<HTMLElement>(`form[data-form="dossier"] [name="${first}"]`)?.focus();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = toInput(form);
    const checked = methods['dossiers.save'].input.safeParse(input);
    if (!checked.success) return show(invalidFields(checked.error));
    const result = await bridge.invoke('dossiers.save', checked.data);
    if (!result.ok) {
      const fields = result.error.details?.fields ?? [];
      if (fields.length > 0) return show(fields);
      return useNotices.getState().fail(result.error);
    }
    say('dossiers.saved', { name: result.value.name });
    onSaved(result.value);
  };
  const field = (key: Key, options: { type?: string; required?: boolean; wide?: boolean } = {}) => (
    <div className={`field${options.wide ? ' field-wide' : ''}`}>
      <label htmlFor={`dossier-${key}`}>{t(`dossiers.fields.${key}`)}{options.required ? ' *' : ''}</label>
      {key === 'notes'
        ? <textarea id={`dossier-${key}`} name={key} rows={3} value={form[key]} onChange={set(key)} aria-invalid={errors[key] ? true : undefined} aria-describedby={errors[key] ? `dossier-${key}-error` : undefined} />
        : <input id={`dossier-${key}`} name={key} type={options.type ?? 'text'} value={form[key]} onChange={set(key)} required={options.required}
            aria-invalid={errors[key] ? true : undefined} aria-describedby={errors[key] ? `dossier-${key}-error` : undefined} />}
      {errors[key] && <span className="field-error" id={`dossier-${key}-error`}>{errors[key]}</span>}
    </div>
  );
  const title = t(form.id ? 'dossiers.edit' : 'dossiers.create');
  return (
    <aside className="side-panel" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header>
        <h2>{title}</h2>
        <button type="button" className="button-secondary" onClick={onClose}>{t('booking.close')}</button>
      </header>
      <form className="form" data-form="dossier" onSubmit={submit} noValidate>
        {field('name', { required: true })}
        {field('clientReference')}
        <fieldset>
          <legend>{t('dossiers.contact')}</legend>
          {field('contactName')}
          {field('contactEmail', { type: 'email' })}
          {field('contactPhone', { type: 'tel' })}
        </fieldset>
        {field('expectedPeople', { type: 'number' })}
        <div className="field-row">
          {field('travelFrom', { type: 'date' })}
          {field('travelTo', { type: 'date' })}
        </div>
        {field('notes', { wide: true })}
        <button type="submit" className="button-primary">{t('account.save')}</button>
      </form>
    </aside>
  );
}
