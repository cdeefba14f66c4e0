// Closing the app while a sync is on the network: the desk waits for the answer and writes
// it before its store closes, and refuses new calls meanwhile. Earlier, the store closed at
// once and the answer died on it ("The database connection is not open"), its news lost.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { DATABASE_FILE, startCore } from '../../src-main/core/guichetCore.node.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { startHoldingRelay } from '../support/holdingRelay.node.ts';
import { MIGRATIONS_DIR, tempDir, type TempCore } from '../support/tempCore.node.ts';
import { ok, slotAt } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('a desk closed while its pull is on the network writes the answer first, then closes', async () => {
  const central = await startCentralHarness();
  cleanups.push(central.close);
  const relay = await startHoldingRelay(central.url);
  cleanups.push(relay.close);
  const dataDir = tempDir();
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const now = new Date('2025-01-10T09:00:00Z');
  const desk = await startCore({ dataDir, migrationsDir: MIGRATIONS_DIR, appVersion: 'test', now: () => now, backgroundSync: false, centralUrl: relay.url }) as TempCore;
  await ok(desk, 'account.signIn', await central.validatedOffice());
  await desk.sync.syncNow();
  const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '13:15');
  const placed = await ok<{ id: string; state: string }>(desk, 'options.place', { slotId: slot.id, composition: { visitors: 16, guides: 1, leaders: 0 } });
  expect(placed.state).toBe('pending');

  // The push goes through; the pull that brings the option back held waits on the network.
  const pull = relay.holdNext('/sync/pull');
  const syncing = desk.dispatch('sync.now', {});
  await pull.reached();
  let closed = false;
  const closing = desk.close().then(() => {
    closed = true;
  });
  const refused = await desk.dispatch('options.list', {});
  expect(refused).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'Guichet is closing; nothing was changed.' } });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(closed).toBe(false);

  pull.open();
  expect(await syncing).toMatchObject({ ok: true, value: { connection: 'online', pendingChanges: 0 } });
  await closing;
  // What the answer said is in the file: the option is held by the server, as the next start will show.
  const file = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  expect(file.prepare('SELECT state FROM options WHERE id = ?').pluck().get(placed.id)).toBe('active');
  file.close();
});
