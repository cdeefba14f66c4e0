// Customer > Create/Manage a companion: the office's guides and accompanying leaders,
// shared by every workstation of the office. Forms open in a side panel; a refused
// form keeps what was typed.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanionRowDto } from '../../src-main/contract/schemas.std.ts';
import { DataTable } from '../components/DataTable.dom.tsx';
import { ErrorNotice } from '../components/ErrorNotice.dom.tsx';
import { attempt } from '../state/attempt.dom.ts';
import { bridge } from '../transport/bridge.dom.ts';
import { errorMessage, fieldProblem } from '../i18n/errorMessage.dom.ts';
import type { RpcError } from '../../src-main/contract/errors.std.ts';
import { useNotices } from '../state/notices.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';
import { useEvent } from '../state/useEvent.dom.ts';

type Draft = { id?: string; kind: 'guide' | 'leader'; surname: string; firstName: string; email: string; phone: string; placeholder: boolean };
const EMPTY: Draft = { kind: 'leader', surname: '', firstName: '', email: '', phone: '', placeholder: false };
const TYPED = ['surname', 'firstName', 'email', 'phone'] as const;
type Typed = (typeof TYPED)[number];
const REQUIRED: Record<Typed, boolean> = { surname: true, firstName: true, email: false, phone: false };

/** A refusal said next to the fields it is about; what concerns no field is said at the top of the form. */
function errorsOf(error: RpcError, t: Parameters<typeof fieldProblem>[1]): { fields: Partial<Record<Typed, string>>; form: string | null } {
  const fields: Partial<Record<Typed, string>> = {};
  for (const field of error.details?.fields ?? []) {
    const key = TYPED.find((k) => k === field.path);
    if (key) fields[key] ??= fieldProblem(field, t);
  }
  return { fields, form: Object.keys(fields).length > 0 ? null : errorMessage(error, t) };
}

function CompanionForm({ draft, onClose }: { draft: Draft; onClose(): void }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const [form, setForm] = useState(draft);
  const [errors, setErrors] = useState<{ fields: Partial<Record<Typed, string>>; form: string | null }>({ fields: {}, form: null });
  // A field's error goes as soon as the agent changes what it was about.
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => {
    setForm({ ...form, [key]: e.target.value });
    if (key in errors.fields) setErrors({ ...errors, fields: Object.fromEntries(Object.entries(errors.fields).filter(([k]) => k !== key)) });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await bridge.invoke('companions.save', {
      ...(form.id ? { id: form.id } : {}),
      kind: form.kind,
      surname: form.surname,
      firstName: form.firstName,
      email: form.email.trim() === '' ? null : form.email.trim(),
      phone: form.phone.trim() === '' ? null : form.phone.trim(),
      placeholder: form.placeholder,
    });
    if (!result.ok) {
      setErrors(errorsOf(result.error, t));
      return;
    }
    setErrors({ fields: {}, form: null });
    say(t('companions.saved', { name: `${result.value.firstName} ${result.value.surname}` }));
    onClose();
  };
  const input = (key: Typed, extra: { type?: string; inputMode?: 'email'; autoFocus?: boolean } = {}) => (
    // The error is outside the label, so the field's name stays "Surname *" while it shows.
    <div className="field">
      <label htmlFor={`companion-${key}`}>{t(`companions.columns.${key}`)}{REQUIRED[key] ? ' *' : ''}</label>
      <input
        id={`companion-${key}`}
        name={key}
        value={form[key]}
        onChange={set(key)}
        aria-invalid={errors.fields[key] ? true : undefined}
        aria-describedby={errors.fields[key] ? `companion-${key}-error` : undefined}
        {...extra}
      />
      {errors.fields[key] && <span className="field-error" id={`companion-${key}-error`}>{errors.fields[key]}</span>}
    </div>
  );
  return (
    <aside className="side-panel" aria-label={t(form.id ? 'companions.edit' : 'companions.add')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header>
        <h2>{t(form.id ? 'companions.edit' : 'companions.add')}</h2>
        <button type="button" className="button-secondary" onClick={onClose}>{t('booking.close')}</button>
      </header>
      <form className="form" onSubmit={submit} noValidate>
        {errors.form && <p className="notice notice-error" role="alert">{errors.form}</p>}
        <label className="field">{t('companions.columns.kind')}
          <select name="kind" value={form.kind} onChange={set('kind')}>
            <option value="guide">{t('companions.kind.guide')}</option>
            <option value="leader">{t('companions.kind.leader')}</option>
          </select>
        </label>
        {input('surname', { autoFocus: true })}
        {input('firstName')}
        {input('email', { type: 'text', inputMode: 'email' })}
        {input('phone', { type: 'tel' })}
        <button type="submit" className="button-primary">{t('account.save')}</button>
      </form>
    </aside>
  );
}

function DeleteAction({ companion, onDone }: { companion: CompanionRowDto; onDone(): void }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const [asking, setAsking] = useState(false);
  const name = `${companion.firstName} ${companion.surname}`;
  if (!asking) return <button type="button" className="button-secondary" onClick={() => setAsking(true)}>{t('companions.delete')}</button>;
  return (
    <span className="confirm" role="group">
      <span>{companion.futureBookings > 0 ? t('companions.confirmDeleteInUse', { name, count: companion.futureBookings }) : t('companions.confirmDelete', { name })}</span>
      <button
        type="button"
        className="button-danger"
        onClick={async () => {
          if (await attempt('companions.delete', { id: companion.id, confirmInUse: companion.futureBookings > 0 })) {
            say(t('companions.deleted', { name }));
            onDone();
          }
        }}
      >
        {t('companions.delete')}
      </button>
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>{t('common.keep')}</button>
    </span>
  );
}

export function CompanionsScreen() {
  const { t } = useTranslation();
  const list = useRemote('companions.list', {});
  const reload = list.reload;
  useEvent('companions.changed', useCallback(() => reload(), [reload]));
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Draft | null>(null);
  const needle = search.trim().toLowerCase();
  const rows = (list.value ?? []).filter((c) => !needle || [c.surname, c.firstName, c.email ?? '', c.phone ?? ''].some((v) => v.toLowerCase().includes(needle)));
  return (
    <div className="screen">
      <h1>{t('companions.title')}</h1>
      <div className="toolbar">
        <button type="button" className="button-primary" onClick={() => setEditing(EMPTY)}>{t('companions.add')}</button>
        <button type="button" className="button-secondary" onClick={() => setEditing({ ...EMPTY, kind: 'guide', surname: t('companions.standardGuide.surname'), firstName: t('companions.standardGuide.firstName'), placeholder: true })}>
          {t('companions.standardGuide.label')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setEditing({ ...EMPTY, kind: 'leader', surname: t('companions.standardLeader.surname'), firstName: t('companions.standardLeader.firstName'), placeholder: true })}>
          {t('companions.standardLeader.label')}
        </button>
        <label className="filter">{t('companions.search')}<input type="search" name="search" value={search} onChange={(e) => setSearch(e.target.value)} /></label>
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={reload} />}
      <DataTable
        label={t('companions.title')}
        rows={rows}
        empty={t('companions.empty')}
        rowProps={(c) => ({ 'data-companion-id': c.id })}
        columns={[
          { key: 'surname', header: t('companions.columns.surname'), cell: (c) => c.surname },
          { key: 'firstName', header: t('companions.columns.firstName'), cell: (c) => c.firstName },
          { key: 'kind', header: t('companions.columns.kind'), cell: (c) => t(`companions.kind.${c.kind}`) },
          { key: 'email', header: t('companions.columns.email'), cell: (c) => c.email ?? '—' },
          { key: 'phone', header: t('companions.columns.phone'), cell: (c) => c.phone ?? '—' },
          { key: 'sync', header: t('companions.columns.sync'), cell: (c) => (c.pending ? <span className="badge badge-pending">{t('states.pending')}</span> : null) },
          {
            key: 'actions',
            header: t('options.columns.actions'),
            cell: (c) => (
              <span className="row-actions-inline">
                <button type="button" className="button-secondary" onClick={() => setEditing({ ...c, email: c.email ?? '', phone: c.phone ?? '' })}>{t('companions.editShort')}</button>
                <DeleteAction companion={c} onDone={reload} />
              </span>
            ),
          },
        ]}
      />
      {editing && <CompanionForm key={editing.id ?? 'new'} draft={editing} onClose={() => { setEditing(null); reload(); }} />}
    </div>
  );
}
