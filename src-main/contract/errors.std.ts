// Every failure that crosses the contract has one of these codes. The renderer
// translates the code (and its details) into the user's language; `message` is
// the English fallback for logs and tools.
import { z } from 'zod';

export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'NOT_FOUND',
  'RULE_VIOLATION',
  'UNAUTHORIZED',
  'FORBIDDEN_SENDER',
  'OFFLINE',
  'CENTRAL_REFUSED',
  'DISK_FULL',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const FIELD_PROBLEMS = [
  'required', 'too_small', 'too_big', 'not_integer', 'not_a_date', 'invalid_format', 'invalid_value', 'unknown_field', 'insecure_url', 'control_character', 'before_start',
] as const;
/** One field that failed validation: where it is and what is wrong with it. */
export const InvalidFieldSchema = z.object({ path: z.string(), problem: z.enum(FIELD_PROBLEMS), limit: z.number().optional() });
export type InvalidField = z.infer<typeof InvalidFieldSchema>;

export interface RpcError {
  code: ErrorCode;
  message: string;
  details?: {
    fields?: InvalidField[];
    method?: string;
    entity?: string;
    id?: string;
    rule?: string;
    [key: string]: unknown;
  };
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };
