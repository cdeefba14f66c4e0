// The local data file as the agent manages it: its backups, putting one back, the notice left
// after a damaged file was replaced, and the diagnostics file for support.
import { backupPath, backupStore, listBackups } from '../store/backups.node.ts';
import { backupsDir, RECOVERY_SETTING, type StoreRecovery } from '../store/openLocalStore.node.ts';
import { restoreBackup } from '../store/restoreBackup.node.ts';
import { readSetting, readSettings, writeSetting } from '../store/settingsRepo.node.ts';
import { diagnosticsReport } from '../diagnostics/diagnosticsReport.node.ts';
import { fileStamp } from '../store/storeFiles.node.ts';
import { GuichetError, notFound } from './guichetError.std.ts';
import type { HandlerContext, HandlerTable } from './handlerContext.node.ts';

export const localDataView = ({ store, dataDir }: Pick<HandlerContext, 'store' | 'dataDir'>) => ({
  dataDir,
  backups: listBackups(backupsDir(dataDir)),
  recovery: readSetting<StoreRecovery>(store.db, RECOVERY_SETTING) ?? null,
});

/** After a restore every list on screen is stale. */
function everythingChanged(ctx: HandlerContext): void {
  for (const event of ['options.changed', 'companions.changed', 'orders.changed', 'contacts.changed', 'dossiers.changed', 'vouchers.changed', 'requests.changed'] as const) {
    ctx.emit(event, {});
  }
  ctx.emit('localData.changed', localDataView(ctx));
}

export const localDataHandlers: HandlerTable<'localData.get' | 'localData.backUp' | 'localData.restore' | 'localData.dismissRecovery' | 'diagnostics.export'> = {
  'localData.get': (_input, ctx) => localDataView(ctx),

  'localData.backUp': (_input, ctx) => {
    const backup = backupStore(ctx.store.sqlite, backupsDir(ctx.dataDir), 'manual', ctx.now());
    ctx.emit('localData.changed', localDataView(ctx));
    return backup;
  },

  'localData.restore': async ({ fileName }, ctx) => {
    const file = backupPath(backupsDir(ctx.dataDir), fileName);
    if (!file) throw notFound('backup', fileName);
    const restored = listBackups(backupsDir(ctx.dataDir)).find((b) => b.fileName === fileName)!;
    // A payment half-recorded in the store being replaced would be a payment nobody sees.
    if (ctx.busyWith() === 'payment') {
      throw new GuichetError('RULE_VIOLATION', 'A payment is under way: restore once it has finished.', { rule: 'BUSY_PAYING' });
    }
    const outcome = await ctx.sync.exclusive(() => restoreBackup(ctx.store, file, {
      dataDir: ctx.dataDir, migrationsDir: ctx.migrationsDir, backupsDir: backupsDir(ctx.dataDir), now: ctx.now(),
    }));
    everythingChanged(ctx);
    ctx.emit('settings.changed', readSettings(ctx.store.db));
    ctx.emit('sync.status', ctx.sync.status());
    return { restored, ...outcome };
  },

  'localData.dismissRecovery': (_input, ctx) => {
    writeSetting(ctx.store.db, RECOVERY_SETTING, null);
    return localDataView(ctx);
  },

  'diagnostics.export': (_input, ctx) => ({
    fileName: `guichet-diagnostics-${fileStamp(ctx.now())}.json`,
    base64: Buffer.from(diagnosticsReport(ctx)).toString('base64'),
  }),
};
