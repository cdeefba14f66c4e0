// One client group: who to call, the trip day by day across monuments with each visit's state
// and countdown, what it adds up to, and what is still missing before the group travels.
import { useTranslation } from 'react-i18next';
import type { DossierDetailDto, DossierMissingDto } from '../../../src-main/contract/dossierSchemas.std.ts';
import type { Language } from '../../../src-main/contract/schemas.std.ts';
import { PrintTicketsBar, PrintTicketsButton } from '../../components/PrintTickets.dom.tsx';
import { StateBadge } from '../../components/StateBadge.dom.tsx';
import { timeLeft } from '../../format/countdown.dom.ts';
import { formatDateTime, formatLocalDate, formatMoney } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useServerNow } from '../../state/useServerNow.dom.ts';

type T = ReturnType<typeof useTranslation>['t'];

function missingText(m: DossierMissingDto, t: T, language: Language, serverNow: number): string {
  switch (m.kind) {
    case 'optionExpiring': return t('dossiers.missing.optionExpiring', { venue: m.venueName, left: timeLeft(m.expiresAt, serverNow, language) });
    case 'optionRefused': return t('dossiers.missing.optionRefused', { venue: m.venueName, at: formatDateTime(m.startsAt, language) });
    case 'companionsMissing': return t('dossiers.missing.companionsMissing', { venue: m.venueName, count: m.count });
    case 'ticketsNotPrinted': return t('dossiers.missing.ticketsNotPrinted', { venue: m.venueName, order: m.orderNumber, count: m.count });
    case 'cancelledByVenue': return t('dossiers.missing.cancelledByVenue', { venue: m.venueName, at: formatDateTime(m.startsAt, language) });
  }
}

/** Where the agent fixes what is missing. */
function missingTarget(m: DossierMissingDto): { screen: 'options' | 'cart' | 'orders'; params: Record<string, string> } {
  if (m.kind === 'ticketsNotPrinted') return { screen: 'orders', params: { order: m.orderId } };
  if (m.kind === 'companionsMissing') return { screen: 'cart', params: {} };
  return { screen: 'options', params: {} };
}

export function DossierDetail({ detail, onEdit }: { detail: DossierDetailDto; onEdit(): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const serverNow = useServerNow();
  const { dossier, days, totals, missing } = detail;
  const travel = dossier.travelFrom
    ? (dossier.travelTo && dossier.travelTo !== dossier.travelFrom
      ? t('dossiers.travelRange', { from: formatLocalDate(dossier.travelFrom, language), to: formatLocalDate(dossier.travelTo, language) })
      : formatLocalDate(dossier.travelFrom, language))
    : null;
  return (
    <section className="dossier-detail" aria-labelledby="dossier-title">
      <header className="dossier-head">
        <div>
          <h2 id="dossier-title">{dossier.name}{dossier.clientReference && <span className="dossier-ref"> · {dossier.clientReference}</span>}</h2>
          <p className="hint">
            {[travel, dossier.expectedPeople !== null ? t('dossiers.expected', { count: dossier.expectedPeople }) : null].filter(Boolean).join(' · ')}
            {dossier.pending && <> · <span className="badge badge-pending">{t('states.pending')}</span></>}
          </p>
        </div>
        <button type="button" className="button-secondary" onClick={onEdit}>{t('dossiers.edit')}</button>
      </header>
      {(dossier.contactName || dossier.contactEmail || dossier.contactPhone) && (
        <p className="dossier-contact" data-testid="dossier-contact">
          <strong>{t('dossiers.contactLabel')}</strong> {[dossier.contactName, dossier.contactEmail, dossier.contactPhone].filter(Boolean).join(' — ')}
        </p>
      )}
      {dossier.notes && <p className="dossier-notes">{dossier.notes}</p>}

      <dl className="dossier-totals" data-testid="dossier-totals">
        <div><dt>{t('dossiers.totals.people')}</dt><dd>{totals.people}</dd></div>
        <div><dt>{t('dossiers.totals.paid')}</dt><dd>{formatMoney(totals.paidCents, language)}</dd></div>
        <div><dt>{t('dossiers.totals.held')}</dt><dd>{formatMoney(totals.heldCents, language)}</dd></div>
      </dl>

      <h3>{t('dossiers.missingTitle')}</h3>
      {missing.length === 0
        ? <p className="hint" data-testid="dossier-missing">{t('dossiers.nothingMissing')}</p>
        : (
          <ul className="dossier-missing" data-testid="dossier-missing">
            {missing.map((m, i) => {
              const target = missingTarget(m);
              return (
                <li key={i}>
                  <span>{missingText(m, t, language, serverNow)}</span>
                  <button type="button" className="button-secondary" onClick={() => navigate(target.screen, target.params)}>{t(`dossiers.fix.${target.screen}`)}</button>
                </li>
              );
            })}
          </ul>
        )}

      {days.some((d) => d.visits.some((v) => v.state === 'confirmed')) && (
        <PrintTicketsBar>
          <PrintTicketsButton scope={{ kind: 'dossier', dossierId: dossier.id }} label={t('dossiers.print')} />
        </PrintTicketsBar>
      )}

      <h3>{t('dossiers.itinerary')}</h3>
      {days.length === 0 && detail.requests.length === 0 && <p className="hint">{t('dossiers.noVisit')}</p>}
      <ol className="itinerary" data-testid="dossier-itinerary">
        {days.map((day) => (
          <li key={day.localDate}>
            <h4>{formatLocalDate(day.localDate, language)}</h4>
            <ul>
              {day.visits.map((v) => (
                <li key={v.optionId} className="visit" data-option-id={v.optionId}>
                  <span className="visit-time">{v.localTime}</span>
                  <span className="visit-venue">{v.venueName}</span>
                  <span>{t('dossiers.people', { count: v.headCount })}</span>
                  <StateBadge state={v.state} />
                  {v.state === 'active' && v.expiresAt && <span className="countdown">{timeLeft(v.expiresAt, serverNow, language)}</span>}
                  {v.orderNumber && <span className="hint">{v.orderNumber}</span>}
                  <span className="visit-amount">{formatMoney(v.totalCents, language)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {detail.requests.length > 0 && (
        <>
          <h3>{t('dossiers.requests')}</h3>
          <ul className="dossier-requests" data-testid="dossier-requests">
            {detail.requests.map((r) => (
              <li key={r.id}>
                {formatLocalDate(r.visitDate, language)} — {r.venueName} — {t('dossiers.people', { count: r.headCount })} — <span className="badge">{t(`requests.steps.${r.state}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {detail.companions.length > 0 && (
        <>
          <h3>{t('dossiers.companions')}</h3>
          <ul className="dossier-companions" data-testid="dossier-companions">
            {detail.companions.map((c) => (
              <li key={`${c.optionId}-${c.companionId}`}>
                <strong>{c.name}</strong> ({t(`companions.kind.${c.kind}`)}){c.phone ? ` — ${c.phone}` : ''} — {c.venueName}, {formatDateTime(c.startsAt, language)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
