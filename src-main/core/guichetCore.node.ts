// Everything the main process owns, started once per app launch and shared by
// whichever transports are running (Electron IPC, the browser host, or both).
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { EventName, EventPayload } from '../contract/methods.std.ts';
import { openStore, type Store } from './store/openStore.node.ts';
import { countVenues } from './store/catalogueRepo.node.ts';
import { seedDemoCatalogue } from './demo/seedDemoCatalogue.node.ts';
import { createDispatch, type Dispatch } from './rpc/dispatch.node.ts';
import { handlers } from './rpc/handlers.node.ts';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  appVersion: string;
  now?: () => Date;
}

export interface GuichetCore {
  dispatch: Dispatch;
  store: Store;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  close(): void;
}

export const DATABASE_FILE = 'guichet.sqlite';

export function startCore({ dataDir, migrationsDir, appVersion, now = () => new Date() }: CoreOptions): GuichetCore {
  const store = openStore(path.join(dataDir, DATABASE_FILE), migrationsDir);
  if (countVenues(store.db) === 0) {
    seedDemoCatalogue(store, DateTime.fromJSDate(now(), { zone: 'Europe/Paris' }).toISODate()!);
  }
  const events = new EventEmitter();
  const dispatch = createDispatch(handlers, {
    store,
    now,
    appVersion,
    dataDir,
    emit: (event, payload) => events.emit(event, payload),
  });
  return {
    dispatch,
    store,
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    close: () => store.close(),
  };
}
