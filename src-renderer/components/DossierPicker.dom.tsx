// "For which group?": the dossier an option is placed in, or a new one named on the spot,
// without leaving the booking panel.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierRowDto } from '../../src-main/contract/dossierSchemas.std.ts';
import { attempt } from '../state/attempt.dom.ts';
import { useNotices } from '../state/notices.dom.ts';
import { useCurrentDossier } from '../state/currentDossier.dom.ts';
import { useEvent } from '../state/useEvent.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';

const NEW = '__new__';

export function DossierPicker({ id }: { id: string }) {
  const { t } = useTranslation();
  const list = useRemote('dossiers.list', {});
  const reload = list.reload;
  useEvent('dossiers.changed', useCallback(() => reload(), [reload]));
  const { dossierId, choose } = useCurrentDossier();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  // The one just created is offered before the list is read again.
  const [created, setCreated] = useState<DossierRowDto | null>(null);
  const known = [...(list.value ?? []), ...(created && !list.value?.some((d) => d.id === created.id) ? [created] : [])];
  const gone = list.value !== undefined && dossierId !== null && !known.some((d) => d.id === dossierId);
  // A dossier chosen earlier and since gone from this workstation is no longer the one booked for.
  useEffect(() => {
    if (gone) choose(null);
  }, [gone, choose]);

  const create = async () => {
    const saved = await attempt('dossiers.save', {
      name, clientReference: null, contactName: null, contactEmail: null, contactPhone: null, expectedPeople: null, travelFrom: null, travelTo: null, notes: null,
    });
    if (!saved) return;
    useNotices.getState().say('dossiers.saved', { name: saved.name });
    setCreated(saved);
    choose(saved.id);
    setCreating(false);
    setName('');
    reload();
  };

  return (
    <div className="dossier-picker">
      <label htmlFor={id}>{t('dossiers.picker')}</label>
      <select id={id} name="dossier" value={creating ? NEW : (gone ? '' : dossierId ?? '')}
        onChange={(e) => (e.target.value === NEW ? setCreating(true) : (setCreating(false), choose(e.target.value || null)))}>
        <option value="">{t('dossiers.none')}</option>
        {known.map((d) => <option key={d.id} value={d.id}>{d.clientReference ? `${d.name} · ${d.clientReference}` : d.name}</option>)}
        <option value={NEW}>{t('dossiers.quickCreate')}</option>
      </select>
      {creating && (
        <span className="dossier-quick">
          <input aria-label={t('dossiers.quickName')} name="dossierName" value={name} autoFocus onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void create(); } }} />
          <button type="button" className="button-secondary" disabled={name.trim() === ''} onClick={() => void create()}>{t('dossiers.quickSave')}</button>
        </span>
      )}
    </div>
  );
}
