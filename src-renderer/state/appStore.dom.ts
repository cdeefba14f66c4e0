import { create } from 'zustand';
import type { Language, SyncStatusDto } from '../../src-main/contract/schemas.std.ts';
import { call } from '../transport/bridge.dom.ts';
import { changeLanguage } from '../i18n/i18n.dom.ts';
import { parseRoute, routeHash, type Route, type Screen } from './route.dom.ts';

interface AppState {
  language: Language;
  route: Route;
  syncStatus: SyncStatusDto | null;
  setLanguage(language: Language): Promise<void>;
  navigate(screen: Screen, params?: Record<string, string>): void;
  setParams(params: Record<string, string>): void;
  setSyncStatus(status: SyncStatusDto): void;
}

export const useApp = create<AppState>((set, get) => ({
  language: 'fr',
  route: parseRoute(window.location.hash),
  syncStatus: null,
  async setLanguage(language) {
    await changeLanguage(language);
    set({ language });
    await call('settings.update', { language });
  },
  navigate(screen, params = {}) {
    const route = { screen, params };
    window.location.hash = routeHash(route);
    set({ route });
  },
  setParams(params) {
    // An empty value clears the parameter, so defaults (first day with slots…) apply again.
    const merged = Object.entries({ ...get().route.params, ...params }).filter(([, value]) => value !== '');
    const route = { screen: get().route.screen, params: Object.fromEntries(merged) };
    window.history.replaceState(null, '', routeHash(route));
    set({ route });
  },
  setSyncStatus: (syncStatus) => set({ syncStatus }),
}));

window.addEventListener('hashchange', () => useApp.setState({ route: parseRoute(window.location.hash) }));
