// The demo desk's first launch starts its local store from a mirror made with the embedded
// service's template. Two months after the build, a desk started from it must hold exactly
// what a desk that pulled everything holds (the days added since, another office's booking),
// while pulling only what changed; and a mirror that does not fit is never used.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { DATABASE_FILE, startCore } from '../../src-main/core/guichetCore.node.ts';
import { writeDemoTemplates } from '../../src-main/host/demoTemplates.node.ts';
import { deskMirrorFits, startFromDeskMirror } from '../../src-main/host/deskMirror.node.ts';
import { templateFile } from '../../src-central/store/pgliteTemplate.node.ts';
import { group, validatedDesk } from '../central/centralTestClient.node.ts';
import { MIGRATIONS_DIR, ROOT, tempDir } from '../support/tempCore.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';

const NOW = new Date('2025-01-10T09:00:00Z');
const TWO_MONTHS_EARLIER = new Date('2024-11-10T09:00:00Z');
const BOOKED_SLOT = 'arc-de-triomphe:2025-03-20T13:00:00.000Z';

interface Slot { id: string; capacity: number; remaining: number; status: string }

const folder = tempDir('guichet-desk-mirror-');
const appRoot = path.join(folder, 'app');

/** A desk on `dataDir`, signed in as the demo office and synced once with the service at `url`. */
async function syncedDesk(dataDir: string, url: string, untouchedSlot: string) {
  const desk = await startCore({ dataDir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', now: () => NOW, backgroundSync: false, centralUrl: url });
  expect(await desk.dispatch('account.signIn', { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password })).toMatchObject({ ok: true });
  expect(await desk.dispatch('sync.now', {})).toMatchObject({ ok: true, value: { connection: 'online' } });
  const slots = desk.store.sqlite.prepare('SELECT id, capacity, remaining, status FROM server_slots WHERE local_date >= ? ORDER BY id').all('2025-01-10') as Slot[];
  const closedDays = desk.store.sqlite.prepare('SELECT venue_id, local_date FROM server_closed_days ORDER BY 1, 2').all();
  const untouched = desk.store.sqlite.prepare('SELECT remaining FROM server_slots WHERE id = ?').pluck().get(untouchedSlot) as number;
  await desk.close();
  return { slots, closedDays, untouched };
}

describe('the demo desk\'s mirror', () => {
  beforeAll(async () => {
    fs.mkdirSync(appRoot);
    fs.symlinkSync(path.join(ROOT, 'drizzle'), path.join(appRoot, 'drizzle'));
    await writeDemoTemplates(appRoot, TWO_MONTHS_EARLIER);
  }, 180_000);
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('starts a first launch made two months later equal to a desk that pulled everything, pulling only what changed', async () => {
    const dataDir = path.join(folder, 'first-launch');
    // As the host does: the mirror first, then the service unpacked from its template.
    expect(startFromDeskMirror(dataDir, appRoot, MIGRATIONS_DIR)).toBe(true);
    const central = await startTestCentral({
      dataDir: path.join(dataDir, 'central'), pgliteTemplate: templateFile(appRoot), now: () => NOW, seedMonths: 12, demoAccount: true, sweepEveryMs: 0,
    });
    try {
      const other = await validatedDesk(central);
      await other.place(BOOKED_SLOT, group(30));

      // A mark on a slot the service did not change: a desk that pulled everything again would lose it.
      const mirrored = new Database(path.join(dataDir, DATABASE_FILE));
      const untouchedSlot = mirrored.prepare("SELECT id FROM server_slots WHERE local_date = '2025-06-03' AND venue_id <> 'arc-de-triomphe' ORDER BY id LIMIT 1").pluck().get() as string;
      mirrored.prepare('UPDATE server_slots SET remaining = -7 WHERE id = ?').run(untouchedSlot);
      mirrored.close();
      const fromMirror = await syncedDesk(dataDir, central.url, untouchedSlot);
      const fromScratch = await syncedDesk(path.join(folder, 'pulled-everything'), central.url, untouchedSlot);

      expect(fromMirror.untouched).toBe(-7);
      expect(fromScratch.untouched).toBeGreaterThan(0);
      expect(fromScratch.slots.length).toBeGreaterThan(40_000);
      const unmarked = fromMirror.slots.map((s) => (s.id === untouchedSlot ? { ...s, remaining: fromScratch.untouched } : s));
      expect(unmarked).toEqual(fromScratch.slots);
      expect(fromMirror.closedDays).toEqual(fromScratch.closedDays);
      const booked = fromMirror.slots.find((s) => s.id === BOOKED_SLOT)!;
      expect(booked.remaining).toBe(booked.capacity - 30);
    } finally {
      await central.close();
    }
  }, 180_000);

  it('is not used by a desk that has its own store or service folder, nor with other migrations', () => {
    const withStore = path.join(folder, 'with-store');
    fs.mkdirSync(withStore);
    fs.writeFileSync(path.join(withStore, DATABASE_FILE), 'kept');
    expect(startFromDeskMirror(withStore, appRoot, MIGRATIONS_DIR)).toBe(false);
    expect(fs.readFileSync(path.join(withStore, DATABASE_FILE), 'utf8')).toBe('kept');

    const withService = path.join(folder, 'with-service');
    fs.mkdirSync(path.join(withService, 'central'), { recursive: true });
    fs.writeFileSync(path.join(withService, 'central', 'PG_VERSION'), '17');
    expect(startFromDeskMirror(withService, appRoot, MIGRATIONS_DIR)).toBe(false);
    expect(fs.existsSync(path.join(withService, DATABASE_FILE))).toBe(false);

    const otherMigrations = path.join(folder, 'local-migrations');
    fs.cpSync(MIGRATIONS_DIR, otherMigrations, { recursive: true });
    fs.writeFileSync(path.join(otherMigrations, '9999_later.sql'), 'SELECT 1;');
    expect(deskMirrorFits(appRoot, MIGRATIONS_DIR)).toBe(true);
    expect(deskMirrorFits(appRoot, otherMigrations)).toBe(false);
    expect(startFromDeskMirror(path.join(folder, 'other-migrations'), appRoot, otherMigrations)).toBe(false);
  });
});
