import { readSettings, writeSetting } from '../store/settingsRepo.node.ts';
import type { HandlerTable } from './handlerContext.node.ts';


export const officeHandlers: HandlerTable<
  | 'app.info' | 'app.shown' | 'settings.get' | 'settings.update'
> = {
  'app.info': (_input, { store, appVersion, dataDir }) => ({ version: appVersion, schemaVersion: store.schemaVersion, dataDir }),
  'app.shown': (_input, { windowShown }) => {
    windowShown();
    return null;
  },
  'settings.get': (_input, { store }) => readSettings(store.db),
  'settings.update': ({ language, centralUrl, expiringSoonDays }, { store, emit }) => {
    if (language) writeSetting(store.db, 'language', language);
    if (expiringSoonDays) writeSetting(store.db, 'expiringSoonDays', expiringSoonDays);
    // Takes effect at the next start: the running sync keeps its service until then.
    if (centralUrl !== undefined) writeSetting(store.db, 'centralUrl', centralUrl);
    const updated = readSettings(store.db);
    emit('settings.changed', updated);
    return updated;
  },
};
