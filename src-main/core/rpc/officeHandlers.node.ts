import { readSetting, writeSetting } from '../store/settingsRepo.node.ts';
import {
  countOutbox, listCompanions, listOptions, listOrders, listTickets, listVouchers,
} from '../store/officeRecordsRepo.node.ts';
import type { Language, SettingsDto } from '../../contract/schemas.std.ts';
import type { HandlerTable } from './handlerContext.node.ts';
import type { StoreDb } from '../store/openStore.node.ts';

const readSettings = (db: StoreDb): SettingsDto => ({ language: readSetting<Language>(db, 'language') ?? null });

export const officeHandlers: HandlerTable<
  | 'app.info' | 'settings.get' | 'settings.update' | 'options.list' | 'companions.list'
  | 'orders.list' | 'tickets.list' | 'vouchers.list' | 'sync.status'
> = {
  'app.info': (_input, { store, appVersion, dataDir }) => ({ version: appVersion, schemaVersion: store.schemaVersion, dataDir }),
  'settings.get': (_input, { store }) => readSettings(store.db),
  'settings.update': ({ language }, { store, emit }) => {
    if (language) writeSetting(store.db, 'language', language);
    const updated = readSettings(store.db);
    emit('settings.changed', updated);
    return updated;
  },
  'options.list': (_input, { store }) => listOptions(store.db),
  'companions.list': (_input, { store }) => listCompanions(store.db),
  'orders.list': (_input, { store }) => listOrders(store.db),
  'tickets.list': (_input, { store }) => listTickets(store.db),
  'vouchers.list': (_input, { store }) => listVouchers(store.db),
  'sync.status': (_input, { store }) => ({
    connection: 'not-configured',
    lastSyncAt: null,
    pendingChanges: countOutbox(store.db),
    rejectedChanges: 0,
  }),
};
