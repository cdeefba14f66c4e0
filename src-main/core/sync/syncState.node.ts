// What this installation remembers about the central service, kept in the settings table.
import crypto from 'node:crypto';
import type { Session } from '../../contract/centralApi.std.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { readSetting, writeSetting } from '../store/settingsRepo.node.ts';

export interface StoredSession extends Session {
  /** When the access token stops working (ms since epoch, local clock). */
  accessExpiresAtMs: number;
}

export const syncState = {
  clientId(db: StoreDb): string {
    let id = readSetting<string>(db, 'sync.clientId');
    if (!id) {
      id = crypto.randomUUID();
      writeSetting(db, 'sync.clientId', id);
    }
    return id;
  },
  session: (db: StoreDb) => readSetting<StoredSession | null>(db, 'sync.session') ?? null,
  saveSession(db: StoreDb, session: Session | null, nowMs = Date.now()) {
    writeSetting(db, 'sync.session', session && { ...session, accessExpiresAtMs: nowMs + session.expiresIn * 1000 });
  },
  /** The office as the platform now sees it, in the session kept (its tokens untouched). */
  saveOffice(db: StoreDb, office: Session['office']) {
    const session = syncState.session(db);
    if (session) writeSetting(db, 'sync.session', { ...session, office });
  },
  cookie: (db: StoreDb) => readSetting<string | null>(db, 'sync.cookie') ?? null,
  lastSyncAt: (db: StoreDb) => readSetting<string | null>(db, 'sync.lastSyncAt') ?? null,
  /** Server time minus local time, so countdowns follow the server's clock. */
  serverOffsetMs: (db: StoreDb) => readSetting<number>(db, 'sync.serverOffsetMs') ?? 0,
};
