// Says an RpcError in the user's language, from its code and details: never the
// English fallback, never a stack trace.
import type { TFunction } from 'i18next';
import type { InvalidField, RpcError } from '../../src-main/contract/errors.std.ts';

/** "the surname contains an invisible character (pasted?): type it again" */
export const fieldProblem = (field: InvalidField, t: TFunction): string =>
  t(`errors.problems.${field.problem}`, { field: t(`errors.fields.${field.path}`, { defaultValue: field.path }), limit: field.limit });

const list = (items: string[]) => items.join(', ');

function ruleMessage(details: NonNullable<RpcError['details']>, t: TFunction): string {
  const rule = String(details.rule);
  const missing = list(((details.missing as string[] | undefined) ?? []).map((m) => t(`errors.missing.${m}`)));
  const violations = list(((details.violations as { code: string }[] | undefined) ?? []).map((v) => t(`errors.violations.${v.code}`, v)));
  return t(`errors.rules.${rule}`, { defaultValue: rule, missing, violations, remaining: details.remaining, count: details.count, printer: details.printer });
}

export function errorMessage(error: RpcError, t: TFunction): string {
  const details = error.details ?? {};
  if (details.unreachable) return t('errors.unreachable');
  switch (error.code) {
    case 'INVALID_INPUT': {
      const fields = (details.fields ?? []).map((field) => fieldProblem(field, t));
      return t('errors.INVALID_INPUT', { fields: fields.join(' ; ') });
    }
    case 'NOT_FOUND':
      return t('errors.NOT_FOUND', { entity: t(`errors.entities.${details.entity}`, { defaultValue: details.entity }), id: details.id });
    case 'RULE_VIOLATION':
      return t('errors.RULE_VIOLATION', { rule: ruleMessage(details, t) });
    case 'CENTRAL_REFUSED': {
      const missing = list(((details.missing as string[] | undefined) ?? []).map((m) => t(`errors.missing.${m}`)));
      const declineReason = details.declineReason ? t(`errors.decline.${String(details.declineReason)}`) : '';
      // RATE_LIMITED: the wait in whole minutes, rounded up (a 10-second wait says 1 minute).
      const wait = typeof details.retryAfterSeconds === 'number' ? { count: Math.ceil(details.retryAfterSeconds / 60) } : {};
      return t('errors.CENTRAL_REFUSED', { reason: t(`errors.central.${String(details.reason)}`, { ...details, missing, declineReason, ...wait, defaultValue: error.message }) });
    }
    case 'DISK_FULL':
      return t('errors.DISK_FULL', { dataDir: details.dataDir });
    default:
      return t(`errors.${error.code}`);
  }
}
