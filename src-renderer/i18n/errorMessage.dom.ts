// Says an RpcError in the user's language, from its code and details: never the
// English fallback, never a stack trace.
import type { TFunction } from 'i18next';
import type { RpcError } from '../../src-main/contract/errors.std.ts';

export function errorMessage(error: RpcError, t: TFunction): string {
  const details = error.details ?? {};
  if (details.unreachable) return t('errors.unreachable');
  switch (error.code) {
    case 'INVALID_INPUT': {
      const fields = (details.fields ?? []).map((field) =>
        t(`errors.problems.${field.problem}`, {
          field: t(`errors.fields.${field.path}`, { defaultValue: field.path }),
          limit: field.limit,
        }),
      );
      return t('errors.INVALID_INPUT', { fields: fields.join(' ; ') });
    }
    case 'NOT_FOUND':
      return t('errors.NOT_FOUND', { entity: t(`errors.entities.${details.entity}`, { defaultValue: details.entity }), id: details.id });
    case 'RULE_VIOLATION':
      return t('errors.RULE_VIOLATION', { rule: t(`errors.rules.${details.rule}`, { defaultValue: details.rule }) });
    default:
      return t(`errors.${error.code}`);
  }
}
