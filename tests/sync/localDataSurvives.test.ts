// The office's local data file meets accidents: bytes overwritten on disk, a backup put back.
// Each time the agent keeps what only this computer knew, and the central service gets every
// change exactly once.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, startCore, type GuichetCore } from '../../src-main/core/guichetCore.node.ts';
import { methods } from '../../src-main/contract/methods.std.ts';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { startCuttableProxy } from '../support/cuttableProxy.node.ts';
import { MIGRATIONS_DIR, tempDir, type TempCore } from '../support/tempCore.node.ts';
import { ok, options, slotAt } from './helpers.node.ts';

const NOW = new Date('2025-01-10T09:00:00Z');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const group = (visitors: number) => ({ visitors, guides: 1, leaders: 0 });

/** A desk on a data folder that outlives it, as the app's is between two launches. */
async function deskOn(dataDir: string, centralUrl: string, now = NOW): Promise<TempCore> {
  const core: GuichetCore = await startCore({ dataDir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', now: () => now, backgroundSync: false, centralUrl });
  const closeCore = core.close;
  let closed: Promise<void> | undefined;
  const desk = Object.assign(core, { dataDir, close: () => (closed ??= closeCore()) });
  cleanups.push(() => desk.close());
  return desk;
}

async function setUp() {
  const central = await startCentralHarness(NOW);
  cleanups.push(central.close);
  const proxy = await startCuttableProxy(central.url);
  cleanups.push(proxy.close);
  const dataDir = tempDir();
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const desk = await deskOn(dataDir, proxy.url);
  await ok(desk, 'account.signIn', await central.validatedOffice());
  await desk.sync.syncNow();
  return { central, proxy, dataDir, desk };
}

/** What another office sees of a slot: the central service's own count. */
async function remainingSeenByAnotherOffice(central: CentralHarness, time: string): Promise<number> {
  const dir = tempDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const other = await deskOn(dir, central.url);
  await ok(other, 'account.signIn', await central.validatedOffice());
  await other.sync.syncNow();
  const { remaining } = await slotAt(other, 'sainte-chapelle', '2025-03-18', time);
  await other.close();
  return remaining;
}

function overwrite(file: string, at: number, length: number) {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, at);
  fs.closeSync(fd);
}

describe('a local data file damaged on disk', () => {
  it('is moved aside at start; the changes not yet sent are rescued and sent once; the office stays signed in', async () => {
    const { central, proxy, dataDir, desk } = await setUp();
    const before = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '10:00');
    proxy.cut();
    const first = await ok<{ id: string }>(desk, 'options.place', { slotId: before.id, composition: group(16) });
    const second = await ok<{ id: string }>(desk, 'options.place', { slotId: before.id, composition: group(5) });
    expect(await desk.sync.syncNow()).toMatchObject({ connection: 'offline', pendingChanges: 2 });
    await desk.close();

    // Bytes overwritten in the middle of the file, among the year of slots it mirrors.
    const file = path.join(dataDir, DATABASE_FILE);
    const size = fs.statSync(file).size;
    overwrite(file, Math.floor(size / 2 / 4096) * 4096, 64 * 1024);

    proxy.restore();
    const reopened = await deskOn(dataDir, proxy.url);
    const localData = await ok<{ recovery: Record<string, unknown> | null }>(reopened, 'localData.get');
    expect(methods['localData.get'].output.safeParse(localData).success).toBe(true);
    expect(localData.recovery).toMatchObject({ rescuedChanges: 2, outboxRescued: true, sessionKept: true });
    expect(fs.existsSync(String(localData.recovery!.damagedFile))).toBe(true);
    expect(await ok(reopened, 'sync.status')).toMatchObject({ pendingChanges: 2 });
    expect(await ok(reopened, 'account.status')).toMatchObject({ signedIn: true });

    expect(await reopened.sync.syncNow()).toMatchObject({ connection: 'online', pendingChanges: 0 });
    const held = await options(reopened);
    expect(held.map((o) => [o.id, o.state]).sort()).toEqual([[first.id, 'active'], [second.id, 'active']].sort());
    // The fresh store pulled the catalogue again, and the service took the seats once.
    expect((await slotAt(reopened, 'sainte-chapelle', '2025-03-18', '10:00')).remaining).toBe(before.remaining - 17 - 6);
    expect(await remainingSeenByAnotherOffice(central, '10:00')).toBe(before.remaining - 17 - 6);

    expect(await ok(reopened, 'localData.dismissRecovery')).toMatchObject({ recovery: null });
  });

  it('whose first page is gone: nothing can be read back, the agent is told so, and a fresh store works', async () => {
    const { proxy, dataDir, desk, central } = await setUp();
    proxy.cut();
    const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '11:00');
    await ok(desk, 'options.place', { slotId: slot.id, composition: group(16) });
    await desk.close();
    overwrite(path.join(dataDir, DATABASE_FILE), 0, 4096);

    proxy.restore();
    const reopened = await deskOn(dataDir, proxy.url);
    expect((await ok<{ recovery: unknown }>(reopened, 'localData.get')).recovery)
      .toMatchObject({ rescuedChanges: 0, outboxRescued: false, sessionKept: false });
    expect(await ok(reopened, 'account.status')).toMatchObject({ signedIn: false });
    await ok(reopened, 'account.signIn', await central.validatedOffice());
    expect(await reopened.sync.syncNow()).toMatchObject({ connection: 'online', pendingChanges: 0 });
    expect((await slotAt(reopened, 'sainte-chapelle', '2025-03-18', '11:00')).remaining).toBe(slot.remaining);
  });
});

describe('restoring a backup', () => {
  it('puts the backup back, sends nothing the service already has, keeps what was entered since, and numbers on', async () => {
    const { central, proxy, desk } = await setUp();
    const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '14:00');
    proxy.cut();
    // Backed up while this option waits to be sent…
    const sentAfterBackup = await ok<{ id: string }>(desk, 'options.place', { slotId: slot.id, composition: group(16) });
    const backup = await ok<{ fileName: string }>(desk, 'localData.backUp');
    // …then sent and acknowledged.
    proxy.restore();
    expect(await desk.sync.syncNow()).toMatchObject({ connection: 'online', pendingChanges: 0 });
    // A change entered offline after the backup.
    proxy.cut();
    const enteredSince = await ok<{ id: string }>(desk, 'options.place', { slotId: slot.id, composition: group(3) });

    const outcome = await ok<{ changesToSend: number; alreadySent: number; undoBackup: { reason: string } }>(desk, 'localData.restore', { fileName: backup.fileName });
    expect(methods['localData.restore'].output.safeParse(outcome).success).toBe(true);
    expect(outcome).toMatchObject({ changesToSend: 1, alreadySent: 1, undoBackup: { reason: 'before-restore' } });
    const listed = await ok<{ backups: { fileName: string; reason: string }[] }>(desk, 'localData.get');
    expect(listed.backups.map((b) => b.reason).sort()).toEqual(['before-restore', 'manual']);

    proxy.restore();
    expect(await desk.sync.syncNow()).toMatchObject({ connection: 'online', pendingChanges: 0 });
    // A change made after the restore gets a number the service has never seen.
    const afterRestore = await ok<{ id: string }>(desk, 'options.place', { slotId: slot.id, composition: group(2) });
    expect(await desk.sync.syncNow()).toMatchObject({ connection: 'online', pendingChanges: 0, rejectedChanges: 0, refusedChanges: 0 });

    const states = Object.fromEntries((await options(desk)).map((o) => [o.id, o.state]));
    expect(states).toEqual({ [sentAfterBackup.id]: 'active', [enteredSince.id]: 'active', [afterRestore.id]: 'active' });
    expect(await remainingSeenByAnotherOffice(central, '14:00')).toBe(slot.remaining - 17 - 4 - 3);
  });

  it('refuses a name that is not one of the listed backups, and changes nothing', async () => {
    const { desk } = await setUp();
    const before = await ok(desk, 'sync.status');
    expect(await desk.dispatch('localData.restore', { fileName: '../guichet.sqlite' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ok(desk, 'sync.status')).toEqual(before);
  });
});
