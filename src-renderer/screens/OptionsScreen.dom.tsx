// The office's options with their state, expiry, and what to do next: cancel (the
// platform's "X"), or — for an option the central service refused — place it again on
// one of the slots that can take the group.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionRowDto } from '../../src-main/contract/schemas.std.ts';
import { DataTable } from '../components/DataTable.dom.tsx';
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

function CancelAction({ option, onDone }: { option: OptionRowDto; onDone(): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const say = useNotices((s) => s.say);
  const [asking, setAsking] = useState(false);
  const facts = { count: option.headCount, venue: option.venueName, date: formatDateTime(option.startsAt, language) };
  if (!asking) {
    return <button type="button" className="button-secondary" aria-label={`${t('options.cancel')} ${option.venueName}`} onClick={() => setAsking(true)}>✕ {t('options.cancel')}</button>;
  }
  return (
    <div className="confirm" role="group">
      <span>{t('options.confirmCancel', facts)}</span>
      <button
        type="button"
        className="button-danger"
        onClick={async () => {
          if (await attempt('options.cancel', { optionId: option.id })) {
            say('options.cancelled', { ...facts, date: { dateTime: option.startsAt } });
            onDone();
          }
          setAsking(false);
        }}
      >
        {t('options.cancel')}
      </button>
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>{t('common.keep')}</button>
    </div>
  );
}

function ResizeAction({ option, onDone }: { option: OptionRowDto; onDone(): void }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(option.composition);
  if (!editing) {
    return <button type="button" className="button-secondary" onClick={() => setEditing(true)}>{t('options.changePeople')}</button>;
  }
  const count = draft.visitors + draft.guides + draft.leaders;
  return (
    <form
      className="resize-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await attempt('options.resize', { optionId: option.id, composition: draft })) {
          say('options.resized', { count });
          setEditing(false);
          onDone();
        }
      }}
    >
      {(['visitors', 'guides', 'leaders'] as const).map((field) => (
        <label key={field} className="field">
          {t(`booking.${field}`)}
          <input type="number" min={0} name={field} value={draft[field]} onChange={(e) => setDraft({ ...draft, [field]: Number(e.target.value || 0) })} />
        </label>
      ))}
      <button type="submit" className="button-primary">{t('options.apply')}</button>
      <button type="button" className="button-secondary" onClick={() => setEditing(false)}>{t('common.keep')}</button>
    </form>
  );
}

function HeldOptionActions({ option, onDone }: { option: OptionRowDto; onDone(): void }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const people = option.pendingComposition ? option.pendingComposition.visitors + option.pendingComposition.guides + option.pendingComposition.leaders : 0;
  return (
    <div className="row-actions">
      {option.pendingChange === 'resize' && <span className="hint">{t('options.resizePending', { count: people })}</span>}
      {option.pendingChange === 'cancel' && <span className="hint">{t('options.cancelPending')}</span>}
      {option.rejection?.change === 'resize' && (
        <span className="notice notice-error">
          {t('options.resizeRefused', { reason: t(`options.reasons.${option.rejection.code}`, { defaultValue: option.rejection.message }), count: option.headCount })}
        </span>
      )}
      {option.state === 'active' && option.pendingChange === null && (
        <>
          <ResizeAction option={option} onDone={onDone} />
          <button
            type="button"
            className="button-secondary"
            onClick={() => navigate('calendar', { venue: option.venueId, month: localDay(option.startsAt).slice(0, 7), day: localDay(option.startsAt), slot: option.slotId })}
          >
            {t('options.addPeople')}
          </button>
        </>
      )}
      {option.pendingChange !== 'cancel' && <CancelAction option={option} onDone={onDone} />}
    </div>
  );
}

const localDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(iso));

export function OptionsScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const list = useRemote('options.list', {});
  const settings = useRemote('settings.get', {});
  const serverNow = useServerNow();
  const reload = list.reload;
  useEvent('options.changed', useCallback(() => reload(), [reload]));
  const navigate = useApp((s) => s.navigate);
  const say = useNotices((s) => s.say);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const held = new Set((list.value ?? []).filter((o) => o.state === 'active').map((o) => o.id));
  const chosen = [...selected].filter((id) => held.has(id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return (
    <div className="screen">
      <h1>{t('options.title')}</h1>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      <DataTable
        label={t('options.title')}
        rows={list.value ?? []}
        empty={t('options.empty')}
        rowProps={(o) => ({ 'data-option-id': o.id, 'data-state': o.state })}
        columns={[
          {
            key: 'select',
            header: t('cart.select'),
            cell: (o) => o.state === 'active' && (
              <input type="checkbox" aria-label={`${t('cart.select')} ${o.venueName}`} checked={selected.has(o.id)} onChange={() => toggle(o.id)} />
            ),
          },
          { key: 'venue', header: t('options.columns.venue'), cell: (o) => o.venueName },
          { key: 'slot', header: t('options.columns.slot'), cell: (o) => formatDateTime(o.startsAt, language) },
          { key: 'people', header: t('options.columns.people'), cell: (o) => o.headCount, numeric: true },
          { key: 'amount', header: t('options.columns.amount'), cell: (o) => formatMoney(o.totalCents, language), numeric: true },
          { key: 'state', header: t('options.columns.state'), cell: (o) => <StateBadge state={o.state} /> },
          {
            key: 'expires',
            header: t('options.columns.expires'),
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
          {
            key: 'actions',
            header: t('options.columns.actions'),
            cell: (o) =>
              o.state === 'rejected' ? <RejectionDetails option={o} onDone={reload} />
                : o.state === 'active' || o.state === 'pending' ? <HeldOptionActions option={o} onDone={reload} />
                  : null,
          },
        ]}
      />
      {chosen.length > 0 && (
        <div className="action-bar" role="toolbar">
          <button
            type="button"
            className="button-primary"
            onClick={async () => {
              if (await attempt('cart.add', { optionIds: chosen })) {
                say('cart.added', { count: chosen.length });
                setSelected(new Set());
                navigate('cart');
              }
            }}
          >
            {t('cart.add', { count: chosen.length })}
          </button>
        </div>
      )}
    </div>
  );
}
