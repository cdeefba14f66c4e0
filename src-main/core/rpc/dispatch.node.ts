// The one entry point every transport calls. Whatever happens inside, the caller
// gets a result it can show: never a stack trace, never an unhandled rejection.
import type { RpcResult } from '../../contract/errors.std.ts';
import { isMethodName, methods, type MethodName } from '../../contract/methods.std.ts';
import { GuichetError } from './guichetError.std.ts';
import type { Handler, HandlerContext, HandlerTable } from './handlerContext.node.ts';
import { invalidFields } from '../../contract/invalidFields.std.ts';

const isDiskFull = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
};

export type Dispatch = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

export function createDispatch(table: HandlerTable, ctx: HandlerContext, log: Pick<Console, 'error'> = console): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${method}".`, details: { method } } };
    }
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: `Invalid input for ${method}.`, details: { method, fields: invalidFields(parsed.error) } },
      };
    }
    try {
      const handler = table[method] as Handler<MethodName>;
      return { ok: true, value: await handler(parsed.data as never, ctx) };
    } catch (error) {
      if (error instanceof GuichetError) return { ok: false, error: error.toRpcError() };
      // SQLite undid the transaction whole: the store is as it was, and works once space is back.
      if (isDiskFull(error)) {
        return { ok: false, error: { code: 'DISK_FULL', message: 'The disk is full: nothing was changed. Free some space, then try again.', details: { method, dataDir: ctx.dataDir } } };
      }
      log.error(`[guichet] ${method} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Guichet; nothing was changed.', details: { method } } };
    }
  };
}
