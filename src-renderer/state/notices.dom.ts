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

export const useNotices = create<NoticeState>((set, get) => ({
  notices: [],
  say(text) {
    const id = next++;
    set({ notices: [...get().notices, { id, kind: 'success', text }] });
    setTimeout(() => get().dismiss(id), LIFETIME_MS);
  },
  fail(error) {
    set({ notices: [...get().notices, { id: next++, kind: 'error', error }] });
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));
