// "Restart to update" asked while the desk is sending its changes: the core defers the restart
// until the push has ended, then installs; the status the renderer reads says so at each step.
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdaterEvent, UpdaterPort } from '../../src-main/core/updates/updateLifecycle.std.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { startHoldingRelay } from '../support/holdingRelay.node.ts';
import { tempCore } from '../support/tempCore.node.ts';
import { ok, slotAt } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An update feed that always has 2.0.0, downloaded at once; it counts the installs. */
function feedWithNewVersion() {
  const listeners = new Set<(event: UpdaterEvent) => void>();
  const emit = (event: UpdaterEvent) => listeners.forEach((l) => l(event));
  const port: UpdaterPort = {
    async checkForUpdates() {
      emit({ type: 'checking' });
      emit({ type: 'available', version: '2.0.0' });
    },
    async downloadUpdate() {
      emit({ type: 'progress', percent: 100, transferred: 10, total: 10, bytesPerSecond: 10 });
      emit({ type: 'downloaded', version: '2.0.0' });
    },
    quitAndInstall: () => void installs.push('2.0.0'),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const installs: string[] = [];
  return { port, installs };
}

describe('updating the desk', () => {
  it('waits for a push under way to end before restarting, then installs by itself', async () => {
    const central = await startCentralHarness();
    cleanups.push(central.close);
    const relay = await startHoldingRelay(central.url);
    cleanups.push(relay.close);
    const feed = feedWithNewVersion();
    const desk = await tempCore(undefined, { centralUrl: relay.url, updates: { feedUrl: 'https://updates.example/', updaterFor: () => feed.port } });
    cleanups.push(() => desk.close());
    await ok(desk, 'account.signIn', await central.validatedOffice());
    await desk.sync.syncNow();
    await expect.poll(() => ok(desk, 'updates.status')).toEqual({ state: 'ready', version: '2.0.0' });

    const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '10:00');
    await ok(desk, 'options.place', { slotId: slot.id, composition: { visitors: 16, guides: 1, leaders: 0 } });
    const push = relay.holdNext('/sync/push');
    const syncing = desk.sync.syncNow();
    await push.reached();
    expect(desk.busyWith()).toBe('sync-push');
    expect(await ok(desk, 'updates.restart')).toEqual({ state: 'deferred', version: '2.0.0', reason: 'sync-push' });
    expect(feed.installs).toEqual([]);

    push.open();
    expect(await syncing).toMatchObject({ connection: 'online', pendingChanges: 0 });
    expect(feed.installs).toEqual(['2.0.0']);
  });

  it('is disabled where there is no updater (the browser host)', async () => {
    const desk = await tempCore();
    cleanups.push(() => desk.close());
    expect(await ok(desk, 'updates.check')).toEqual({ state: 'disabled', reason: 'no-feed-url' });
  });
});
