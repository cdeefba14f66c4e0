// What each transport gives the renderer. The Electron preload exposes exactly this
// object as `window.guichet`; the browser host's client implements the same shape.
import type { RpcResult } from './errors.std.ts';
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from './methods.std.ts';

export interface GuichetBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<RpcResult<MethodOutput<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The single IPC channel carrying every method call, and the one carrying events. */
export const IPC_INVOKE_CHANNEL = 'guichet:invoke';
export const IPC_EVENT_CHANNEL = 'guichet:event';
/** Header and cookie names of the browser host's per-launch token. */
export const HOST_TOKEN_HEADER = 'x-guichet-token';
export const HOST_TOKEN_COOKIE = 'guichet_token';
/** The host names that mean "this computer" (URL.hostname form). */
export const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);
