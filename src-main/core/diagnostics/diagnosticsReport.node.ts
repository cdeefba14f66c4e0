// "Export diagnostics": what support asks for first (versions, settings, sync state, the local
// data file's health, the end of the log), in one file the agent can attach to an e-mail.
import os from 'node:os';
import { readSetting, readSettings } from '../store/settingsRepo.node.ts';
import { listBackups } from '../store/backups.node.ts';
import { backupsDir, RECOVERY_SETTING, type StoreRecovery } from '../store/openLocalStore.node.ts';
import { syncState } from '../sync/syncState.node.ts';
import type { HandlerContext } from '../rpc/handlerContext.node.ts';
import { redactSecrets } from './redactSecrets.std.ts';

type DiagnosticsSource = Pick<HandlerContext, 'store' | 'sync' | 'appVersion' | 'dataDir' | 'centralUrl' | 'now' | 'logTail'>;

export function diagnosticsReport(ctx: DiagnosticsSource): string {
  const { db } = ctx.store;
  const session = syncState.session(db);
  const known = session ? [session.accessToken, session.refreshToken] : [];
  const report = {
    generatedAt: ctx.now().toISOString(),
    app: { version: ctx.appVersion, schemaVersion: ctx.store.schemaVersion },
    runtime: { node: process.versions.node, electron: process.versions.electron ?? null, platform: process.platform, arch: process.arch, os: os.release() },
    dataDir: ctx.dataDir,
    settings: readSettings(db),
    centralUrl: ctx.centralUrl,
    // The office, never its session's tokens.
    office: session ? { ...session.office, user: session.user.email } : null,
    sync: { ...ctx.sync.status(), clientId: syncState.clientId(db), pulledBefore: syncState.cookie(db) !== null },
    localData: { backups: listBackups(backupsDir(ctx.dataDir)), recovery: readSetting<StoreRecovery>(db, RECOVERY_SETTING) ?? null },
    // Masked before it is quoted into JSON, where its field names would be escaped.
    logTail: redactSecrets(ctx.logTail(), known),
  };
  // Masked after assembly, so that a secret reaching any field by mistake is caught too.
  return redactSecrets(JSON.stringify(report, null, 2), known);
}
