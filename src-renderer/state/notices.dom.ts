// What happened after each action, said once in the user's language ("Option placed…").
import { create } from 'zustand';
import type { RpcError } from '../../src-main/contract/errors.std.ts';

export interface Notice {
  id: number;
  kind: 'success' | 'error';
  text?: string;
  error?: RpcError;
}

interface NoticeState {
  notices: Notice[];
  say(text: string): void;
  fail(error: RpcError): void;
  dismiss(id: number): void;
}

let next = 1;
const LIFETIME_MS = 8000;
const MAX_SUCCESSES = 3;

export const useNotices = create<NoticeState>((set, get) => ({
  notices: [],
  say(text) {
    const id = next++;
    // A busy morning says many things: only the latest few successes stay in the way.
    const successes = get().notices.filter((n) => n.kind === 'success');
    const dropped = new Set(successes.slice(0, Math.max(0, successes.length - (MAX_SUCCESSES - 1))).map((n) => n.id));
    set({ notices: [...get().notices.filter((n) => !dropped.has(n.id)), { id, kind: 'success', text }] });
    setTimeout(() => get().dismiss(id), LIFETIME_MS);
  },
  fail(error) {
    set({ notices: [...get().notices, { id: next++, kind: 'error', error }] });
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));
