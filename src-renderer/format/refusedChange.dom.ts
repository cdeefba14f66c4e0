// Says a change the central service refused as malformed the way the agent knows it:
// what it was ("Companion Lola LAGO") and why, in the agent's language.
import type { TFunction } from 'i18next';
import type { Language, RefusedChangeDto } from '../../src-main/contract/schemas.std.ts';
import { fieldProblem } from '../i18n/errorMessage.dom.ts';
import { formatDateTime, formatLocalDate } from './formatters.dom.ts';

const SAID = new Set(['companion.save', 'companion.delete', 'contact.save', 'venueRequest.save', 'option.cancel']);

/** A refused date may be one no calendar has (year 0000): then it is shown as it was sent. */
function dateOf(date: string | null, language: Language): string | null {
  if (!date || date < '1900' || Number.isNaN(Date.parse(date))) return date;
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatLocalDate(date, language) : formatDateTime(date, language);
}

export function describeRefusedChange(change: RefusedChangeDto, t: TFunction, language: Language): { what: string; reason: string } {
  const unknown = t('sync.refusals.unknown');
  const what = SAID.has(change.change)
    ? t(`sync.refusals.what.${change.change}`, { subject: change.subject ?? unknown, date: dateOf(change.date, language) ?? unknown })
    : t('sync.refusals.what.other', { change: change.change });
  const reason = change.fields.length > 0 ? change.fields.map((field) => fieldProblem(field, t)).join(' ; ') : t('sync.refusals.noDetail');
  return { what, reason };
}
