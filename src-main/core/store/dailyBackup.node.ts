import type { Store } from './openStore.node.ts';
import { backupStore, isBackupDue } from './backups.node.ts';
import { backupsDir } from './openLocalStore.node.ts';

/**
 * Makes the day's backup if none was made in the last 24 hours. A failed backup (disk full)
 * is said in the log and tried again at the next check; it never stops the app.
 */
export function backUpIfDue(store: Store, dataDir: string, now: Date): boolean {
  // The check may come due just as the store closes (a test, the app quitting): nothing to copy.
  if (!store.sqlite.open) return false;
  if (!isBackupDue(backupsDir(dataDir), now)) return false;
  try {
    backupStore(store.sqlite, backupsDir(dataDir), 'daily', now);
    return true;
  } catch (error) {
    console.error('[guichet] the daily backup failed; it will be tried again', error);
    return false;
  }
}
