// The side panel where a group is composed on a slot and an option placed: price, free
// tickets and expiry are shown before the user commits.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupCompositionDto, SlotDto, VenueDto } from '../../../src-main/contract/schemas.std.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { formatDateTime, formatMoney } from '../../format/formatters.dom.ts';
import { PriceLineRows } from '../../components/PriceLineRows.dom.tsx';
import { SplitPlanner } from './SplitPlanner.dom.tsx';
import { DossierPicker } from '../../components/DossierPicker.dom.tsx';
import { useCurrentDossier } from '../../state/currentDossier.dom.ts';

const FIELDS = ['visitors', 'guides', 'leaders'] as const;
const toCount = (text: string) => (text.trim() === '' ? 0 : Number(text));

export function BookingPanel({ venue, slot, daySlots, date, onClose }: { venue: VenueDto; slot: SlotDto; daySlots: SlotDto[]; date: string; onClose(): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const say = useNotices((s) => s.say);
  const navigate = useApp((s) => s.navigate);
  const [typed, setTyped] = useState<Record<(typeof FIELDS)[number], string>>({ visitors: '', guides: '', leaders: '' });
  const [busy, setBusy] = useState(false);
  const [specialVisit, setSpecialVisit] = useState(false);
  const dossierId = useCurrentDossier((s) => s.dossierId);
  const composition: GroupCompositionDto = { visitors: toCount(typed.visitors), guides: toCount(typed.guides), leaders: toCount(typed.leaders) };
  const quote = useRemote('booking.quote', { slotId: slot.id, composition, specialVisit });
  const tooLarge = venue.rules.maxPerSlot !== null && composition.visitors + composition.guides + composition.leaders > venue.rules.maxPerSlot;
  const q = quote.value;
  const when = formatDateTime(slot.startsAt, language);
  // Says what can be done here: an option, buying at once only, or nothing on a slot that has started.
  const canHold = q ? q.option.possible : venue.rules.holdingDays !== null;
  const title = t(q?.started ? 'booking.titleStarted' : canHold ? 'booking.title' : 'booking.titleBuyNow');
  const unbookable = busy || !q || q.violations.length > 0 || q.headCount === 0 || q.headCount > q.remaining;

  async function buyNow() {
    setBusy(true);
    const cart = await attempt('cart.buyNow', { slotId: slot.id, composition, specialVisit, dossierId });
    setBusy(false);
    if (cart) {
      say('booking.addedToCart', { venue: venue.name, date: { dateTime: slot.startsAt } });
      navigate('cart');
    }
  }

  async function place() {
    setBusy(true);
    const option = await attempt('options.place', { slotId: slot.id, composition, specialVisit, dossierId });
    setBusy(false);
    if (option) {
      say('booking.placed', { venue: venue.name, date: { dateTime: slot.startsAt } });
      onClose();
    }
  }

  return (
    <aside className="side-panel booking-panel" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header>
        <h2>{title}</h2>
        <button type="button" className="button-secondary" onClick={onClose}>{t('booking.close')}</button>
      </header>
      <p className="panel-slot">{t('booking.slot', { venue: venue.name, date: when })}</p>
      {q?.started ? (
        <p className="notice notice-warning" role="status">{t('booking.started')}</p>
      ) : (
        <>
          <DossierPicker id="booking-dossier" />
          <div className="composition">
            {FIELDS.map((field, index) => (
              <label key={field}>
                {t(`booking.${field}`)}
                <input
                  type="number"
                  min={0}
                  inputMode="numeric"
                  autoFocus={index === 0}
                  value={typed[field]}
                  onChange={(e) => setTyped({ ...typed, [field]: e.target.value })}
                  name={field}
                />
              </label>
            ))}
          </div>
          {venue.rules.specialVisits && (
            <label className="checkbox">
              <input type="checkbox" checked={specialVisit} onChange={(e) => setSpecialVisit(e.target.checked)} />
              {t('split.specialVisit')}
            </label>
          )}
          {quote.error && <ErrorNotice error={quote.error} />}
          {tooLarge && !quote.error && (
            <SplitPlanner venue={venue} date={date} startsAt={slot.startsAt} composition={composition} daySlots={daySlots} specialVisit={specialVisit} onPlaced={onClose} />
          )}
          {q && !quote.error && !tooLarge && (
            <>
              <p className="hint">{t('booking.headCount', { count: q.headCount, remaining: q.remaining })}</p>
              <table className="data-table price-lines">
                <tbody>
                  <PriceLineRows lines={q.lines} />
                  <tr><td colSpan={3}>{t('booking.discounts')}</td><td className="numeric">{formatMoney(q.discountCents, language)}</td></tr>
                  <tr className="total"><td colSpan={3}>{t('booking.total')}</td><td className="numeric" data-testid="total">{formatMoney(q.totalCents, language)}</td></tr>
                </tbody>
              </table>
              <ul className="ticket-notes">
                {q.breakdown.freeGuides > 0 && <li>{t('booking.freeGuides', { count: q.breakdown.freeGuides })}</li>}
                {q.breakdown.freeLeaders > 0 && <li>{t('booking.freeLeaders', { count: q.breakdown.freeLeaders })}</li>}
                {q.breakdown.paidLeaders > 0 && <li>{t('booking.paidLeaders', { count: q.breakdown.paidLeaders })}</li>}
              </ul>
              {q.violations.length > 0 && q.headCount > 0 && (
                <ul className="notice notice-error violations" role="alert">
                  {q.violations.map((v) => <li key={v.code}>{t(`errors.violations.${v.code}`, v)}</li>)}
                </ul>
              )}
              {!q.option.possible && <p className="notice">{t(`booking.noOption.${q.option.reason}`)}</p>}
              <div className="booking-actions">
                {q.option.possible && (
                  <button type="button" className="button-primary" disabled={unbookable} onClick={() => void place()}>
                    {t('booking.place', { date: formatDateTime(q.option.expiresAt, language) })}
                  </button>
                )}
                <button type="button" className={q.option.possible ? 'button-secondary' : 'button-primary'} disabled={unbookable} onClick={() => void buyNow()}>
                  {t('booking.buyNow')}
                </button>
              </div>
            </>
          )}
        </>
      )}
    </aside>
  );
}
