import { useEffect } from 'react';
import type { EventName, EventPayload } from '../../src-main/contract/methods.std.ts';
import { bridge } from '../transport/bridge.dom.ts';

/** Calls `listener` whenever the main process announces `event`. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
  useEffect(() => bridge.on(event, listener), [event, listener]);
}
