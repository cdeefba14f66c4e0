// Copies of the local store, made with VACUUM INTO: one consistent, compact file taken while
// the app keeps working, every day, before every migration and before every restore.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fileStamp, PRIVATE_FILE_MODE } from './storeFiles.node.ts';

export const BACKUP_REASONS = ['daily', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Enough to go back a week and past the last few migrations and restores. */
export const BACKUPS_KEPT = 10;
export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;

export interface BackupFile {
  fileName: string;
  takenAt: string;
  reason: BackupReason;
  bytes: number;
}

const NAME = /^guichet-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-([a-z-]+)\.sqlite$/;

function parseName(fileName: string): { takenAt: string; reason: BackupReason } | null {
  const match = NAME.exec(fileName);
  const reason = match?.[2] as BackupReason | undefined;
  if (!match || !reason || !BACKUP_REASONS.includes(reason)) return null;
  const [date, time] = match[1]!.split('T') as [string, string];
  const [h, m, s, ms] = time.slice(0, -1).split('-');
  return { takenAt: `${date}T${h}:${m}:${s}.${ms}Z`, reason };
}

/** Newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .flatMap((fileName) => {
      const parsed = parseName(fileName);
      return parsed ? [{ fileName, ...parsed, bytes: fs.statSync(path.join(dir, fileName)).size }] : [];
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

export function backupStore(sqlite: Database.Database, dir: string, reason: BackupReason, now: Date, keep = BACKUPS_KEPT): BackupFile {
  fs.mkdirSync(dir, { recursive: true });
  const fileName = `guichet-${fileStamp(now)}-${reason}.sqlite`;
  const target = path.join(dir, fileName);
  // Written under a name no listing shows, then renamed: a copy cut short (disk full, power
  // cut) never passes for a backup.
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    fs.chmodSync(partial, PRIVATE_FILE_MODE);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  for (const old of listBackups(dir).slice(keep)) fs.rmSync(path.join(dir, old.fileName), { force: true });
  return { fileName, takenAt: now.toISOString(), reason, bytes: fs.statSync(target).size };
}

/** The path of a listed backup; anything else (a path, a name not ours) is refused. */
export function backupPath(dir: string, fileName: string): string | null {
  return parseName(fileName) && listBackups(dir).some((b) => b.fileName === fileName) ? path.join(dir, fileName) : null;
}

export const isBackupDue = (dir: string, now: Date): boolean => {
  const newest = listBackups(dir).find((b) => b.reason === 'daily');
  return !newest || now.getTime() - Date.parse(newest.takenAt) >= BACKUP_EVERY_MS;
};
