import type { ErrorCode, RpcError } from '../../contract/errors.std.ts';

/** A refusal the user should read (translated by its code), as opposed to a bug. */
export class GuichetError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details?: RpcError['details']) {
    super(message);
    this.name = 'GuichetError';
  }

  toRpcError(): RpcError {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export const notFound = (entity: string, id: string) =>
  new GuichetError('NOT_FOUND', `No ${entity} with id "${id}".`, { entity, id });
