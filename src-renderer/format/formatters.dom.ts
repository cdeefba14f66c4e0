// Money and dates as the user's locale writes them, always in the venue's time zone
// ("272,00 €", "18 mars 2025 13:15" / "€272.00", "18 March 2025 1:15 pm").
import type { Language } from '../../src-main/contract/schemas.std.ts';

export const VENUE_TIME_ZONE = 'Europe/Paris';
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const hour12 = (language: Language) => language === 'en';
/** French writes 09:00, English 9:00 am. */
const hourStyle = (language: Language) => (language === 'fr' ? '2-digit' : 'numeric');

export const formatMoney = (cents: number, language: Language) =>
  new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);

export const formatDateTime = (iso: string, language: Language, timeZone = VENUE_TIME_ZONE) =>
  new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric', month: 'long', year: 'numeric', hour: hourStyle(language), minute: '2-digit', hour12: hour12(language), timeZone,
  }).format(new Date(iso)).replace(' à ', ' ').replace(' at ', ' ');

export const formatTime = (iso: string, language: Language, timeZone = VENUE_TIME_ZONE) =>
  new Intl.DateTimeFormat(LOCALES[language], { hour: hourStyle(language), minute: '2-digit', hour12: hour12(language), timeZone }).format(new Date(iso));

/** A venue-local calendar date ('2025-03-18'), written out: "mardi 18 mars 2025". */
export const formatLocalDate = (date: string, language: Language, style: 'long' | 'short' = 'long') =>
  new Intl.DateTimeFormat(LOCALES[language], {
    weekday: style === 'long' ? 'long' : undefined, day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));

export const formatMonth = (month: string, language: Language) =>
  new Intl.DateTimeFormat(LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

/** Monday-first short weekday names. */
export const weekdayNames = (language: Language) =>
  Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(LOCALES[language], { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );

export const userTimeZoneDiffers = () => Intl.DateTimeFormat().resolvedOptions().timeZone !== VENUE_TIME_ZONE;
