import { useTranslation } from 'react-i18next';
import type { VenueDto } from '../../../src-main/contract/schemas.std.ts';

export function VenueRules({ venue }: { venue: VenueDto }) {
  const { t } = useTranslation();
  const { rules } = venue;
  const lines: string[] = [];
  if (rules.minGroupSize !== null) {
    lines.push(t(rules.guidedGroupAnySize ? 'calendar.rules.minimumGuided' : 'calendar.rules.minimum', { min: rules.minGroupSize }));
  }
  if (rules.maxPerSlot !== null) lines.push(t('calendar.rules.maximum', { max: rules.maxPerSlot }));
  lines.push(rules.holdingDays === null ? t('calendar.rules.noHolding') : t('calendar.rules.holding', { days: rules.holdingDays }));
  if (rules.specialVisits) lines.push(t('calendar.rules.specialVisits'));
  return (
    <ul className="venue-rules" aria-label={venue.name}>
      {lines.map((line) => <li key={line}>{line}</li>)}
    </ul>
  );
}
