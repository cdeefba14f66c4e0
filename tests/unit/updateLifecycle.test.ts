// The update life cycle as an office agent lives it, driven by a fake updater that behaves
// like electron-updater: it reports each step as an event, reports a check's verdict before
// the check's promise settles, and reports a failure both as an `error` event and as the
// rejection of the call that failed.
import { describe, expect, it } from 'vitest';
import {
  createUpdateLifecycle,
  type BusyReason,
  type UpdaterEvent,
  type UpdaterPort,
  type UpdateStatus,
} from '../../src-main/core/updates/updateLifecycle.std.ts';

const FEED = 'https://updates.guichet.example/';
const NOW = new Date('2026-03-02T09:15:00.000Z');
const CHECKSUM_MISMATCH = 'sha512 checksum mismatch, expected 3q2+7w==, got 8J+Ygw==';

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Lets the lifecycle see how the updater's promises settled. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

class FakeUpdater implements UpdaterPort {
  checks = 0;
  downloads = 0;
  installs = 0;
  private listener: ((event: UpdaterEvent) => void) | undefined;
  private check: Pending | undefined;
  private download: Pending | undefined;

  subscribe(listener: (event: UpdaterEvent) => void) {
    this.listener = listener;
    return () => {
      this.listener = undefined;
    };
  }
  checkForUpdates() {
    this.checks += 1;
    this.emit({ type: 'checking' });
    return new Promise<void>((resolve, reject) => {
      this.check = { resolve, reject };
    });
  }
  downloadUpdate() {
    this.downloads += 1;
    return new Promise<void>((resolve, reject) => {
      this.download = { resolve, reject };
    });
  }
  quitAndInstall() {
    this.installs += 1;
  }

  async findsNothing() {
    this.emit({ type: 'not-available' });
    this.check!.resolve();
    await settled();
  }
  async finds(version: string) {
    this.emit({ type: 'available', version });
    this.check!.resolve();
    await settled();
  }
  async checkFails(message: string) {
    this.emit({ type: 'error', message });
    this.check!.reject(new Error(message));
    await settled();
  }
  /** What electron-updater does in an app that is not packaged: nothing, then resolves. */
  async answersNothing() {
    this.check!.resolve();
    await settled();
  }
  progresses(percent: number) {
    const total = 120_000_000;
    this.emit({ type: 'progress', percent, transferred: Math.round((total * percent) / 100), total, bytesPerSecond: 2_000_000 });
  }
  async downloadCompletes(version: string) {
    this.emit({ type: 'downloaded', version });
    this.download!.resolve();
    await settled();
  }
  async downloadFails(message: string) {
    this.emit({ type: 'error', message });
    this.download!.reject(new Error(message));
    await settled();
  }
  private emit(event: UpdaterEvent) {
    this.listener?.(event);
  }
}

function start(options: { feedUrl?: string | null } = {}) {
  const updater = new FakeUpdater();
  const seen: UpdateStatus[] = [];
  const feedsOpened: string[] = [];
  let busy: BusyReason | null = null;
  const lifecycle = createUpdateLifecycle({
    updaterFor: (feedUrl) => {
      feedsOpened.push(feedUrl);
      return updater;
    },
    feedUrl: 'feedUrl' in options ? options.feedUrl : FEED,
    isBusy: () => busy,
    onStatus: (status) => seen.push(status),
    now: () => NOW,
  });
  const setBusy = (reason: BusyReason | null) => {
    busy = reason;
    lifecycle.busyChanged();
  };
  return { updater, lifecycle, seen, feedsOpened, setBusy };
}

/** Checks, finds `version` and downloads it whole: the status is then "Restart to update". */
async function readyToInstall(version = '2.1.0') {
  const app = start();
  app.lifecycle.check();
  await app.updater.finds(version);
  await app.updater.downloadCompletes(version);
  app.seen.length = 0;
  return app;
}

describe('the update life cycle', () => {
  it('says the running version is the latest when the feed has nothing newer', async () => {
    const { updater, lifecycle, seen } = start();
    lifecycle.check();
    await updater.findsNothing();
    expect(seen).toEqual([{ state: 'checking' }, { state: 'up-to-date', checkedAt: '2026-03-02T09:15:00.000Z' }]);
    expect(lifecycle.status()).toEqual({ state: 'up-to-date', checkedAt: '2026-03-02T09:15:00.000Z' });
    expect(updater.downloads).toBe(0);
    expect(updater.installs).toBe(0);
  });

  it('downloads an update in the background with a progress bar that never moves back, then installs it on "Restart to update"', async () => {
    const { updater, lifecycle, seen } = start();
    lifecycle.check();
    await updater.finds('2.1.0');
    updater.progresses(12.4);
    updater.progresses(12.2);
    updater.progresses(57.6);
    // A differential download falling back to the full file starts again from zero.
    updater.progresses(3);
    updater.progresses(100);
    await updater.downloadCompletes('2.1.0');
    expect(seen).toEqual([
      { state: 'checking' },
      { state: 'available', version: '2.1.0' },
      { state: 'downloading', version: '2.1.0', percent: 0 },
      { state: 'downloading', version: '2.1.0', percent: 12 },
      { state: 'downloading', version: '2.1.0', percent: 58 },
      { state: 'downloading', version: '2.1.0', percent: 100 },
      { state: 'ready', version: '2.1.0' },
    ]);
    expect(updater.downloads).toBe(1);
    expect(updater.installs).toBe(0);

    lifecycle.restartToUpdate();
    expect(updater.installs).toBe(1);
  });

  it.each<[string, BusyReason]>([
    ['a payment', 'payment'],
    ['a sync push', 'sync-push'],
    ['a ticket bundle', 'bundle'],
  ])('waits for %s to end before restarting, then restarts by itself', async (_work, reason) => {
    const { updater, lifecycle, seen, setBusy } = await readyToInstall();
    setBusy(reason);
    lifecycle.restartToUpdate();
    expect(seen).toEqual([{ state: 'deferred', version: '2.1.0', reason }]);
    expect(updater.installs).toBe(0);

    // Another piece of the same work starting or ending changes nothing while some remains.
    setBusy(reason);
    lifecycle.restartToUpdate();
    expect(seen).toHaveLength(1);
    expect(updater.installs).toBe(0);

    setBusy(null);
    expect(updater.installs).toBe(1);
  });

  it('keeps waiting while one piece of work hands over to another, and says which one it waits for', async () => {
    const { updater, lifecycle, seen, setBusy } = await readyToInstall();
    setBusy('payment');
    lifecycle.restartToUpdate();
    setBusy('sync-push');
    expect(seen).toEqual([
      { state: 'deferred', version: '2.1.0', reason: 'payment' },
      { state: 'deferred', version: '2.1.0', reason: 'sync-push' },
    ]);
    expect(updater.installs).toBe(0);
    setBusy(null);
    expect(updater.installs).toBe(1);
  });

  it('never restarts on its own when the agent has not asked to', async () => {
    const { updater, seen, setBusy } = await readyToInstall();
    setBusy('payment');
    setBusy(null);
    expect(seen).toEqual([]);
    expect(updater.installs).toBe(0);
  });

  it('says a check failed, and a later check works', async () => {
    const { updater, lifecycle, seen } = start();
    lifecycle.check();
    await updater.checkFails('net::ERR_INTERNET_DISCONNECTED');
    expect(seen).toEqual([
      { state: 'checking' },
      { state: 'error', kind: 'check', corrupt: false, message: 'net::ERR_INTERNET_DISCONNECTED' },
    ]);

    seen.length = 0;
    lifecycle.check();
    await updater.findsNothing();
    expect(seen).toEqual([{ state: 'checking' }, { state: 'up-to-date', checkedAt: '2026-03-02T09:15:00.000Z' }]);
    expect(updater.installs).toBe(0);
  });

  it('says a download failed, keeps the running version, and a later check downloads again', async () => {
    const { updater, lifecycle, seen } = start();
    lifecycle.check();
    await updater.finds('2.1.0');
    updater.progresses(40);
    await updater.downloadFails('Cannot download "https://updates.guichet.example/Guichet-2.1.0.exe", status 404');
    expect(seen.at(-1)).toEqual({
      state: 'error', kind: 'download', corrupt: false,
      message: 'Cannot download "https://updates.guichet.example/Guichet-2.1.0.exe", status 404',
    });
    lifecycle.restartToUpdate();
    expect(updater.installs).toBe(0);

    seen.length = 0;
    lifecycle.check();
    await updater.finds('2.1.0');
    expect(seen).toEqual([
      { state: 'checking' },
      { state: 'available', version: '2.1.0' },
      { state: 'downloading', version: '2.1.0', percent: 0 },
    ]);
    expect(updater.downloads).toBe(2);
  });

  it('reports a download that does not match its checksum as a damaged download, never installs it, and a later check recovers', async () => {
    const { updater, lifecycle, seen } = start();
    lifecycle.check();
    await updater.finds('2.1.0');
    updater.progresses(100);
    await updater.downloadFails(CHECKSUM_MISMATCH);
    expect(seen.slice(-2)).toEqual([
      { state: 'downloading', version: '2.1.0', percent: 100 },
      { state: 'error', kind: 'download', corrupt: true, message: CHECKSUM_MISMATCH },
    ]);
    lifecycle.restartToUpdate();
    expect(updater.installs).toBe(0);

    lifecycle.check();
    await updater.finds('2.1.0');
    await updater.downloadCompletes('2.1.0');
    expect(lifecycle.status()).toEqual({ state: 'ready', version: '2.1.0' });
    lifecycle.restartToUpdate();
    expect(updater.installs).toBe(1);
  });

  it('ignores a check asked for while one is under way or the update downloads: one download only', async () => {
    const { updater, lifecycle, seen } = start();
    lifecycle.check();
    lifecycle.check();
    expect(updater.checks).toBe(1);
    await updater.finds('2.1.0');
    lifecycle.check();
    updater.progresses(30);
    lifecycle.check();
    expect(updater.checks).toBe(1);
    expect(updater.downloads).toBe(1);
    expect(seen.map((status) => status.state)).toEqual(['checking', 'available', 'downloading', 'downloading']);
  });

  it('ignores a check while an update waits for its restart, so the waiting update is not downloaded again', async () => {
    const { updater, lifecycle, seen, setBusy } = await readyToInstall();
    lifecycle.check();
    setBusy('bundle');
    lifecycle.restartToUpdate();
    lifecycle.check();
    expect(updater.checks).toBe(1);
    expect(seen).toEqual([{ state: 'deferred', version: '2.1.0', reason: 'bundle' }]);
  });

  it('lets the agent check again when the updater answers nothing (an app run unpackaged)', async () => {
    const { updater, lifecycle, seen } = start();
    lifecycle.check();
    await updater.answersNothing();
    lifecycle.check();
    await updater.findsNothing();
    expect(seen.map((status) => status.state)).toEqual(['checking', 'idle', 'checking', 'up-to-date']);
  });

  it.each([
    ['no feed URL', null],
    ['an empty feed URL', '  '],
  ])('is disabled with %s: the updater is never set up and checking does nothing', (_case, feedUrl) => {
    const { lifecycle, seen, feedsOpened } = start({ feedUrl });
    lifecycle.check();
    lifecycle.restartToUpdate();
    expect(lifecycle.status()).toEqual({ state: 'disabled', reason: 'no-feed-url' });
    expect(seen).toEqual([]);
    expect(feedsOpened).toEqual([]);
  });

  it('opens the configured feed', () => {
    expect(start().feedsOpened).toEqual([FEED]);
  });

  it('stops listening to the updater once disposed', async () => {
    const { updater, lifecycle, seen } = start();
    lifecycle.check();
    lifecycle.dispose();
    await updater.finds('2.1.0');
    expect(seen).toEqual([{ state: 'checking' }]);
    expect(updater.downloads).toBe(0);
  });
});
