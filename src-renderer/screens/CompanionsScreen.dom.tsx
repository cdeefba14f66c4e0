// Customer > Create/Manage a companion: the office's guides and accompanying leaders,
// shared by every workstation of the office. Forms open in a side panel; a refused
// form keeps what was typed.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanionRowDto } from '../../src-main/contract/schemas.std.ts';
import { ListView } from '../components/list/ListView.dom.tsx';
import { useApp } from '../state/appStore.dom.ts';
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

/** The confirmation that opens under the row: who leaves the registry, and whose bookings name them. */
function DeleteConfirm({ companion, onDone }: { companion: CompanionRowDto; onDone(): void }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const name = `${companion.firstName} ${companion.surname}`;
  return (
    <span className="confirm" role="group" aria-label={t('companions.delete')}>
      <span>{companion.futureBookings > 0 ? t('companions.confirmDeleteInUse', { name, count: companion.futureBookings }) : t('companions.confirmDelete', { name })}</span>
      <button
        type="button"
        className="button-danger"
        onClick={async () => {
          if (await attempt('companions.delete', { id: companion.id, confirmInUse: companion.futureBookings > 0 })) say(t('companions.deleted', { name }));
          onDone();
        }}
      >
        {t('companions.delete')}
      </button>
      <button type="button" className="button-secondary" autoFocus onClick={onDone}>{t('common.keep')}</button>
    </span>
  );
}

const draftOf = (c: CompanionRowDto): Draft => ({ ...c, email: c.email ?? '', phone: c.phone ?? '' });

export function CompanionsScreen() {
  const { t } = useTranslation();
  const list = useRemote('companions.list', {});
  const reload = list.reload;
  useEvent('companions.changed', useCallback(() => reload(), [reload]));
  const params = useApp((s) => s.route.params);
  const setParams = useApp((s) => s.setParams);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  // A jump from the palette opens the companion's form once the registry is read, once per companion asked for.
  const asked = params.companion ? list.value?.find((c) => c.id === params.companion) : undefined;
  useEffect(() => {
    if (asked) setEditing(draftOf(asked));
  }, [asked?.id]);
  const close = () => {
    setEditing(null);
    if (params.companion) setParams({ companion: '' });
    reload();
  };
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
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={reload} />}
      <ListView
        listId="companions"
        label={t('companions.title')}
        rows={list.value}
        empty={t('companions.empty')}
        searchLabel={t('companions.search')}
        focusId={params.companion}
        describe={(c) => `${c.firstName} ${c.surname}`}
        rowProps={(c) => ({ 'data-companion-id': c.id })}
        columns={[
          { key: 'surname', header: t('companions.columns.surname'), cell: (c) => c.surname, sortBy: (c) => c.surname, searchText: (c) => c.surname },
          { key: 'firstName', header: t('companions.columns.firstName'), cell: (c) => c.firstName, sortBy: (c) => c.firstName, searchText: (c) => c.firstName },
          {
            key: 'kind', header: t('companions.columns.kind'), cell: (c) => t(`companions.kind.${c.kind}`), sortBy: (c) => c.kind,
            filterBy: (c) => ({ value: c.kind, label: t(`companions.kind.${c.kind}`) }),
          },
          { key: 'email', header: t('companions.columns.email'), cell: (c) => c.email ?? '—', sortBy: (c) => c.email, searchText: (c) => c.email },
          { key: 'phone', header: t('companions.columns.phone'), cell: (c) => c.phone ?? '—', searchText: (c) => c.phone },
          { key: 'sync', header: t('companions.columns.sync'), cell: (c) => (c.pending ? <span className="badge badge-pending">{t('states.pending')}</span> : null) },
        ]}
        rowActions={(c) => [
          { key: 'edit', label: t('companions.editShort'), onSelect: () => setEditing(draftOf(c)) },
          { key: 'delete', label: t('companions.delete'), danger: true, onSelect: () => setDeleting(c.id) },
        ]}
        rowPanel={(c) => (deleting === c.id ? <DeleteConfirm companion={c} onDone={() => { setDeleting(null); reload(); }} /> : null)}
      />
      {editing && <CompanionForm key={editing.id ?? 'new'} draft={editing} onClose={close} />}
    </div>
  );
}
