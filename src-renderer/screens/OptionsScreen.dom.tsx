// The office's options with their state, expiry, and what to do next: cancel (the
// platform's "X"), or — for an option the central service refused — place it again on
// one of the slots that can take the group.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionRowDto } from '../../src-main/contract/schemas.std.ts';
import { ListView } from '../components/list/ListView.dom.tsx';
import { ErrorNotice } from '../components/ErrorNotice.dom.tsx';
import { StateBadge } from '../components/StateBadge.dom.tsx';
import { useApp } from '../state/appStore.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';
import { useEvent } from '../state/useEvent.dom.ts';
import { attempt } from '../state/attempt.dom.ts';
import { useNotices } from '../state/notices.dom.ts';
import { formatDateTime, formatMoney } from '../format/formatters.dom.ts';
import { isExpiringSoon, timeLeft } from '../format/countdown.dom.ts';
import { useServerNow } from '../state/useServerNow.dom.ts';

function RejectionDetails({ option, onDone }: { option: OptionRowDto; onDone(): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const say = useNotices((s) => s.say);
  const rejection = option.rejection!;
  return (
    <div className="rejection">
      <p className="notice notice-error">{t('options.rejected', { reason: t(`options.reasons.${rejection.code}`, { defaultValue: rejection.message }) })}</p>
      {rejection.alternatives.length > 0 ? (
        <>
          <p>{t('options.alternatives')}</p>
          <div className="alternatives">
            {rejection.alternatives.map((alt) => (
              <button
                key={alt.slotId}
                type="button"
                className="button-secondary"
                onClick={async () => {
                  if (await attempt('options.replace', { optionId: option.id, slotId: alt.slotId })) {
                    say('options.replaced', { date: { dateTime: alt.startsAt } });
                    onDone();
                  }
                }}
              >
                {t('options.replace', { date: formatDateTime(alt.startsAt, language), remaining: alt.remaining })}
              </button>
            ))}
          </div>
        </>
      ) : (
        rejection.code === 'SLOT_FULL' && <p className="hint">{t('options.noAlternative')}</p>
      )}
      <button type="button" className="button-secondary" onClick={async () => (await attempt('options.dismiss', { optionId: option.id })) && onDone()}>
        {t('options.dismiss')}
      </button>
    </div>
  );
}

/** The confirmation that opens under the row: what cancelling releases, and the choice. */
function CancelConfirm({ option, onDone }: { option: OptionRowDto; onDone(): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const say = useNotices((s) => s.say);
  const facts = { count: option.headCount, venue: option.venueName, date: formatDateTime(option.startsAt, language) };
  return (
    <div className="confirm" role="group" aria-label={t('options.cancel')}>
      <span>{t('options.confirmCancel', facts)}</span>
      <button
        type="button"
        className="button-danger"
        onClick={async () => {
          if (await attempt('options.cancel', { optionId: option.id })) say('options.cancelled', { ...facts, date: { dateTime: option.startsAt } });
          onDone();
        }}
      >
        {t('options.cancel')}
      </button>
      <button type="button" className="button-secondary" autoFocus onClick={onDone}>{t('common.keep')}</button>
    </div>
  );
}

function ResizeForm({ option, onDone }: { option: OptionRowDto; onDone(): void }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const [draft, setDraft] = useState(option.composition);
  const count = draft.visitors + draft.guides + draft.leaders;
  return (
    <form
      className="resize-editor"
      aria-label={t('options.changePeople')}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await attempt('options.resize', { optionId: option.id, composition: draft })) {
          say('options.resized', { count });
          onDone();
        }
      }}
    >
      {(['visitors', 'guides', 'leaders'] as const).map((field, index) => (
        <label key={field} className="field">
          {t(`booking.${field}`)}
          <input type="number" min={0} name={field} autoFocus={index === 0} value={draft[field]} onChange={(e) => setDraft({ ...draft, [field]: Number(e.target.value || 0) })} />
        </label>
      ))}
      <button type="submit" className="button-primary">{t('options.apply')}</button>
      <button type="button" className="button-secondary" onClick={onDone}>{t('common.keep')}</button>
    </form>
  );
}

/** What a held option is waiting for, said in its state cell. */
function PendingNote({ option }: { option: OptionRowDto }) {
  const { t } = useTranslation();
  const people = option.pendingComposition ? option.pendingComposition.visitors + option.pendingComposition.guides + option.pendingComposition.leaders : 0;
  return (
    <>
      {option.pendingChange === 'resize' && <span className="hint state-note">{t('options.resizePending', { count: people })}</span>}
      {option.pendingChange === 'cancel' && <span className="hint state-note">{t('options.cancelPending')}</span>}
      {option.rejection?.change === 'resize' && (
        <span className="notice notice-error state-note">
          {t('options.resizeRefused', { reason: t(`options.reasons.${option.rejection.code}`, { defaultValue: option.rejection.message }), count: option.headCount })}
        </span>
      )}
    </>
  );
}

/** Cancels many held options after one confirmation in the action bar. */
function CancelMany({ chosen, onDone }: { chosen: OptionRowDto[]; onDone(): void }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const [asking, setAsking] = useState(false);
  if (!asking) return <button type="button" className="button-secondary" onClick={() => setAsking(true)}>{t('options.cancelMany', { count: chosen.length })}</button>;
  return (
    <span className="confirm" role="group">
      <span>{t('options.confirmCancelMany', { count: chosen.length })}</span>
      <button
        type="button"
        className="button-danger"
        onClick={async () => {
          let cancelled = 0;
          for (const option of chosen) if (await attempt('options.cancel', { optionId: option.id })) cancelled += 1;
          if (cancelled > 0) say('options.cancelledMany', { count: cancelled });
          setAsking(false);
          onDone();
        }}
      >
        {t('options.cancelMany', { count: chosen.length })}
      </button>
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>{t('common.keep')}</button>
    </span>
  );
}

/** Moves an option (with its split group's other sub-groups) to another client group, or out of any. */
function MoveToDossier({ option, onDone }: { option: OptionRowDto; onDone(): void }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const dossiers = useRemote('dossiers.list', {});
  const [chosen, setChosen] = useState(option.dossierId ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const moved = await attempt('options.moveToDossier', { optionId: option.id, dossierId: chosen || null });
    if (!moved) return;
    const name = dossiers.value?.find((d) => d.id === chosen)?.name;
    if (name) say('dossiers.moved', { name });
    else say('dossiers.movedOut');
    onDone();
  };
  return (
    <form className="inline-form move-dossier" onSubmit={submit}>
      <label className="field">{t('dossiers.move')}
        <select name="dossier" value={chosen} autoFocus onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('dossiers.none')}</option>
          {(dossiers.value ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </label>
      <button type="submit" className="button-primary">{t('options.apply')}</button>
      <button type="button" className="button-secondary" onClick={onDone}>{t('common.keep')}</button>
    </form>
  );
}

const localDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(iso));

const isHeld = (o: OptionRowDto) => o.state === 'active' && o.pendingChange === null;

export function OptionsScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const focusId = useApp((s) => s.route.params.option);
  const list = useRemote('options.list', {});
  const settings = useRemote('settings.get', {});
  const serverNow = useServerNow();
  const reload = list.reload;
  useEvent('options.changed', useCallback(() => reload(), [reload]));
  const navigate = useApp((s) => s.navigate);
  const say = useNotices((s) => s.say);
  const [acting, setActing] = useState<{ id: string; what: 'resize' | 'cancel' | 'move' } | null>(null);
  const done = () => {
    setActing(null);
    reload();
  };
  return (
    <div className="screen">
      <h1>{t('options.title')}</h1>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <ListView
        listId="options"
        label={t('options.title')}
        rows={list.value}
        empty={t('options.empty')}
        focusId={focusId}
        describe={(o) => `${o.venueName} ${formatDateTime(o.startsAt, language)}`}
        selectLabel={(o) => `${t('cart.select')} ${o.venueName}`}
        rowProps={(o) => ({ 'data-option-id': o.id, 'data-state': o.state })}
        selectable={(o) => o.state === 'active'}
        columns={[
          {
            key: 'dossier', header: t('dossiers.column'), cell: (o) => o.dossierName ?? '—', sortBy: (o) => o.dossierName, searchText: (o) => o.dossierName ?? '',
            filterBy: (o) => (o.dossierId ? { value: o.dossierId, label: o.dossierName ?? o.dossierId } : null), filterAny: t('dossiers.all'),
          },
          {
            key: 'venue', header: t('options.columns.venue'), cell: (o) => o.venueName, sortBy: (o) => o.venueName, searchText: (o) => o.venueName,
            filterBy: (o) => ({ value: o.venueId, label: o.venueName }), filterAny: t('tickets.anyVenue'),
          },
          { key: 'slot', header: t('options.columns.slot'), cell: (o) => formatDateTime(o.startsAt, language), sortBy: (o) => o.startsAt, searchText: (o) => formatDateTime(o.startsAt, language) },
          { key: 'people', header: t('options.columns.people'), cell: (o) => o.headCount, numeric: true, sortBy: (o) => o.headCount },
          { key: 'amount', header: t('options.columns.amount'), cell: (o) => formatMoney(o.totalCents, language), numeric: true, sortBy: (o) => o.totalCents },
          {
            key: 'state', header: t('options.columns.state'), sortBy: (o) => t(`states.${o.state}`),
            filterBy: (o) => ({ value: o.state, label: t(`states.${o.state}`) }), filterAny: t('tickets.anyState'),
            cell: (o) => (
              <>
                <StateBadge state={o.state} />
                <PendingNote option={o} />
                {o.state === 'rejected' && <RejectionDetails option={o} onDone={reload} />}
              </>
            ),
          },
          {
            key: 'expires',
            header: t('options.columns.expires'),
            sortBy: (o) => o.expiresAt,
            cell: (o) => (o.expiresAt ? (
              <>
                {formatDateTime(o.expiresAt, language)}
                {o.state === 'active' && (
                  <span className={`countdown${isExpiringSoon(o.expiresAt, serverNow, settings.value?.expiringSoonDays ?? 7) ? ' soon' : ''}`}>
                    {t('options.expiresIn', { left: timeLeft(o.expiresAt, serverNow, language) })}
                  </span>
                )}
              </>
            ) : '—'),
          },
        ]}
        rowActions={(o) => [
          ...(isHeld(o) ? [
            { key: 'resize', label: t('options.changePeople'), onSelect: () => setActing({ id: o.id, what: 'resize' }) },
            {
              key: 'add', label: t('options.addPeople'),
              onSelect: () => navigate('calendar', { venue: o.venueId, month: localDay(o.startsAt).slice(0, 7), day: localDay(o.startsAt), slot: o.slotId }),
            },
          ] : []),
          ...(o.state !== 'cancelled' && o.state !== 'expired'
            ? [{ key: 'move', label: t('dossiers.move'), onSelect: () => setActing({ id: o.id, what: 'move' }) }] : []),
          ...((o.state === 'active' || o.state === 'pending') && o.pendingChange !== 'cancel'
            ? [{ key: 'cancel', label: t('options.cancel'), danger: true, onSelect: () => setActing({ id: o.id, what: 'cancel' }) }] : []),
        ]}
        rowPanel={(o) => (acting?.id !== o.id ? null
          : acting.what === 'resize' ? <ResizeForm option={o} onDone={done} />
            : acting.what === 'move' ? <MoveToDossier option={o} onDone={done} /> : <CancelConfirm option={o} onDone={done} />)}
        bulkActions={(chosen, clear) => (
          <>
            <button
              type="button"
              className="button-primary"
              onClick={async () => {
                if (await attempt('cart.add', { optionIds: chosen.map((o) => o.id) })) {
                  say('cart.added', { count: chosen.length });
                  clear();
                  navigate('cart');
                }
              }}
            >
              {t('cart.add', { count: chosen.length })}
            </button>
            <CancelMany chosen={chosen} onDone={() => { clear(); reload(); }} />
          </>
        )}
      />
    </div>
  );
}
