// A group larger than a slot's maximum: the planner proposes sub-groups on nearby slots
// (same day first); the user can move a sub-group or change its numbers, sees who loses a
// free ticket, then places them all as one group booking.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupCompositionDto, SlotDto, VenueDto } from '../../../src-main/contract/schemas.std.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { useCurrentDossier } from '../../state/currentDossier.dom.ts';
import { formatDateTime, formatMoney, formatTime } from '../../format/formatters.dom.ts';

interface SubGroup { slotId: string; startsAt: string; composition: GroupCompositionDto }

const FIELDS = ['visitors', 'guides', 'leaders'] as const;
const people = (c: GroupCompositionDto) => c.visitors + c.guides + c.leaders;

function SubGroupRow({ index, subGroup, daySlots, onChange }: { index: number; subGroup: SubGroup; daySlots: SlotDto[]; onChange(next: SubGroup): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const quote = useRemote('booking.quote', { slotId: subGroup.slotId, composition: subGroup.composition });
  const choices = daySlots.some((s) => s.id === subGroup.slotId) ? daySlots : [{ id: subGroup.slotId, startsAt: subGroup.startsAt, remaining: 0 } as SlotDto, ...daySlots];
  return (
    <fieldset className="sub-group" data-testid="sub-group">
      <legend>{t('split.subGroup', { n: index + 1, count: people(subGroup.composition) })}</legend>
      <label>
        {t('split.slot')}
        <select
          value={subGroup.slotId}
          onChange={(e) => {
            const slot = choices.find((s) => s.id === e.target.value)!;
            onChange({ ...subGroup, slotId: slot.id, startsAt: slot.startsAt });
          }}
        >
          {choices.filter((s) => s.id === subGroup.slotId || (s.status === 'open' && s.remaining > 0)).map((s) => (
            <option key={s.id} value={s.id}>
              {s.id === subGroup.slotId && !daySlots.some((d) => d.id === s.id) ? formatDateTime(s.startsAt, language) : formatTime(s.startsAt, language)}
              {s.remaining > 0 ? ` — ${t('calendar.places', { remaining: s.remaining, capacity: s.capacity })}` : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="composition">
        {FIELDS.map((field) => (
          <label key={field}>
            {t(`booking.${field}`)}
            <input
              type="number"
              min={0}
              value={subGroup.composition[field]}
              onChange={(e) => onChange({ ...subGroup, composition: { ...subGroup.composition, [field]: Number(e.target.value || 0) } })}
            />
          </label>
        ))}
      </div>
      {quote.error && <ErrorNotice error={quote.error} />}
      {quote.value && (
        <ul className="ticket-notes">
          <li>{formatMoney(quote.value.totalCents, language)}</li>
          {quote.value.breakdown.paidLeaders > 0 && <li className="warning">{t('split.leaderPays', { count: quote.value.breakdown.paidLeaders })}</li>}
          {people(subGroup.composition) > quote.value.remaining && <li className="warning">{t('split.tooMany', { remaining: quote.value.remaining })}</li>}
          {quote.value.violations.map((v) => <li key={v.code} className="warning">{t(`errors.violations.${v.code}`, v)}</li>)}
        </ul>
      )}
    </fieldset>
  );
}

export function SplitPlanner({ venue, date, startsAt, composition, daySlots, specialVisit, onPlaced }: {
  venue: VenueDto;
  startsAt: string;
  date: string;
  composition: GroupCompositionDto;
  daySlots: SlotDto[];
  specialVisit: boolean;
  onPlaced(): void;
}) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const plan = useRemote('booking.planSplit', { venueId: venue.id, date, startsAt, composition });
  const [subGroups, setSubGroups] = useState<SubGroup[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (plan.value?.ok) setSubGroups(plan.value.subGroups.map(({ slotId, startsAt, composition: c }) => ({ slotId, startsAt, composition: c })));
  }, [plan.value]);

  if (plan.error) return <ErrorNotice error={plan.error} />;
  if (plan.value && !plan.value.ok) return <p className="notice notice-error" role="alert">{t('split.notEnough', { missing: plan.value.missing })}</p>;
  const total = subGroups.reduce((sum, g) => sum + people(g.composition), 0);
  return (
    <section className="split-planner" aria-label={t('split.title')}>
      <h3>{t('split.title')}</h3>
      <p className="hint">{t('split.explain', { max: venue.rules.maxPerSlot, count: subGroups.length })}</p>
      {subGroups.map((g, i) => (
        <SubGroupRow key={i} index={i} subGroup={g} daySlots={daySlots} onChange={(next) => setSubGroups(subGroups.map((x, j) => (j === i ? next : x)))} />
      ))}
      {total !== people(composition) && <p className="notice notice-warning">{t('split.totalDiffers', { total, wanted: people(composition) })}</p>}
      <button
        type="button"
        className="button-primary"
        disabled={busy || subGroups.length === 0}
        onClick={async () => {
          setBusy(true);
          const placed = await attempt('options.placeGroup', {
            subGroups: subGroups.map(({ slotId, composition: c }) => ({ slotId, composition: c })), specialVisit, dossierId: useCurrentDossier.getState().dossierId,
          });
          setBusy(false);
          if (placed) {
            say('split.placed', { count: placed.length, venue: venue.name });
            onPlaced();
          }
        }}
      >
        {t('split.placeAll', { count: subGroups.length })}
      </button>
    </section>
  );
}
