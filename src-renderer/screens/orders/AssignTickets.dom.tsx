// Ticket assignment ("Attribution de billets"): send an order's tickets, all or the ones
// ticked, to a contact — created on the spot if needed — or to the office's own address.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.dom.tsx';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';

const NO_CONTACT = { surname: '', firstName: '', email: '' };

function NewContact({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const [form, setForm] = useState(NO_CONTACT);
  const set = (key: keyof typeof NO_CONTACT) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await attempt('contacts.save', { ...form, email: form.email.trim() });
    if (saved) {
      say('assign.contactSaved', { name: `${saved.firstName} ${saved.surname}`, email: saved.email });
      setForm(NO_CONTACT);
      onSaved();
    }
  };
  return (
    <form className="form new-contact" onSubmit={save} aria-label={t('assign.createContact')}>
      <label className="field">{t('companions.columns.surname')} *<input name="surname" autoFocus value={form.surname} onChange={set('surname')} /></label>
      <label className="field">{t('companions.columns.firstName')} *<input name="firstName" value={form.firstName} onChange={set('firstName')} /></label>
      <label className="field">{t('companions.columns.email')} *<input name="email" inputMode="email" value={form.email} onChange={set('email')} /></label>
      <button type="submit" className="button-primary">{t('account.save')}</button>
    </form>
  );
}

export function AssignTickets({ orderId, selected, total, onAssigned }: { orderId: string; selected: string[]; total: number; onAssigned(): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const say = useNotices((s) => s.say);
  const contacts = useRemote('contacts.list', {});
  const reload = contacts.reload;
  useEvent('contacts.changed', useCallback(() => reload(), [reload]));
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const needle = filter.trim().toLowerCase();
  const rows = (contacts.value ?? []).filter((c) => !needle || [c.surname, c.firstName, c.email].some((v) => v.toLowerCase().includes(needle)));
  const count = selected.length > 0 ? selected.length : total;

  async function assign(to: { kind: 'contact'; contactId: string } | { kind: 'office' }) {
    setBusy(true);
    const done = await attempt('orders.assign', { orderId, ticketIds: selected.length > 0 ? selected : null, to, language });
    setBusy(false);
    if (done) {
      say('assign.sent', { count: done.count, email: done.sentTo });
      onAssigned();
    }
  }

  return (
    <section className="assign-tickets" aria-label={t('assign.title')}>
      <h3>{t('assign.title')}</h3>
      <p className="hint">{t(selected.length > 0 ? 'assign.selected' : 'assign.all', { count })}</p>
      <div className="toolbar">
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void assign({ kind: 'office' })}>{t('assign.toOffice')}</button>
        <button type="button" className="button-secondary" onClick={() => setCreating(!creating)}>{t('assign.createContact')} +</button>
        <label className="filter">{t('assign.filter')}<input type="search" name="contactFilter" value={filter} onChange={(e) => setFilter(e.target.value)} /></label>
      </div>
      {creating && <NewContact onSaved={() => { setCreating(false); reload(); }} />}
      <DataTable
        label={t('assign.contacts')}
        rows={rows}
        empty={t('assign.noContacts')}
        rowProps={(c) => ({ 'data-contact-email': c.email })}
        columns={[
          { key: 'surname', header: t('companions.columns.surname'), cell: (c) => c.surname },
          { key: 'firstName', header: t('companions.columns.firstName'), cell: (c) => c.firstName },
          { key: 'email', header: t('companions.columns.email'), cell: (c) => c.email },
          {
            key: 'assign',
            header: t('assign.assign'),
            cell: (c) => <button type="button" className="button-primary" disabled={busy} onClick={() => void assign({ kind: 'contact', contactId: c.id })}>{t('assign.assign')}</button>,
          },
        ]}
      />
    </section>
  );
}
