// The people the office sends tickets to, shared by its workstations: found, sorted, and
// reached from the palette. They are created where tickets are assigned (an order).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice.dom.tsx';
import { ListView } from '../components/list/ListView.dom.tsx';
import { useApp } from '../state/appStore.dom.ts';
import { useEvent } from '../state/useEvent.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';

export function ContactsScreen() {
  const { t } = useTranslation();
  const list = useRemote('contacts.list', {});
  const reload = list.reload;
  useEvent('contacts.changed', useCallback(() => reload(), [reload]));
  const focusId = useApp((s) => s.route.params.contact);
  return (
    <div className="screen">
      <h1>{t('contacts.title')}</h1>
      {list.error && <ErrorNotice error={list.error} onRetry={reload} />}
      <ListView
        listId="contacts"
        label={t('contacts.title')}
        rows={list.value}
        empty={t('contacts.empty')}
        focusId={focusId}
        describe={(c) => `${c.firstName} ${c.surname}`}
        rowProps={(c) => ({ 'data-contact-id': c.id })}
        columns={[
          { key: 'surname', header: t('contacts.columns.surname'), cell: (c) => c.surname, sortBy: (c) => c.surname, searchText: (c) => c.surname },
          { key: 'firstName', header: t('contacts.columns.firstName'), cell: (c) => c.firstName, sortBy: (c) => c.firstName, searchText: (c) => c.firstName },
          { key: 'email', header: t('contacts.columns.email'), cell: (c) => c.email, sortBy: (c) => c.email, searchText: (c) => c.email },
          { key: 'sync', header: t('contacts.columns.sync'), cell: (c) => (c.pending ? <span className="badge badge-pending">{t('states.pending')}</span> : null) },
        ]}
      />
    </div>
  );
}
