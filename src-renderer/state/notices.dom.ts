// What happened after each action, said once in the user's language ("Option placed…"). A
// notice keeps its message key and facts, not its words: it is said again in the new language
// when the agent switches while it is shown.
import { create } from 'zustand';
import type { RpcError } from '../../src-main/contract/errors.std.ts';

/** A fact in a notice; dates and catalogue names are put in words at render, in the language shown. */
export type NoticeParam = string | number | { dateTime: string } | { localDate: string } | { money: number } | { fr: string; en: string };

export interface Notice {
  id: number;
  kind: 'success' | 'error';
  key?: string;
  params?: Record<string, NoticeParam>;
  error?: RpcError;
}

interface NoticeState {
  notices: Notice[];
  /** `key`: an i18n key, put in words at render (see Notices.dom.tsx). */
  say(key: string, params?: Record<string, NoticeParam>): void;
  fail(error: RpcError): void;
  dismiss(id: number): void;
}

let next = 1;
const LIFETIME_MS = 8000;
const MAX_SUCCESSES = 3;

export const useNotices = create<NoticeState>((set, get) => ({
  notices: [],
  say(key, params) {
    const id = next++;
    // A busy morning says many things: only the latest few successes stay in the way.
    const successes = get().notices.filter((n) => n.kind === 'success');
    const dropped = new Set(successes.slice(0, Math.max(0, successes.length - (MAX_SUCCESSES - 1))).map((n) => n.id));
    set({ notices: [...get().notices.filter((n) => !dropped.has(n.id)), { id, kind: 'success', key, ...(params ? { params } : {}) }] });
    setTimeout(() => get().dismiss(id), LIFETIME_MS);
  },
  fail(error) {
    set({ notices: [...get().notices, { id: next++, kind: 'error', error }] });
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));
