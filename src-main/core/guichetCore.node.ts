// Everything the main process owns, started once per app launch and shared by
// whichever transports are running (Electron IPC, the browser host, or both).
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { EventName, EventPayload } from '../contract/methods.std.ts';
import type { Store } from './store/openStore.node.ts';
import { openLocalStore } from './store/openLocalStore.node.ts';
import { backUpIfDue } from './store/dailyBackup.node.ts';
import { createUpdateLifecycle, type BusyReason, type UpdaterPort } from './updates/updateLifecycle.std.ts';
import { localDataView } from './rpc/localDataHandlers.node.ts';
import { readSetting } from './store/settingsRepo.node.ts';
import { createDispatch, type Dispatch } from './rpc/dispatch.node.ts';
import { handlers } from './rpc/handlers.node.ts';
import { cartCount, readCart } from './rpc/cartView.node.ts';
import { createCentralClient } from './sync/centralClient.node.ts';
import { createSyncEngine, type SyncEngine } from './sync/syncEngine.node.ts';
import { accountStatus } from './rpc/accountHandlers.node.ts';
import { createExpiryAnnouncer, expiringOptions } from './sync/expiringOptions.node.ts';
import { shareKeptRequests } from './sync/shareKeptRequests.node.ts';
import { ownerOnlyFileVault, type SecretVault } from './sync/secretVault.std.ts';
import { syncState } from './sync/syncState.node.ts';
import { readSettings } from './store/settingsRepo.node.ts';
import os from 'node:os';
import { createBundleQueue } from './print/bundle/bundleQueue.node.ts';
import type { DesktopShell } from './print/desktopShell.std.ts';
import { defaultPrinterPort } from './print/printers/choosePrinter.node.ts';
import type { PrinterPort } from './print/printers/printerPort.std.ts';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  appVersion: string;
  /** The central service to sync with, overriding the one chosen in settings. */
  centralUrl?: string | null;
  /** Starts a central service beside the desk when none is chosen (the demo's embedded one); resolves with its address. */
  embeddedCentral?: () => Promise<string>;
  /** The window has shown its first screen ('app.shown'); may be called more than once. */
  onWindowShown?: () => void;
  /** Start the background sync loop (tests drive `sync.syncNow()` themselves). */
  backgroundSync?: boolean;
  now?: () => Date;
  /** The printers this launch prints to (default: CUPS on Linux and macOS; the Electron shell passes its own). */
  printer?: PrinterPort;
  /** The Electron shell's save dialog and system viewer; absent in the browser host. */
  desktop?: DesktopShell;
  /** Test-only: a pause after each bundle page, to watch the progress bar end to end. */
  bundlePagePaceMs?: number;
  /** The end of the shell's log file, for diagnostics. */
  logTail?: () => string;
  /** Seals the sign-in tokens kept in the data file (the Electron shell's safeStorage); default: the file's owner-only mode. */
  vault?: SecretVault;
  /** The application's own updates (the Electron shell's electron-updater); none: disabled. */
  updates?: { feedUrl: string | null; updaterFor(feedUrl: string): UpdaterPort };
}

export interface GuichetCore {
  dispatch: Dispatch;
  store: Store;
  sync: SyncEngine;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Work under way that must not be cut short (by a restart to update), if any. */
  busyWith(): BusyReason | null;
  /** Called each time a payment, a push or a bundle starts or ends. */
  onBusyChanged(listener: () => void): () => void;
  /** Waits for the calls and the sync cycle under way, then closes the store. */
  close(): Promise<void>;
}

export const DATABASE_FILE = 'guichet.sqlite';

/** Calls that take the office's money: never cut short. */
const PAYMENTS = new Set(['cart.checkout', 'cart.buyNow']);
/** The daily backup is looked at a while after start (not to slow the first screen), then hourly. */
const FIRST_BACKUP_CHECK_MS = 60_000;
const BACKUP_CHECK_EVERY_MS = 60 * 60_000;

export async function startCore(options: CoreOptions): Promise<GuichetCore> {
  const { dataDir, migrationsDir, appVersion, backgroundSync = true, now = () => new Date() } = options;
  const { store, recovery } = openLocalStore(path.join(dataDir, DATABASE_FILE), migrationsDir, now());
  if (recovery) {
    console.warn(`[guichet] the local data file was damaged (${recovery.problem}): moved to ${recovery.damagedFile}; `
      + `${recovery.rescuedChanges} unsent changes rescued; a fresh store is pulled from the central service`);
  }
  shareKeptRequests(store, now().toISOString());
  await syncState.openSession(store.db, options.vault ?? ownerOnlyFileVault);
  const centralUrl = options.centralUrl
    ?? readSetting<string | null>(store.db, 'centralUrl')
    ?? (options.embeddedCentral ? await options.embeddedCentral() : null);
  const events = new EventEmitter();
  const busyChanged = () => events.emit('busy.changed');
  let payments = 0;
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => events.emit(event, payload);
  const central = createCentralClient(centralUrl ?? 'http://127.0.0.1:9/');
  const announce = createExpiryAnnouncer();
  const sync = createSyncEngine({
    store,
    client: central,
    now,
    onPulled: (entities) => {
      if (entities.has('order') || entities.has('ticket') || entities.has('groupCode')) emit('orders.changed', {});
      if (entities.has('voucher') || entities.has('voucherMuseum')) emit('vouchers.changed', {});
      if (entities.has('contact')) emit('contacts.changed', {});
      if (entities.has('dossier') || entities.has('option')) emit('dossiers.changed', {});
      if (entities.has('venueRequest')) emit('requests.changed', {});
      // An option that lapsed or was paid elsewhere leaves the cart.
      if (entities.has('option') || entities.has('voucherMuseum')) emit('cart.changed', { count: cartCount(readCart(store.db, now())) });
    },
    onAccountChanged: () => emit('account.changed', accountStatus({ store, centralUrl })),
    onStatus: (status) => {
      busyChanged();
      emit('sync.status', status);
      emit('options.changed', {});
      emit('companions.changed', {});
      const fresh = announce(expiringOptions(store.db, now(), readSettings(store.db).expiringSoonDays));
      if (fresh.length > 0) emit('options.expiring', { options: fresh });
    },
  });
  const bundles = createBundleQueue({
    dir: path.join(dataDir, 'bundles'),
    now,
    onChange: (job) => {
      emit('bundles.changed', job);
      busyChanged();
    },
    pagePaceMs: options.bundlePagePaceMs,
  });
  const busyWith = (): BusyReason | null => {
    if (payments > 0) return 'payment';
    if (sync.pushing()) return 'sync-push';
    return bundles.list().some((job) => job.state === 'queued' || job.state === 'running') ? 'bundle' : null;
  };
  const updates = createUpdateLifecycle({
    updaterFor: options.updates?.updaterFor ?? (() => { throw new Error('no updater here'); }),
    feedUrl: options.updates?.feedUrl ?? null,
    isBusy: busyWith,
    onStatus: (status) => emit('updates.status', status),
    now,
  });
  events.on('busy.changed', () => updates.busyChanged());
  const handle = createDispatch(handlers, {
    store, now, appVersion, dataDir, emit, centralUrl, central, sync, bundles,
    printer: options.printer ?? defaultPrinterPort(), desktop: options.desktop ?? null, workstation: os.hostname(),
    migrationsDir, busyWith, logTail: options.logTail ?? (() => ''), updates, windowShown: options.onWindowShown ?? (() => undefined),
  });
  // Calls under way when the app closes finish first: a payment half-written to the store
  // would be a payment the office cannot see.
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  const dispatch: Dispatch = (method, input) => {
    if (closing) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Guichet is closing; nothing was changed.', details: { method } } });
    const paying = PAYMENTS.has(method);
    if (paying) {
      payments += 1;
      busyChanged();
    }
    const call = handle(method, input);
    inFlight.add(call);
    void call.finally(() => {
      inFlight.delete(call);
      if (!paying) return;
      payments -= 1;
      busyChanged();
    });
    return call;
  };
  const dailyBackup = () => {
    if (closing) return;
    if (backUpIfDue(store, dataDir, now())) emit('localData.changed', localDataView({ store, dataDir }));
  };
  const firstBackupCheck = setTimeout(dailyBackup, FIRST_BACKUP_CHECK_MS).unref();
  const backupChecks = setInterval(dailyBackup, BACKUP_CHECK_EVERY_MS).unref();
  if (backgroundSync && centralUrl) sync.start();
  updates.check();
  return {
    dispatch,
    store,
    sync,
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    busyWith,
    onBusyChanged(listener) {
      events.on('busy.changed', listener);
      return () => events.off('busy.changed', listener);
    },
    close() {
      closing ??= (async () => {
        updates.dispose();
        clearTimeout(firstBackupCheck);
        clearInterval(backupChecks);
        await Promise.allSettled([...inFlight]);
        await sync.stop();
        await bundles.close();
        store.close();
      })();
      return closing;
    },
  };
}
