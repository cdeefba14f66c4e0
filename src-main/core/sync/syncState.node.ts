// What this installation remembers about the central service, kept in the settings table. The
// sign-in tokens are sealed by the installation's vault before they reach the file; the opened
// tokens live in memory only, for the store they were opened for.
import crypto from 'node:crypto';
import type { Session } from '../../contract/centralApi.std.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { readSetting, writeSetting } from '../store/settingsRepo.node.ts';
import { ownerOnlyFileVault, type SecretVault } from './secretVault.std.ts';

export interface StoredSession extends Session {
  /** When the access token stops working (ms since epoch, local clock). */
  accessExpiresAtMs: number;
}

type Tokens = Pick<Session, 'accessToken' | 'refreshToken'>;
type SessionFacts = Omit<StoredSession, keyof Tokens>;
/** The setting as written: the facts in the clear, the tokens sealed. */
interface KeptSession extends SessionFacts {
  tokens: { sealedBy: string; data: string };
}
/** A sealed session not yet written, and the save it belongs to. */
export interface SealedSession {
  kept: KeptSession;
  tokens: Tokens;
  save: number;
}

const SESSION = 'sync.session';

/** Why the session kept in the file could not be opened at start: the agent must sign in again. */
export type SessionProblem = 'keychain-refused' | 'sealed-elsewhere';

const vaults = new WeakMap<StoreDb, SecretVault>();
const opened = new WeakMap<StoreDb, { data: string; tokens: Tokens }>();
const problems = new WeakMap<StoreDb, SessionProblem>();
/** Counts the saves begun, so a slow seal never overwrites a later sign-in or sign-out. */
const saves = new WeakMap<StoreDb, number>();

const beginSave = (db: StoreDb) => {
  const save = (saves.get(db) ?? 0) + 1;
  saves.set(db, save);
  return save;
};

async function seal(db: StoreDb, session: StoredSession, save: number): Promise<SealedSession> {
  const { accessToken, refreshToken, ...facts } = session;
  const vault = vaults.get(db) ?? ownerOnlyFileVault;
  const sealed = await vault.seal(JSON.stringify({ accessToken, refreshToken }));
  return { kept: { ...facts, tokens: { sealedBy: vault.kind, data: Buffer.from(sealed).toString('base64') } }, tokens: { accessToken, refreshToken }, save };
}

function keep(db: StoreDb, { kept, tokens }: Pick<SealedSession, 'kept' | 'tokens'>) {
  writeSetting(db, SESSION, kept);
  opened.set(db, { data: kept.tokens.data, tokens });
  problems.delete(db);
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
  /**
   * Opens the session kept in this store with the installation's vault, once at start; a kept
   * session another vault sealed, or one the keychain refuses, leaves the office signed out
   * (the file keeps it, in case the keychain answers at the next launch).
   */
  async openSession(db: StoreDb, vault: SecretVault): Promise<void> {
    vaults.set(db, vault);
    opened.delete(db);
    problems.delete(db);
    const kept = readSetting<KeptSession | StoredSession>(db, SESSION);
    if (!kept) return;
    // Written in the clear by a version before the vault: sealed now.
    if (!('tokens' in kept)) {
      keep(db, await seal(db, kept, beginSave(db)));
      return;
    }
    if (kept.tokens.sealedBy !== vault.kind) {
      problems.set(db, 'sealed-elsewhere');
      return;
    }
    const save = beginSave(db);
    try {
      const secret = await vault.open(Buffer.from(kept.tokens.data, 'base64'));
      const tokens = JSON.parse(secret.plain) as Tokens;
      if (secret.reseal) keep(db, await seal(db, { ...kept, ...tokens }, save));
      else opened.set(db, { data: kept.tokens.data, tokens });
    } catch {
      problems.set(db, 'keychain-refused');
    }
  },
  sessionProblem: (db: StoreDb): SessionProblem | null => problems.get(db) ?? null,
  session(db: StoreDb): StoredSession | null {
    const kept = readSetting<KeptSession>(db, SESSION);
    const tokens = opened.get(db);
    if (!kept?.tokens || tokens?.data !== kept.tokens.data) return null;
    const { office, user, expiresIn, accessExpiresAtMs } = kept;
    return { office, user, expiresIn, accessExpiresAtMs, ...tokens.tokens };
  },
  /** Seals a session just received; `keepSession` writes it (in the caller's transaction, say). */
  sealSession: (db: StoreDb, session: Session, nowMs = Date.now()) =>
    seal(db, { ...session, accessExpiresAtMs: nowMs + session.expiresIn * 1000 }, beginSave(db)),
  /** Writes a sealed session, unless a later sign-in or sign-out was saved meanwhile. */
  keepSession(db: StoreDb, sealed: SealedSession) {
    if (saves.get(db) === sealed.save) keep(db, sealed);
  },
  async saveSession(db: StoreDb, session: Session, nowMs = Date.now()) {
    syncState.keepSession(db, await syncState.sealSession(db, session, nowMs));
  },
  signOut(db: StoreDb) {
    beginSave(db);
    writeSetting(db, SESSION, null);
    opened.delete(db);
    problems.delete(db);
  },
  /** The office as the platform now sees it, in the session kept (its tokens untouched). */
  saveOffice(db: StoreDb, office: Session['office']) {
    const kept = readSetting<KeptSession>(db, SESSION);
    if (kept && syncState.session(db)) writeSetting(db, SESSION, { ...kept, office });
  },
  cookie: (db: StoreDb) => readSetting<string | null>(db, 'sync.cookie') ?? null,
  lastSyncAt: (db: StoreDb) => readSetting<string | null>(db, 'sync.lastSyncAt') ?? null,
  /** Server time minus local time, so countdowns follow the server's clock. */
  serverOffsetMs: (db: StoreDb) => readSetting<number>(db, 'sync.serverOffsetMs') ?? 0,
};
