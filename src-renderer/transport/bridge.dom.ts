// The renderer picks its transport once: Electron's preload bridge when present,
// the browser host otherwise. Everything else talks to `bridge` and knows no more.
import type { GuichetBridge, MethodInput, MethodName, MethodOutput } from '../../src-main/contract/index.std.ts';
import type { RpcError } from '../../src-main/contract/errors.std.ts';
import { createHostBridge } from './hostBridge.dom.ts';

declare global {
  interface Window {
    guichet?: GuichetBridge;
  }
}

export const bridge: GuichetBridge = window.guichet ?? createHostBridge();
export const transportName: 'electron' | 'browser' = window.guichet ? 'electron' : 'browser';

export class RpcFailure extends Error {
  constructor(readonly error: RpcError) {
    super(error.message);
  }
}

/** Calls a method and returns its value, or throws an RpcFailure carrying the translated-by-code error. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await bridge.invoke(method, input);
  if (!result.ok) throw new RpcFailure(result.error);
  return result.value;
}
