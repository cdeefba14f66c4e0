import type { EventName, EventPayload, MethodName, MethodOutput, ParsedInput } from '../../contract/methods.std.ts';
import type { Store } from '../store/openStore.node.ts';
import type { CentralClient } from '../sync/centralClient.node.ts';
import type { SyncEngine } from '../sync/syncEngine.node.ts';
import type { BundleQueue } from '../print/bundle/bundleQueue.node.ts';
import type { DesktopShell } from '../print/desktopShell.std.ts';
import type { PrinterPort } from '../print/printers/printerPort.std.ts';
import type { BusyReason, UpdateLifecycle } from '../updates/updateLifecycle.std.ts';

export interface HandlerContext {
  store: Store;
  /** The current instant. Injected so tests (and later the server clock offset) decide "now". */
  now(): Date;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  appVersion: string;
  dataDir: string;
  /** The central service this launch talks to (null: none configured). */
  centralUrl: string | null;
  central: CentralClient;
  sync: SyncEngine;
  bundles: BundleQueue;
  printer: PrinterPort;
  /** Null in the browser host, which has no save dialog and no system viewer. */
  desktop: DesktopShell | null;
  /** This machine's name, written in the print history. */
  workstation: string;
  /** The local store's numbered migrations (a restored backup may need them). */
  migrationsDir: string;
  /** Work that must not be cut short (by a restore, or a restart to update), if any is under way. */
  busyWith(): BusyReason | null;
  /** The end of the app's log file, for diagnostics ('' where there is none). */
  logTail(): string;
  /** The window has shown its first screen (CoreOptions.onWindowShown). */
  windowShown(): void;
  /** The application's own updates (disabled where there is no updater: the browser host). */
  updates: UpdateLifecycle;
}


export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: HandlerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerTable<K extends MethodName = MethodName> = { [M in K]: Handler<M> };
