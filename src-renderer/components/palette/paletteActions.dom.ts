// What the palette can do besides finding things: place an option, sync, go to a screen.
// Found by their words in both languages, so "synchro" and "sync" both find "Sync now".
import i18next from 'i18next';
import { matchRank } from '../../../src-main/contract/searchSchemas.std.ts';
import { LANGUAGES } from '../../i18n/i18n.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';
import { SCREENS } from '../../state/route.dom.ts';

export interface PaletteAction {
  id: string;
  /** Its i18n key and values, said in the user's language. */
  label: [key: string, values?: Record<string, string>];
  run(): void | Promise<void>;
}

const inEvery = (key: string, values: Record<string, string> = {}) =>
  LANGUAGES.map((language) => i18next.getFixedT(language)(key, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, i18next.getFixedT(language)(v)]))));

export const PALETTE_ACTIONS: PaletteAction[] = [
  { id: 'place-option', label: ['palette.actions.placeOption'], run: () => useApp.getState().navigate('calendar') },
  {
    id: 'sync-now',
    label: ['palette.actions.syncNow'],
    run: async () => {
      const status = await attempt('sync.now', {});
      if (!status) return;
      useApp.getState().setSyncStatus(status);
      useNotices.getState().say('palette.synced', { count: status.pendingChanges });
    },
  },
  ...SCREENS.map((screen): PaletteAction => ({
    id: `go-${screen}`, label: ['palette.actions.goTo', { screen: `nav.${screen}` }], run: () => useApp.getState().navigate(screen),
  })),
];

/** The actions whose words hold what was typed, best first; all of them for an empty query. */
export function matchingActions(query: string): { action: PaletteAction; rank: number }[] {
  if (query.trim() === '') return PALETTE_ACTIONS.map((action) => ({ action, rank: 2 }));
  return PALETTE_ACTIONS
    .map((action) => ({ action, rank: matchRank(query, inEvery(...action.label)) }))
    .filter((a): a is { action: PaletteAction; rank: number } => a.rank !== null)
    .sort((a, b) => a.rank - b.rank);
}
