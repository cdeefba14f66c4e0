// The renderer's side of the browser host: the same two calls the Electron preload
// exposes, over fetch and a WebSocket. The token travels as an HttpOnly cookie.
import type { GuichetBridge, RpcResult } from '../../src-main/contract/index.std.ts';

type Listener = (payload: unknown) => void;

export function createHostBridge(origin = window.location.origin): GuichetBridge {
  const listeners = new Map<string, Set<Listener>>();
  let socket: WebSocket | undefined;

  const connectEvents = () => {
    socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/events`);
    socket.onmessage = (message) => {
      const { event, payload } = JSON.parse(String(message.data)) as { event: string; payload: unknown };
      listeners.get(event)?.forEach((listener) => listener(payload));
    };
    socket.onclose = () => setTimeout(connectEvents, 2000);
  };

  return {
    async invoke(method, input) {
      try {
        const response = await fetch(`${origin}/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        if (response.status === 401) {
          return { ok: false, error: { code: 'UNAUTHORIZED', message: 'The link has expired.' } };
        }
        return (await response.json()) as RpcResult<never>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Guichet is not answering.', details: { unreachable: true } } };
      }
    },
    on(event, listener) {
      if (!socket) connectEvents();
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
}
