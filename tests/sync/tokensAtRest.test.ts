// The office's sign-in kept on the desk: sealed by the system keychain where there is one, so a
// copy of the data file (a backup on a shared drive, a stolen laptop's disk) holds no token;
// opened again at the next launch; and when the keychain cannot open it, the agent is signed
// out with a sentence saying so, and nothing else is lost.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountStatusDto, SyncStatusDto } from '../../src-main/contract/schemas.std.ts';
import { DATABASE_FILE, startCore } from '../../src-main/core/guichetCore.node.ts';
import { ownerOnlyFileVault, type SecretVault } from '../../src-main/core/sync/secretVault.std.ts';
import { syncState, type StoredSession } from '../../src-main/core/sync/syncState.node.ts';
import { openStore } from '../../src-main/core/store/openStore.node.ts';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { startCuttableProxy, type CuttableProxy } from '../support/cuttableProxy.node.ts';
import { MIGRATIONS_DIR, tempDir, type TempCore } from '../support/tempCore.node.ts';
import { ok, options, slotAt } from './helpers.node.ts';

const NOW = new Date('2025-01-10T09:00:00Z');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Stands in for the operating system's keychain, which does not exist on a test machine: its key
 * lives outside the data file, as DPAPI's or the macOS Keychain's does (the real adapter is
 * src-main/electron/safeStorageVault.main.ts).
 */
function keychainVault(key: Buffer, refuse = false): SecretVault {
  return {
    kind: 'electron-safe-storage',
    async seal(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async open(sealed) {
      if (refuse) throw new Error('The user name or passphrase you entered is not correct.');
      const bytes = Buffer.from(sealed);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return { plain: Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'), reseal: false };
    },
  };
}

let central: CentralHarness;
/** The desk's cable to the service, pulled while the option is placed so that it stays unsent. */
let cable: CuttableProxy;

/** A desk on `dataDir`, launched as the app launches it; the folder outlives it, as it does on a desk. */
async function launch(dataDir: string, vault: SecretVault): Promise<TempCore> {
  const desk = await startCore({ dataDir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', now: () => NOW, backgroundSync: false, centralUrl: cable.url, vault });
  cleanups.push(() => desk.close());
  return Object.assign(desk, { dataDir });
}

async function signedInThenClosed(vault: SecretVault) {
  central = await startCentralHarness();
  cleanups.push(central.close);
  cable = await startCuttableProxy(central.url);
  cleanups.push(() => cable.close());
  const dataDir = tempDir();
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const desk = await launch(dataDir, vault);
  const credentials = await central.validatedOffice('Voyages Trousseau');
  await ok(desk, 'account.signIn', credentials);
  await desk.sync.syncNow();
  const session = syncState.session(desk.store.db)!;
  const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '10:00');
  // Placed and not yet sent: the change the agent must not lose with the sign-in.
  cable.cut();
  const option = await ok<{ id: string }>(desk, 'options.place', { slotId: slot.id, composition: { visitors: 16, guides: 1, leaders: 0 } });
  await desk.close();
  cable.restore();
  return { dataDir, session, credentials, optionId: option.id };
}

/** Every byte this installation keeps: the store, its WAL and its backups. */
function filesOf(dataDir: string): Buffer[] {
  return fs.readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.sqlite(-wal)?$/.test(entry.name))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name)));
}

const holds = (files: Buffer[], secret: string) => files.some((bytes) => bytes.includes(secret) || bytes.includes(Buffer.from(secret).toString('base64')));

describe('the sign-in kept on this computer', () => {
  it('is sealed by the keychain: the data file holds no token, and the next launch is signed in and syncs', async () => {
    const key = crypto.randomBytes(32);
    const { dataDir, session } = await signedInThenClosed(keychainVault(key));
    const files = filesOf(dataDir);
    expect(files.length).toBeGreaterThan(0);
    expect(holds(files, session.accessToken)).toBe(false);
    expect(holds(files, session.refreshToken)).toBe(false);

    const desk = await launch(dataDir, keychainVault(key));
    const status = await ok<AccountStatusDto>(desk, 'account.status');
    expect(status).toMatchObject({ signedIn: true, office: { company: 'Voyages Trousseau' }, signInLost: null });
    const synced: SyncStatusDto = await desk.sync.syncNow();
    expect(synced).toMatchObject({ connection: 'online', pendingChanges: 0 });
    expect((await options(desk)).map((o) => o.state)).toEqual(['active']);
  });

  it('signs the agent out with a sentence when the keychain refuses, keeping the unsent option, which goes once signed in again', async () => {
    const key = crypto.randomBytes(32);
    const { dataDir, credentials, optionId } = await signedInThenClosed(keychainVault(key));

    const desk = await launch(dataDir, keychainVault(key, true));
    const status = await ok<AccountStatusDto>(desk, 'account.status');
    expect(status).toMatchObject({ signedIn: false, signInLost: 'keychain-refused' });
    expect(desk.sync.status()).toMatchObject({ connection: 'signed-out', pendingChanges: 1 });
    expect((await options(desk)).map((o) => [o.id, o.state])).toEqual([[optionId, 'pending']]);

    const signedIn = await ok<AccountStatusDto>(desk, 'account.signIn', credentials);
    expect(signedIn).toMatchObject({ signedIn: true, signInLost: null });
    await desk.sync.syncNow();
    expect((await options(desk)).map((o) => [o.id, o.state])).toEqual([[optionId, 'active']]);
  });

  it('says it was sealed by the desktop app when opened by a launch that has no keychain (the browser host)', async () => {
    const { dataDir } = await signedInThenClosed(keychainVault(crypto.randomBytes(32)));
    const desk = await launch(dataDir, ownerOnlyFileVault);
    expect(await ok<AccountStatusDto>(desk, 'account.status')).toMatchObject({ signedIn: false, signInLost: 'sealed-elsewhere' });
  });

  it('seals a sign-in an earlier version kept in the clear at the first launch with a keychain', async () => {
    const key = crypto.randomBytes(32);
    const { dataDir, session } = await signedInThenClosed(keychainVault(key));
    const stored = syncStateInClear(dataDir, session);
    expect(holds(filesOf(dataDir), stored.refreshToken)).toBe(true);

    const desk = await launch(dataDir, keychainVault(key));
    expect(await ok<AccountStatusDto>(desk, 'account.status')).toMatchObject({ signedIn: true });
    await desk.close();
    const files = filesOf(dataDir);
    expect(holds(files, stored.refreshToken)).toBe(false);
    expect(holds(files, stored.accessToken)).toBe(false);
  });
});

describe('saving a sign-in', () => {
  it('never undoes a sign-out with a token renewal still being sealed', async () => {
    const dir = tempDir();
    const store = openStore(path.join(dir, DATABASE_FILE), MIGRATIONS_DIR);
    cleanups.push(() => { store.close(); fs.rmSync(dir, { recursive: true, force: true }); });
    let release!: () => void;
    const sealing = new Promise<void>((resolve) => { release = resolve; });
    const slowVault: SecretVault = { ...ownerOnlyFileVault, kind: 'slow', seal: async (plain) => { await sealing; return ownerOnlyFileVault.seal(plain); } };
    await syncState.openSession(store.db, slowVault);
    const renewal = { accessToken: 'a2', refreshToken: 'r2', expiresIn: 900, office: { id: 'o1', company: 'Voyages', status: 'validated' as const }, user: { email: 'a@b.example', contactName: 'A' } };
    const renewing = syncState.saveSession(store.db, renewal);
    syncState.signOut(store.db);
    release();
    await renewing;
    expect(syncState.session(store.db)).toBeNull();
  });
});

/** Rewrites the kept session as a version before the vault wrote it: tokens in the clear. */
function syncStateInClear(dataDir: string, session: StoredSession): StoredSession {
  const sqlite = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'sync.session'").run(JSON.stringify(session));
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
  return session;
}
