// The office's client groups: the unit a booking agent works in. The list says which group
// travels next and how many things each still needs; a dossier opens as its itinerary.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.dom.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { foldText } from '../../../src-main/contract/searchSchemas.std.ts';
import { formatDateTime, formatLocalDate } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';
import { DossierDetail } from './DossierDetail.dom.tsx';
import { DossierForm, draftOf, EMPTY_DOSSIER, type DossierDraft } from './DossierForm.dom.tsx';

function OpenDossier({ id, onEdit }: { id: string; onEdit(draft: DossierDraft): void }) {
  const detail = useRemote('dossiers.get', { id });
  const reload = detail.reload;
  useEvent('dossiers.changed', useCallback(() => reload(), [reload]));
  useEvent('orders.changed', useCallback(() => reload(), [reload]));
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={reload} />;
  if (!detail.value) return null;
  return <DossierDetail detail={detail.value} onEdit={() => onEdit(draftOf(detail.value!.dossier))} />;
}

export function DossiersScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const params = useApp((s) => s.route.params);
  const setParams = useApp((s) => s.setParams);
  const list = useRemote('dossiers.list', {});
  const reload = list.reload;
  useEvent('dossiers.changed', useCallback(() => reload(), [reload]));
  const [editing, setEditing] = useState<DossierDraft | null>(null);
  const search = params.q ?? '';
  const needle = foldText(search.trim());
  const rows = (list.value ?? []).filter((d) => !needle || [d.name, d.clientReference ?? '', d.contactName ?? '', d.contactEmail ?? ''].some((v) => foldText(v).includes(needle)));
  const open = (id: string) => setParams({ ...params, id });
  return (
    <div className="screen dossiers-screen">
      <h1>{t('dossiers.title')}</h1>
      <div className="toolbar">
        <button type="button" className="button-primary" onClick={() => setEditing(EMPTY_DOSSIER)}>{t('dossiers.create')}</button>
        <label className="filter">{t('dossiers.search')}<input type="search" name="search" value={search} onChange={(e) => setParams({ ...params, q: e.target.value })} /></label>
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={reload} />}
      <div className={params.id ? 'dossiers-split' : undefined}>
        <DataTable
          label={t('dossiers.title')}
          rows={rows}
          empty={t(search ? 'dossiers.noneFound' : 'dossiers.empty')}
          rowProps={(d) => ({ 'data-dossier-id': d.id, ...(d.id === params.id ? { 'aria-current': 'true' } : {}) })}
          columns={[
            { key: 'name', header: t('dossiers.fields.name'), cell: (d) => <button type="button" className="link-button" onClick={() => open(d.id)}>{d.name}</button> },
            { key: 'reference', header: t('dossiers.fields.clientReference'), cell: (d) => d.clientReference ?? '—' },
            { key: 'travel', header: t('dossiers.columns.travel'), cell: (d) => (d.travelFrom ? formatLocalDate(d.travelFrom, language, 'short') : '—') },
            { key: 'next', header: t('dossiers.columns.next'), cell: (d) => (d.nextVisitAt ? formatDateTime(d.nextVisitAt, language) : '—') },
            { key: 'visits', header: t('dossiers.columns.visits'), numeric: true, cell: (d) => d.visits },
            {
              key: 'missing', header: t('dossiers.columns.missing'),
              cell: (d) => (d.missingCount > 0 ? <span className="badge badge-warning">{t('dossiers.missingCount', { count: d.missingCount })}</span> : '—'),
            },
          ]}
        />
        {params.id && <OpenDossier key={params.id} id={params.id} onEdit={setEditing} />}
      </div>
      {editing && (
        <DossierForm
          key={editing.id ?? 'new'}
          draft={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            reload();
            open(saved.id);
          }}
        />
      )}
    </div>
  );
}
