// "expires in 12 days" / "expire dans 12 jours", counted on the server's clock.
import type { Language } from '../../src-main/contract/schemas.std.ts';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function timeLeft(expiresAt: string, serverNowMs: number, language: Language): string {
  const ms = Date.parse(expiresAt) - serverNowMs;
  const format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'always' });
  if (Math.abs(ms) >= 2 * DAY) return format.format(Math.round(ms / DAY), 'day');
  if (Math.abs(ms) >= HOUR) return format.format(Math.round(ms / HOUR), 'hour');
  return format.format(Math.round(ms / 60_000), 'minute');
}

export const isExpiringSoon = (expiresAt: string, serverNowMs: number, withinDays: number) => {
  const ms = Date.parse(expiresAt) - serverNowMs;
  return ms > 0 && ms <= withinDays * DAY;
};
