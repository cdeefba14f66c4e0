// The local data folder as an IT department checks it: private to its user, backed up daily
// and before every migration, the backups rotated and each one a whole, readable store.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupStore, BACKUPS_KEPT, listBackups } from '../../src-main/core/store/backups.node.ts';
import { backUpIfDue } from '../../src-main/core/store/dailyBackup.node.ts';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/core/store/migrations.node.ts';
import { backupsDir, openLocalStore } from '../../src-main/core/store/openLocalStore.node.ts';
import { openStore } from '../../src-main/core/store/openStore.node.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/tempCore.node.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = path.join(tempDir(), 'Guichet');
  dirs.push(path.dirname(dir));
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('the local data folder', () => {
  it.skipIf(process.platform === 'win32')('is readable by its user only: the folder, the store with its WAL, and the backups', () => {
    const dir = freshDir();
    const store = openStore(path.join(dir, 'guichet.sqlite'), MIGRATIONS_DIR);
    store.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('sync.session', '{\"refreshToken\":\"secret\"}')").run();
    const backup = backupStore(store.sqlite, backupsDir(dir), 'manual', new Date('2025-01-10T09:00:00Z'));
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'guichet.sqlite'))).toBe(0o600);
    expect(mode(path.join(dir, 'guichet.sqlite-wal'))).toBe(0o600);
    expect(mode(path.join(backupsDir(dir), backup.fileName))).toBe(0o600);
    store.close();
  });

  it('is backed up before a migration, the backup holding the store as it was', () => {
    const dir = freshDir();
    const file = path.join(dir, 'guichet.sqlite');
    const migrations = loadMigrations(MIGRATIONS_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const older = new Database(file);
    migrate(older, migrations, migrations.length - 1);
    older.prepare("INSERT INTO companions (id, kind, surname, first_name, updated_at) VALUES ('c1', 'guide', 'LAGO', 'Lola', '2025-01-01T00:00:00Z')").run();
    older.close();

    const { store } = openLocalStore(file, MIGRATIONS_DIR, new Date('2025-01-10T09:00:00Z'));
    expect(store.schemaVersion).toBe(migrations.length);
    store.close();
    const [backup] = listBackups(backupsDir(dir));
    expect(backup).toMatchObject({ reason: 'before-migration', takenAt: '2025-01-10T09:00:00.000Z' });
    const copy = new Database(path.join(backupsDir(dir), backup!.fileName), { readonly: true });
    expect(schemaVersion(copy)).toBe(migrations.length - 1);
    expect(copy.prepare("SELECT surname FROM companions WHERE id = 'c1'").pluck().get()).toBe('LAGO');
    copy.close();
  });

  it('is backed up once a day, and keeps the newest backups only', () => {
    const dir = freshDir();
    const store = openStore(path.join(dir, 'guichet.sqlite'), MIGRATIONS_DIR);
    const day = (n: number, hour = 9) => new Date(Date.UTC(2025, 0, n, hour));
    expect(backUpIfDue(store, dir, day(1))).toBe(true);
    expect(backUpIfDue(store, dir, day(1, 20))).toBe(false);
    for (let n = 2; n <= BACKUPS_KEPT + 4; n += 1) expect(backUpIfDue(store, dir, day(n))).toBe(true);
    const kept = listBackups(backupsDir(dir));
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]!.takenAt).toBe(day(BACKUPS_KEPT + 4).toISOString());
    expect(kept.at(-1)!.takenAt).toBe(day(5).toISOString());
    store.close();
  });
});
