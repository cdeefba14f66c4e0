// Every refusal the HTTP layer sends has the CentralErrorSchema shape; anything else that
// goes wrong is logged and answered 503 so a desktop retries, never with a stack trace.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { CentralErrorCode, CentralErrorSchema } from '../../src-main/contract/centralApi.std.ts';

type ErrorBody = z.infer<typeof CentralErrorSchema>['error'];

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: CentralErrorCode,
    message: string,
    readonly extra: Omit<ErrorBody, 'code' | 'message'> = {},
  ) {
    super(message);
  }
}

/** Parses a request part with a contract schema; a mismatch is the caller's fault (400). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    throw new HttpError(400, 'INVALID_INPUT', where);
  }
  return parsed.data;
}

/**
 * What may be logged of an unexpected failure: its kind and its code (PostgreSQL's SQLSTATE
 * when the database refused), never its message — a failed query's message carries the SQL
 * and its parameters: e-mail addresses, password hashes, names and phone numbers.
 */
export function loggableFailure(error: unknown): { type: string; code: string | null } {
  let code: string | null = null;
  for (let e: unknown = error; e instanceof Error && code === null; e = e.cause) {
    const own = (e as { code?: unknown }).code;
    if (typeof own === 'string') code = own;
  }
  return { type: error instanceof Error ? error.constructor.name : typeof error, code };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      if (error.extra.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.extra.retryAfterSeconds));
      return reply.status(error.status).send({ error: { code: error.code, message: error.message, ...error.extra } });
    }
    const status = (error as { statusCode?: number }).statusCode;
    // Fastify's own refusals (malformed JSON, wrong content type, body too large).
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.status(400).send({ error: { code: 'INVALID_INPUT', message: (error as Error).message } });
    }
    const failure = loggableFailure(error);
    // PostgreSQL's "data exception" class: the request carried a value it cannot keep. Trying
    // again cannot help, and a desktop told 503 would retry it for ever.
    if (failure.code?.startsWith('22')) {
      request.log.warn({ failure }, 'value refused by the database, answered 400');
      return reply.status(400).send({ error: { code: 'INVALID_INPUT', message: 'A value in this request cannot be stored as given; correct it and send it again.' } });
    }
    request.log.error({ failure }, 'unexpected failure, answered 503');
    return reply.status(503).send({ error: { code: 'UNAVAILABLE', message: 'The service cannot answer right now; try again.' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url}` } }));
}
