// Requests to monuments booked through their own booking department (DOMAIN.md §1), against a
// real central service on loopback: recorded on one desk, seen and advanced on the office's
// other desks, never by another office; a desk that missed a step cannot undo it.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PullResponse, WireVenueRequest } from '../../src-main/contract/centralApi.std.ts';
import { methods } from '../../src-main/contract/methods.std.ts';
import { applyPull } from '../../src-main/core/sync/applyServerChanges.node.ts';
import { DATABASE_FILE, startCore } from '../../src-main/core/guichetCore.node.ts';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { MIGRATIONS_DIR, tempCore, tempDir, type TempCore } from '../support/tempCore.node.ts';
import { ok } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = new Date('2025-01-10T09:00:00Z');

interface RequestRow { id: string; state: string; notes: string; headCount: number; confirmedAt: string | null; paidAt: string | null }

async function desk(central: CentralHarness, credentials: { email: string; password: string }, now = NOW, dataDir?: string): Promise<TempCore> {
  const core = await tempCore(now, { centralUrl: central.url, ...(dataDir ? { dataDir } : {}) });
  cleanups.push(() => core.close());
  await ok(core, 'account.signIn', credentials);
  await core.sync.syncNow();
  return core;
}

const pantheon = (core: TempCore) => ok<RequestRow[]>(core, 'requests.list', { venueId: 'pantheon' });

describe('requests to monuments through sync', () => {
  it('are shared by the office’s workstations and by no other office', async () => {
    const central = await startCentralHarness(NOW);
    cleanups.push(central.close);
    const credentials = await central.validatedOffice('Voyages Demandes');
    const desks = [await desk(central, credentials), await desk(central, credentials)] as const;
    const stranger = await desk(central, await central.validatedOffice('Voyages Ailleurs'));
    const told: string[] = [];
    desks[0].on('requests.changed', () => told.push('requests.changed'));

    const created = await ok<RequestRow>(desks[1], 'requests.create', { venueId: 'pantheon', visitDate: '2025-04-02', headCount: 42, notes: 'Two coaches' });
    expect(methods['requests.create'].output.safeParse(created).success).toBe(true);
    await desks[1].sync.syncNow();
    await desks[0].sync.syncNow();
    await stranger.sync.syncNow();
    expect(await pantheon(desks[0])).toEqual([created]);
    expect(told).toEqual(['requests.changed']);
    expect(await pantheon(stranger)).toEqual([]);
    expect(await stranger.dispatch('requests.advance', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const confirmed = await ok<RequestRow>(desks[0], 'requests.advance', { id: created.id, notes: 'Confirmed by Mme Roux' });
    await desks[0].sync.syncNow();
    await desks[1].sync.syncNow();
    expect(await pantheon(desks[1])).toEqual([confirmed]);
    expect(confirmed).toMatchObject({ state: 'confirmed', notes: 'Confirmed by Mme Roux', confirmedAt: NOW.toISOString(), headCount: 42 });
    expect((await ok<{ pendingChanges: number }>(desks[0], 'sync.status')).pendingChanges).toBe(0);
    await stranger.sync.syncNow();
    expect(await pantheon(stranger)).toEqual([]);
  });

  it('a workstation that missed a step and advances its older copy ends with the further step, as every other one does', async () => {
    const central = await startCentralHarness(NOW);
    cleanups.push(central.close);
    const credentials = await central.validatedOffice();
    const ahead = await desk(central, credentials);
    const stale = await desk(central, credentials, new Date('2025-01-11T09:00:00Z'));
    const { id } = await ok<RequestRow>(ahead, 'requests.create', { venueId: 'pantheon', visitDate: '2025-04-02', headCount: 30 });
    await ahead.sync.syncNow();
    await stale.sync.syncNow();

    // Each step synced before the next: a sync under way when a change is recorded may have pushed already.
    await ok(ahead, 'requests.advance', { id, notes: 'Confirmed' });
    await ahead.sync.syncNow();
    const paid = await ok<RequestRow>(ahead, 'requests.advance', { id, notes: 'Paid by transfer' });
    await ahead.sync.syncNow();
    // Not synced since: it still shows the request as sent, and marks it confirmed.
    expect(await ok(stale, 'requests.advance', { id, notes: 'Confirmed on the phone' })).toMatchObject({ state: 'confirmed' });
    await stale.sync.syncNow();
    await ahead.sync.syncNow();

    expect(paid).toMatchObject({ state: 'paid', notes: 'Paid by transfer' });
    expect(await pantheon(stale)).toEqual([paid]);
    expect(await pantheon(ahead)).toEqual([paid]);
    expect((await ok<{ pendingChanges: number }>(stale, 'sync.status')).pendingChanges).toBe(0);
  });

  it('requests kept on one workstation before they were shared are sent once, at its first start since', async () => {
    const central = await startCentralHarness(NOW);
    cleanups.push(central.close);
    const credentials = await central.validatedOffice();
    const dataDir = tempDir();
    const before = await startCore({ dataDir, migrationsDir: MIGRATIONS_DIR, appVersion: 'before', now: () => NOW, backgroundSync: false, centralUrl: central.url });
    await ok(before as TempCore, 'account.signIn', credentials);
    await before.sync.syncNow();
    await before.close();
    // What a version that kept requests on one workstation left in its data folder.
    const sqlite = new Database(path.join(dataDir, DATABASE_FILE));
    sqlite.prepare(`INSERT INTO venue_requests (id, venue_id, visit_date, head_count, state, notes, sent_at, confirmed_at)
      VALUES ('0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f', 'pantheon', '2025-03-12', 25, 'confirmed', 'Kept here', '2025-01-02T10:00:00.000Z', '2025-01-03T10:00:00.000Z')`).run();
    sqlite.prepare("DELETE FROM settings WHERE key = 'sync.keptRequestsShared'").run();
    sqlite.close();

    const upgraded = await tempCore(NOW, { centralUrl: central.url, dataDir });
    cleanups.push(() => upgraded.close());
    expect((await ok<{ pendingChanges: number }>(upgraded, 'sync.status')).pendingChanges).toBe(1);
    await upgraded.sync.syncNow();
    const colleague = await desk(central, credentials);
    const kept = { id: '0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f', state: 'confirmed', notes: 'Kept here', headCount: 25, confirmedAt: '2025-01-03T10:00:00.000Z', paidAt: null };
    expect(await pantheon(colleague)).toEqual([expect.objectContaining(kept)]);
    expect(await pantheon(upgraded)).toEqual([expect.objectContaining(kept)]);
    expect((await ok<{ pendingChanges: number }>(upgraded, 'sync.status')).pendingChanges).toBe(0);
  });

  it('signing in as another office on the same workstation leaves the previous office’s requests behind', async () => {
    const central = await startCentralHarness(NOW);
    cleanups.push(central.close);
    const shared = await desk(central, await central.validatedOffice('Voyages Un'));
    await ok(shared, 'requests.create', { venueId: 'pantheon', visitDate: '2025-04-02', headCount: 30 });
    await shared.sync.syncNow();
    await ok(shared, 'account.signOut');
    await ok(shared, 'account.signIn', await central.validatedOffice('Voyages Deux'));
    await shared.sync.syncNow();
    expect(await pantheon(shared)).toEqual([]);
  });

  it('a change not sent yet is replayed over what a pull brings, and never undoes a further step', async () => {
    const offline = await tempCore(NOW);
    cleanups.push(() => offline.close());
    const created = await ok<Omit<WireVenueRequest, 'updatedAt'>>(offline, 'requests.create', { venueId: 'pantheon', visitDate: '2025-04-02', headCount: 30 });
    const confirmed = await ok<RequestRow>(offline, 'requests.advance', { id: created.id, notes: 'Confirmed' });
    const pulled = (request: WireVenueRequest): PullResponse => ({
      cookie: '1', patch: [{ op: 'put', entity: 'venueRequest', id: request.id, value: request }], lastMutationId: 0, results: [],
      hasMore: false, serverTime: NOW.toISOString(),
    });

    // The service has the request as sent only: the pending step is shown on top of it.
    applyPull(offline.store, [pulled({ ...created, updatedAt: NOW.toISOString() })], NOW);
    expect(await pantheon(offline)).toEqual([confirmed]);
    // Another workstation has it paid already: the pending, earlier step does not hide that.
    const paid = { ...created, state: 'paid' as const, notes: 'Paid by transfer', confirmedAt: NOW.toISOString(), paidAt: NOW.toISOString() };
    applyPull(offline.store, [pulled({ ...paid, updatedAt: NOW.toISOString() })], NOW);
    expect(await pantheon(offline)).toEqual([paid]);
    expect((await ok<{ pendingChanges: number }>(offline, 'sync.status')).pendingChanges).toBe(2);
  });
});
