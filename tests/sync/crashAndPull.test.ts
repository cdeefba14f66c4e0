// What a crash or a cut connection must not do: lose a change, send it twice, or leave
// half a pull in the local store.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { ROOT, tempCore, tempDir, type TempCore } from '../support/tempCore.node.ts';
import { createCentralClient, OfflineError } from '../../src-main/core/sync/centralClient.node.ts';
import { createSyncEngine } from '../../src-main/core/sync/syncEngine.node.ts';
import { ok, options, signedInDesk, slotAt } from './helpers.node.ts';
import { startCuttableProxy } from '../support/cuttableProxy.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const count = (core: TempCore, sql: string) => core.store.sqlite.prepare(sql).pluck().get() as number;

describe('crash and interrupted pull', () => {
  it('a desktop killed right after a local commit resends on restart; the server holds exactly one option', async () => {
    const central = await startCentralHarness(new Date());
    cleanups.push(central.close);
    const dataDir = tempDir();
    const first = await tempCore(new Date(), { centralUrl: central.url, dataDir });
    await ok(first, 'account.signIn', await central.validatedOffice());
    await first.sync.syncNow();
    const day = new Date(Date.now() + 75 * 86_400_000).toISOString().slice(0, 10);
    const slot = await slotAt(first, 'sainte-chapelle', day, '11:00');
    first.store.close();

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/support/placeThenDie.node.ts'), dataDir, central.url, slot.id], { cwd: ROOT });
    const said = await new Promise<string>((resolve) => child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString())));
    expect(said).toContain('COMMITTED');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const restarted = await tempCore(new Date(), { centralUrl: central.url, dataDir });
    cleanups.push(() => restarted.close());
    expect(count(restarted, 'SELECT count(*) FROM outbox')).toBe(1);
    await restarted.sync.syncNow();
    await restarted.sync.syncNow();
    expect(count(restarted, 'SELECT count(*) FROM outbox')).toBe(0);
    const held = await options(restarted);
    expect(held).toHaveLength(1);
    expect(held[0]!.state).toBe('active');
    // The server's own view: its pull for this office carries exactly one option.
    expect((await slotAt(restarted, 'sainte-chapelle', day, '11:00')).remaining).toBe(slot.remaining - 11);
  });

  it('a push whose answer is lost is applied once; the outcome comes back on the next sync', async () => {
    const central = await startCentralHarness();
    cleanups.push(central.close);
    // The desk's own engine goes through a cable the test pulls, so only the lossy engine reaches the server.
    const cable = await startCuttableProxy(central.url);
    cleanups.push(cable.close);
    const desk = await signedInDesk(central, cleanups, undefined, cable.url);
    const slot = await slotAt(desk, 'conciergerie', '2025-03-19', '15:00');
    cable.cut();

    // The request reaches the server, which applies it; the answer never comes back.
    const losingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/sync/push')) throw new TypeError('connection reset');
      return response;
    };
    const lossy = createSyncEngine({ store: desk.store, client: createCentralClient(central.url, losingFetch), now: () => new Date('2025-01-10T09:00:00Z'), onStatus: () => undefined });
    const placed = await desk.dispatch('options.place', { slotId: slot.id, composition: { visitors: 14, guides: 1, leaders: 0 } });
    expect(placed.ok).toBe(true);
    expect((await lossy.syncNow()).connection).toBe('offline');
    expect(count(desk, 'SELECT count(*) FROM outbox')).toBe(1);

    cable.restore();
    await desk.sync.syncNow();
    expect(count(desk, 'SELECT count(*) FROM outbox')).toBe(0);
    expect((await options(desk)).map((o) => o.state)).toEqual(['active']);
    expect((await slotAt(desk, 'conciergerie', '2025-03-19', '15:00')).remaining).toBe(slot.remaining - 15);
  });

  it('a venue cancelling a slot reaches the desktop: the option shows "cancelled by the venue"', async () => {
    const central = await startCentralHarness();
    cleanups.push(central.close);
    const desk = await signedInDesk(central, cleanups);
    const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-25', '09:30');
    await ok(desk, 'options.place', { slotId: slot.id, composition: { visitors: 10, guides: 1, leaders: 0 } });
    await desk.sync.syncNow();

    expect((await central.admin(`/admin/slots/${encodeURIComponent(slot.id)}/cancel`, {})).ok).toBe(true);
    await desk.sync.syncNow();
    expect((await options(desk)).map((o) => o.state)).toEqual(['cancelled_by_venue']);
    expect((await slotAt(desk, 'sainte-chapelle', '2025-03-25', '09:30')).status).toBe('unavailable');
  });

  it('a pull cut between pages leaves the local store unchanged, and the next pull completes', async () => {
    // The demo's whole year: a first pull of several pages.
    const central = await startCentralHarness(undefined, { seedMonths: 12 });
    cleanups.push(central.close);
    const desk = await tempCore(new Date('2025-01-10T09:00:00Z'), { centralUrl: central.url });
    cleanups.push(() => desk.close());
    const signedIn = await ok(desk, 'account.signIn', await central.validatedOffice());
    expect(signedIn).toMatchObject({ signedIn: true });

    const client = createCentralClient(central.url);
    let pages = 0;
    const cut = createSyncEngine({
      store: desk.store,
      client,
      now: () => new Date('2025-01-10T09:00:00Z'),
      onStatus: () => undefined,
      onPage: (_page, index) => {
        pages = index + 1;
        if (index === 1) throw new OfflineError('cable pulled');
      },
    });
    const status = await cut.syncNow();
    expect(pages).toBe(2);
    expect(status.connection).toBe('offline');
    expect(count(desk, 'SELECT count(*) FROM server_slots')).toBe(0);
    expect(count(desk, 'SELECT count(*) FROM server_venues')).toBe(0);
    expect(desk.store.sqlite.prepare("SELECT value FROM settings WHERE key = 'sync.cookie'").pluck().get() ?? null).toBeNull();

    await desk.sync.syncNow();
    expect(count(desk, 'SELECT count(*) FROM server_slots')).toBeGreaterThan(40_000);
    expect((await slotAt(desk, 'sainte-chapelle', '2025-03-18', '13:15')).capacity).toBe(26);
  });
});
