// The ticket bundles of this session as the main process announces them (queued, pages done,
// finished), and the language the next bundle is printed in.
import { create } from 'zustand';
import type { BundleJob, BundleScope } from '../../src-main/contract/printSchemas.std.ts';
import type { Language } from '../../src-main/contract/schemas.std.ts';
import { bridge, call } from '../transport/bridge.dom.ts';
import { attempt } from './attempt.dom.ts';

interface BundleState {
  jobs: BundleJob[];
  /** Null: the interface's language. */
  language: Language | null;
  /** Bundles the agent closed in the tray (they stay in the main process's list). */
  hidden: Set<string>;
  setLanguage(language: Language): void;
  hide(jobId: string): void;
  start(scope: BundleScope, language: Language): Promise<BundleJob | undefined>;
}

export const useBundles = create<BundleState>((set, get) => ({
  jobs: [],
  language: null,
  hidden: new Set(),
  setLanguage: (language) => set({ language }),
  hide: (jobId) => set({ hidden: new Set([...get().hidden, jobId]) }),
  start: (scope, language) => attempt('bundles.start', { scope, language }),
}));

function upsert(job: BundleJob): void {
  const { jobs } = useBundles.getState();
  // Newest first, as bundles.list answers.
  useBundles.setState({ jobs: jobs.some((j) => j.id === job.id) ? jobs.map((j) => (j.id === job.id ? job : j)) : [job, ...jobs] });
}

/** Follows the main process's bundles from now on; returns the unsubscribe. */
export function followBundles(): () => void {
  const off = bridge.on('bundles.changed', upsert);
  void call('bundles.list', {}).then((listed) => {
    // Events that arrived while the list was on its way are newer than it.
    const merged = new Map(listed.map((j) => [j.id, j]));
    for (const job of useBundles.getState().jobs) merged.set(job.id, job);
    useBundles.setState({ jobs: [...merged.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) });
  }, () => undefined);
  return off;
}
