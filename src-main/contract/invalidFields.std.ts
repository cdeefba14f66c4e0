// Turns zod's issues into field problems the renderer can say in the user's language.
import type { z } from 'zod';
import type { InvalidField } from './errors.std.ts';

const NOT_A_DATE_FORMATS = new Set(['date', 'datetime']);

function toField(issue: z.core.$ZodIssue): InvalidField {
  const path = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { path, problem: 'required' };
      if (issue.expected === 'int') return { path, problem: 'not_integer' };
      return { path, problem: 'invalid_value' };
    case 'too_small':
      return { path, problem: 'too_small', limit: Number(issue.minimum) };
    case 'too_big':
      return { path, problem: 'too_big', limit: Number(issue.maximum) };
    case 'invalid_format':
      return { path, problem: NOT_A_DATE_FORMATS.has(issue.format) || issue.message === 'not_a_date' ? 'not_a_date' : 'invalid_format' };
    case 'unrecognized_keys':
      return { path: [path, ...issue.keys].filter(Boolean).join('.'), problem: 'unknown_field' };
    case 'custom':
      // A rule of the contract's own names its problem (e.g. a central service over plain http).
      return { path, problem: (issue.params?.problem as InvalidField['problem'] | undefined) ?? 'invalid_value' };
    default:
      return { path, problem: 'invalid_value' };
  }
}

export const invalidFields = (error: z.ZodError): InvalidField[] => error.issues.map(toField);
