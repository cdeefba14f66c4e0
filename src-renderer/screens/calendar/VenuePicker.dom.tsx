import { useTranslation } from 'react-i18next';
import type { VenueDto } from '../../../src-main/contract/schemas.std.ts';

const GROUPS = [
  { mode: 'timed', title: 'calendar.onlineVenues' },
  { mode: 'dated', title: 'calendar.datedVenues' },
  { mode: 'on-request', title: 'calendar.onRequestVenues' },
] as const;

export function VenuePicker({ venues, selected, onSelect }: { venues: VenueDto[]; selected: string | undefined; onSelect(id: string): void }) {
  const { t } = useTranslation();
  return (
    <aside className="venue-picker" aria-label={t('calendar.venues')}>
      {GROUPS.map(({ mode, title }) => {
        const list = venues.filter((v) => v.rules.slotMode === mode);
        if (list.length === 0) return null;
        return (
          <section key={mode}>
            <h3>{t(title)}</h3>
            <ul>
              {list.map((venue) => (
                <li key={venue.id}>
                  <button type="button" aria-pressed={venue.id === selected} onClick={() => onSelect(venue.id)}>
                    <span className="venue-name">{venue.name}</span>
                    <span className="venue-city">{venue.city}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
