// Puts a backup back in place of the live store, in one transaction on the open connection
// (the app keeps running; a failure changes nothing). What the central service already has
// from this computer is not sent again, and nothing entered since the backup is lost:
// - changes the service acknowledged since the backup are dropped from its outbox;
// - changes waiting now, newer than the backup, are kept;
// - the numbering goes on from the highest number used, never reusing one;
// - the session in use is kept (a backup's refresh token has been replaced since).
// The next sync pulls from the backup's own cookie, so everything the service changed since
// the backup comes down, deletions included.
import fs from 'node:fs';
import path from 'node:path';
import { GuichetError } from '../rpc/guichetError.std.ts';
import { backupStore, type BackupFile } from './backups.node.ts';
import { openStore, type Store } from './openStore.node.ts';
import { readSetting, writeSetting } from './settingsRepo.node.ts';
import { companionFiles, fileStamp } from './storeFiles.node.ts';
import { storeDamage } from './storeRescue.node.ts';
import { lastNumberedMutation } from '../sync/outbox.node.ts';

export interface RestoreOutcome {
  /** Changes the restored store will send. */
  changesToSend: number;
  /** Changes of the backup's outbox the central service already has, not sent again. */
  alreadySent: number;
  /** The live store as it was just before, to undo the restore. */
  undoBackup: BackupFile;
}

interface OutboxRow { mutation_id: number; name: string; args: string; created_at: string }

/** Every change numbered up to here has been acknowledged by the central service. */
function acknowledgedUpTo(store: Store): number {
  const firstWaiting = store.sqlite.prepare('SELECT min(mutation_id) FROM outbox').pluck().get() as number | null;
  return firstWaiting === null ? lastNumberedMutation(store.db) : firstWaiting - 1;
}

/** A copy of the backup brought to this version's schema; the backup file itself is never written. */
function stagedCopy(backupFile: string, dataDir: string, migrationsDir: string, now: Date): { file: string; clientId: string | null } {
  const damage = storeDamage(backupFile);
  if (damage !== null) {
    throw new GuichetError('RULE_VIOLATION', `This backup cannot be read (${damage}); nothing was changed.`, { rule: 'BACKUP_UNREADABLE' });
  }
  const file = path.join(dataDir, `restoring-${fileStamp(now)}.sqlite`);
  fs.copyFileSync(backupFile, file);
  const staged = openStore(file, migrationsDir);
  const clientId = readSetting<string>(staged.db, 'sync.clientId') ?? null;
  staged.close();
  return { file, clientId };
}

export function restoreBackup(store: Store, backupFile: string, opts: { dataDir: string; migrationsDir: string; backupsDir: string; now: Date }): RestoreOutcome {
  const { file: staged, clientId } = stagedCopy(backupFile, opts.dataDir, opts.migrationsDir, opts.now);
  const { sqlite, db } = store;
  try {
    const ownClientId = readSetting<string>(db, 'sync.clientId') ?? null;
    if (clientId && ownClientId && clientId !== ownClientId) {
      throw new GuichetError('RULE_VIOLATION', 'This backup comes from another installation of Guichet; nothing was changed.', { rule: 'BACKUP_OTHER_INSTALLATION' });
    }
    const undoBackup = backupStore(sqlite, opts.backupsDir, 'before-restore', opts.now);
    const acknowledged = acknowledgedUpTo(store);
    const nextNumber = lastNumberedMutation(db) + 1;
    const waiting = sqlite.prepare('SELECT mutation_id, name, args, created_at FROM outbox').all() as OutboxRow[];
    const session = readSetting(db, 'sync.session');
    const tables = sqlite.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    sqlite.prepare('ATTACH DATABASE ? AS restored').run(staged);
    try {
      let alreadySent = 0;
      sqlite.transaction(() => {
        sqlite.pragma('defer_foreign_keys = ON');
        // Every table emptied before any is filled: a cascade from a parent must not reach
        // child rows already copied.
        for (const table of tables) sqlite.exec(`DELETE FROM main."${table}"`);
        for (const table of tables) {
          const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(table) as string[]).map((c) => `"${c}"`).join(', ');
          sqlite.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM restored."${table}"`);
        }
        alreadySent = sqlite.prepare('DELETE FROM outbox WHERE mutation_id <= ?').run(acknowledged).changes;
        const keep = sqlite.prepare('INSERT OR REPLACE INTO outbox (mutation_id, name, args, created_at) VALUES (?, ?, ?, ?)');
        for (const row of waiting) keep.run(row.mutation_id, row.name, row.args, row.created_at);
        if (lastNumberedMutation(db) + 1 < nextNumber) writeSetting(db, 'sync.nextMutationId', nextNumber);
        if (ownClientId) writeSetting(db, 'sync.clientId', ownClientId);
        writeSetting(db, 'sync.session', session);
      })();
      const changesToSend = sqlite.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
      return { changesToSend, alreadySent, undoBackup };
    } finally {
      sqlite.exec('DETACH DATABASE restored');
    }
  } finally {
    for (const part of companionFiles(staged)) fs.rmSync(part, { force: true });
  }
}
