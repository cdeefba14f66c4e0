// Everything the main process owns, started once per app launch and shared by
// whichever transports are running (Electron IPC, the browser host, or both).
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { EventName, EventPayload } from '../contract/methods.std.ts';
import { openStore, type Store } from './store/openStore.node.ts';
import { readSetting } from './store/settingsRepo.node.ts';
import { createDispatch, type Dispatch } from './rpc/dispatch.node.ts';
import { handlers } from './rpc/handlers.node.ts';
import { cartCount, readCart } from './rpc/cartView.node.ts';
import { createCentralClient } from './sync/centralClient.node.ts';
import { createSyncEngine, type SyncEngine } from './sync/syncEngine.node.ts';
import { accountStatus } from './rpc/accountHandlers.node.ts';
import { createExpiryAnnouncer, expiringOptions } from './sync/expiringOptions.node.ts';
import { shareKeptRequests } from './sync/shareKeptRequests.node.ts';
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
  /** Starts a central service in-process when none is chosen (the demo's embedded one). */
  embeddedCentral?: () => Promise<string>;
  /** Start the background sync loop (tests drive `sync.syncNow()` themselves). */
  backgroundSync?: boolean;
  now?: () => Date;
  /** The printers this launch prints to (default: CUPS on Linux and macOS; the Electron shell passes its own). */
  printer?: PrinterPort;
  /** The Electron shell's save dialog and system viewer; absent in the browser host. */
  desktop?: DesktopShell;
  /** Test-only: a pause after each bundle page, to watch the progress bar end to end. */
  bundlePagePaceMs?: number;
}

export interface GuichetCore {
  dispatch: Dispatch;
  store: Store;
  sync: SyncEngine;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Waits for the calls and the sync cycle under way, then closes the store. */
  close(): Promise<void>;
}

export const DATABASE_FILE = 'guichet.sqlite';

export async function startCore(options: CoreOptions): Promise<GuichetCore> {
  const { dataDir, migrationsDir, appVersion, backgroundSync = true, now = () => new Date() } = options;
  const store = openStore(path.join(dataDir, DATABASE_FILE), migrationsDir);
  shareKeptRequests(store, now().toISOString());
  const centralUrl = options.centralUrl
    ?? readSetting<string | null>(store.db, 'centralUrl')
    ?? (options.embeddedCentral ? await options.embeddedCentral() : null);
  const events = new EventEmitter();
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
      emit('sync.status', status);
      emit('options.changed', {});
      emit('companions.changed', {});
      const fresh = announce(expiringOptions(store.db, now(), readSettings(store.db).expiringSoonDays));
      if (fresh.length > 0) emit('options.expiring', { options: fresh });
    },
  });
  const bundles = createBundleQueue({
    dir: path.join(dataDir, 'bundles'), now, onChange: (job) => emit('bundles.changed', job), pagePaceMs: options.bundlePagePaceMs,
  });
  const handle = createDispatch(handlers, {
    store, now, appVersion, dataDir, emit, centralUrl, central, sync, bundles,
    printer: options.printer ?? defaultPrinterPort(), desktop: options.desktop ?? null, workstation: os.hostname(),
  });
  // Calls under way when the app closes finish first: a payment half-written to the store
  // would be a payment the office cannot see.
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  const dispatch: Dispatch = (method, input) => {
    if (closing) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Guichet is closing; nothing was changed.', details: { method } } });
    const call = handle(method, input);
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
    return call;
  };
  if (backgroundSync && centralUrl) sync.start();
  return {
    dispatch,
    store,
    sync,
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    close() {
      closing ??= (async () => {
        await Promise.allSettled([...inFlight]);
        await sync.stop();
        await bundles.close();
        store.close();
      })();
      return closing;
    },
  };
}
