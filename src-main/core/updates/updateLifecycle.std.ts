// The application's own updates, from the check to the restart that installs them. The
// updater (electron-updater in the desktop app) only reports what happened; every decision
// lives here, where a fake updater can walk it through each path: when to download, whether
// a restart may happen now, and that a failure keeps the running version.

/** What the updater reports, one event per electron-updater `autoUpdater` event. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number; transferred: number; total: number; bytesPerSecond: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export interface UpdaterPort {
  /** Settles after the verdict (`available`, `not-available` or `error`) has been reported. */
  checkForUpdates(): Promise<void>;
  downloadUpdate(): Promise<void>;
  quitAndInstall(): void;
  /** Returns the unsubscribe. */
  subscribe(listener: (event: UpdaterEvent) => void): () => void;
}

/** Work that a restart would cut short. */
export type BusyReason = 'payment' | 'sync-push' | 'bundle';

/** What the renderer shows; it carries data only, the renderer writes the sentence. */
export type UpdateStatus =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date'; checkedAt: string }
  | { state: 'available'; version: string }
  | { state: 'downloading'; version: string; percent: number }
  | { state: 'ready'; version: string }
  | { state: 'deferred'; version: string; reason: BusyReason }
  /** Handed to the installer once: the app quits. Never handed twice, whatever happens next. */
  | { state: 'installing'; version: string }
  /**
   * The running version is kept. `corrupt`: the download arrived but did not match its
   * published checksum (so it was discarded), as opposed to not arriving at all.
   * `message` is the updater's own, for the details and the log.
   */
  | { state: 'error'; kind: 'check' | 'download'; corrupt: boolean; message: string }
  | { state: 'disabled'; reason: 'no-feed-url' };

export interface UpdateLifecycle {
  status(): UpdateStatus;
  /** At start and from the menu; ignored while a check, a download or an install is under way. */
  check(): void;
  /** Installs now, or as soon as the work that makes the app busy ends. */
  restartToUpdate(): void;
  /** To be called whenever a payment, a sync push or a bundle starts or ends. */
  busyChanged(): void;
  dispose(): void;
}

// electron-updater says "sha512 checksum mismatch, expected …, got …" for a download that
// does not match latest.yml, and "checksum mismatch: expected … but got …" for one that does
// not match the server's X-Checksum-Sha2 header.
const CORRUPT_DOWNLOAD = /checksum mismatch/i;

/** States from which a check may start: nothing is under way and nothing is waiting to be installed. */
const CHECKABLE = new Set<UpdateStatus['state']>(['idle', 'up-to-date', 'error']);
/** States in which an update has been found, so a failure concerns its download (or install). */
const PAST_CHECK = new Set<UpdateStatus['state']>(['available', 'downloading', 'ready', 'deferred', 'installing']);

export function createUpdateLifecycle(options: {
  /** Called only when a feed URL is configured, so that without one the updater is never set up. */
  updaterFor: (feedUrl: string) => UpdaterPort;
  feedUrl: string | null | undefined;
  isBusy: () => BusyReason | null;
  onStatus: (status: UpdateStatus) => void;
  now: () => Date;
}): UpdateLifecycle {
  const { isBusy, onStatus, now } = options;
  const feedUrl = options.feedUrl?.trim();
  if (!feedUrl) {
    const disabled: UpdateStatus = { state: 'disabled', reason: 'no-feed-url' };
    return { status: () => disabled, check() {}, restartToUpdate() {}, busyChanged() {}, dispose() {} };
  }
  const updater = options.updaterFor(feedUrl);
  let current: UpdateStatus = { state: 'idle' };
  let disposed = false;

  const set = (next: UpdateStatus) => {
    if (disposed) return;
    current = next;
    onStatus(next);
  };

  // The updater both emits `error` and rejects the promise of the call that failed: the
  // first of the two is reported, the other finds the error already there.
  const fail = (error: unknown) => {
    if (current.state === 'error') return;
    const message = error instanceof Error ? error.message : String(error);
    // Only a download is checked against a checksum, so a mismatch is always a download error.
    const corrupt = CORRUPT_DOWNLOAD.test(message);
    set({ state: 'error', kind: PAST_CHECK.has(current.state) ? 'download' : 'check', corrupt, message });
  };

  const startDownload = (version: string) => {
    set({ state: 'available', version });
    set({ state: 'downloading', version, percent: 0 });
    updater.downloadUpdate().catch(fail);
  };

  const installWhenFree = (version: string) => {
    const reason = isBusy();
    if (reason) {
      if (current.state !== 'deferred' || current.reason !== reason) set({ state: 'deferred', version, reason });
      return;
    }
    set({ state: 'installing', version });
    try {
      updater.quitAndInstall();
    } catch (error) {
      fail(error);
    }
  };

  const unsubscribe = updater.subscribe((event) => {
    switch (event.type) {
      case 'checking':
        if (CHECKABLE.has(current.state)) set({ state: 'checking' });
        return;
      case 'available':
        if (current.state === 'checking' || CHECKABLE.has(current.state)) startDownload(event.version);
        return;
      case 'not-available':
        if (current.state === 'checking') set({ state: 'up-to-date', checkedAt: now().toISOString() });
        return;
      case 'progress': {
        if (current.state !== 'downloading') return;
        // A bar that never moves back: electron-updater restarts from zero when a
        // differential download falls back to the full file.
        const percent = Math.max(current.percent, Math.min(100, Math.max(0, Math.round(event.percent))));
        if (percent !== current.percent) set({ ...current, percent });
        return;
      }
      case 'downloaded':
        if (current.state === 'available' || current.state === 'downloading') set({ state: 'ready', version: event.version });
        return;
      case 'error':
        fail(event.message);
    }
  });

  return {
    status: () => current,
    check() {
      if (disposed || !CHECKABLE.has(current.state)) return;
      set({ state: 'checking' });
      updater.checkForUpdates().then(() => {
        // Settled without a verdict: electron-updater does nothing in an app that is not
        // packaged, and a check left "under way" would refuse every later one.
        if (current.state === 'checking') set({ state: 'idle' });
      }, fail);
    },
    restartToUpdate() {
      if (disposed) return;
      if (current.state === 'ready' || current.state === 'deferred') installWhenFree(current.version);
    },
    busyChanged() {
      if (disposed) return;
      if (current.state === 'deferred') installWhenFree(current.version);
    },
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}
