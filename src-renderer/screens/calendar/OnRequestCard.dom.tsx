import { useTranslation } from 'react-i18next';
import type { VenueDto } from '../../../src-main/contract/schemas.std.ts';
import { RequestTracker } from './RequestTracker.dom.tsx';

/** Monuments without online slots are booked with their own booking department. */
export function OnRequestCard({ venue }: { venue: VenueDto }) {
  const { t } = useTranslation();
  return (
    <section className="card on-request">
      <h2>{venue.name}</h2>
      <h3>{t('calendar.onRequest.title')}</h3>
      <p>{t('calendar.onRequest.steps')}</p>
      <dl>
        <dt>{t('calendar.onRequest.department')}</dt>
        <dd>{venue.contact.department}</dd>
        <dt>{t('calendar.onRequest.email')}</dt>
        <dd><a href={`mailto:${venue.contact.email}`}>{venue.contact.email}</a></dd>
        {venue.contact.phone && (
          <>
            <dt>{t('calendar.onRequest.phone')}</dt>
            <dd><a href={`tel:${venue.contact.phone.replace(/\s/g, '')}`}>{venue.contact.phone}</a></dd>
          </>
        )}
      </dl>
      <RequestTracker venue={venue} />
    </section>
  );
}
