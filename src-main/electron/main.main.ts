// Electron's entry point: one window, locked down per Electron's security checklist.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import type { Language } from '../contract/schemas.std.ts';
import { MENU_LABELS, menuLanguage } from '../core/desktop/menuLabels.std.ts';
import { MIN_WINDOW_SIZE, type WindowState } from '../core/desktop/windowState.std.ts';
import { startCore, type GuichetCore } from '../core/guichetCore.node.ts';
import { createRotatingLog, type RotatingLog } from '../core/logs/rotatingLog.node.ts';
import { readSettings } from '../core/store/settingsRepo.node.ts';
import { embeddedCentral } from '../host/embeddedCentral.node.ts';
import { startFromDeskMirror } from '../host/deskMirror.node.ts';
import { DatabaseFromFutureError } from '../core/store/migrations.node.ts';
import { buildAppMenu, type AppMenuActions } from './appMenu.main.ts';
import { electronUpdaterPort } from './autoUpdate.main.ts';
import { registerAppScheme, serveRenderer } from './appProtocol.main.ts';
import { connectIpc } from './ipcBridge.main.ts';
import { createDesktopShell } from './desktopShell.main.ts';
import { createElectronPrinter } from './electronPrinter.main.ts';
import { notifyExpiringOptions } from './expiryNotifications.main.ts';
import { APP_ORIGIN, isAllowedExternalUrl } from './senderGate.std.ts';
import { rememberWindowState, windowStateAtLaunch } from './windowPlacement.main.ts';
import { safeStorageVault } from './safeStorageVault.main.ts';

// One desk process per user session: a second launch (a double-click on the icon of a desk
// already open) hands over to the first and leaves, so two processes never share the database.
if (app.requestSingleInstanceLock()) launch();
else app.quit();

function createWindow(placement: WindowState) {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Guichet',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  return window;
}

/**
 * The update feed: GUICHET_UPDATE_URL where IT sets one, else the one written into the package
 * when it was built (resources/app-update.yml); an unpackaged app has none, and does not update.
 */
function updateFeedUrl(): string | null {
  if (process.env.GUICHET_UPDATE_URL) return process.env.GUICHET_UPDATE_URL;
  if (!app.isPackaged) return null;
  const written = fs.existsSync(path.join(process.resourcesPath, 'app-update.yml'))
    ? /^url:\s*['"]?([^'"\s]+)/m.exec(fs.readFileSync(path.join(process.resourcesPath, 'app-update.yml'), 'utf8'))
    : null;
  return written?.[1] ?? null;
}

/** Help › Export diagnostics…: the same file as the Sync screen's button, saved where the agent chooses. */
async function exportDiagnostics(core: GuichetCore | undefined, window: BrowserWindow | null): Promise<void> {
  const result = await core?.dispatch('diagnostics.export', {});
  if (!result?.ok) return;
  const { fileName, base64 } = result.value as { fileName: string; base64: string };
  const options = { defaultPath: path.join(app.getPath('documents'), fileName), filters: [{ name: 'JSON', extensions: ['json'] }] };
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (!chosen.canceled && chosen.filePath) await fs.promises.writeFile(chosen.filePath, Buffer.from(base64, 'base64'));
}

/** Where the log goes and what leaves a trace in it beyond what the app writes itself. */
function startLog(): RotatingLog {
  const log = createRotatingLog({ dir: app.getPath('logs') });
  log.write('info', 'Guichet starting', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform, arch: process.arch });
  // The monitor leaves Electron's own handling (its error dialog) as it is; Electron only warns
  // about unhandled rejections, and a listener changes nothing to that.
  process.on('uncaughtExceptionMonitor', (error, origin) => log.write('error', 'uncaught exception', { origin, error }));
  process.on('unhandledRejection', (reason) => log.write('error', 'unhandled promise rejection', { reason }));
  app.on('child-process-gone', (_event, details) => log.write('error', 'child process gone', { ...details }));
  app.on('will-quit', () => {
    log.write('info', 'Guichet quitting');
    log.close();
  });
  return log;
}

function launch() {
  const log = startLog();
  registerAppScheme();
  app.enableSandbox();
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    log.write('info', 'second launch handed over to the open window');
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  let core: GuichetCore | undefined;
  const menuActions: AppMenuActions = {
    exportDiagnostics: () => void exportDiagnostics(core, mainWindow).catch((error: unknown) => log.write('error', 'diagnostics not exported', { error })),
    checkForUpdates: () => void core?.dispatch('updates.check', {}),
  };
  const showMenu = (language: Language | null) =>
    Menu.setApplicationMenu(buildAppMenu(MENU_LABELS[menuLanguage(language, app.getLocale())], menuActions));

  app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, answer) => answer(false));
    serveRenderer(path.join(app.getAppPath(), 'dist-renderer'));
    const dataDir = app.getPath('userData');
    const embedded = embeddedCentral(dataDir, app.getAppPath());
    const migrationsDir = path.join(app.getAppPath(), 'drizzle', 'local');
    let started: GuichetCore;
    try {
      startFromDeskMirror(dataDir, app.getAppPath(), migrationsDir);
      started = await startCore({
        dataDir,
        migrationsDir,
        appVersion: app.getVersion(),
        embeddedCentral: embedded.start,
        onWindowShown: embedded.open,
        desktop: createDesktopShell(() => mainWindow),
        // Linux and macOS print through CUPS (the core's default); Windows through Electron's own printing.
        printer: process.platform === 'win32' ? createElectronPrinter() : undefined,
        logTail: () => log.tail(64_000),
        vault: await safeStorageVault((line) => log.write('warn', line)),
        updates: { feedUrl: updateFeedUrl(), updaterFor: electronUpdaterPort },
      });
      await embedded.signInDemoOffice(started);
      // Already signed in, the desk works from its own store meanwhile: a service that does not come is said, not fatal.
      if (embedded.inUse) {
        embedded.started.catch((error: unknown) => {
          log.write('error', 'the embedded central service did not start', { error });
          dialog.showErrorBox('Guichet', (error as Error).message);
        });
      }
    } catch (error) {
      log.write('error', 'Guichet could not start', { error });
      dialog.showErrorBox('Guichet', error instanceof DatabaseFromFutureError ? error.message : `Guichet could not start: ${String(error)}`);
      app.exit(1);
      return;
    }
    core = started;
    showMenu(readSettings(started.store.db).language);
    const stopFollowingLanguage = started.on('settings.changed', ({ language }) => showMenu(language));
    const window = createWindow(windowStateAtLaunch(dataDir));
    mainWindow = window;
    rememberWindowState(window, dataDir, (error) => log.write('warn', 'window position not saved', { error }));
    window.webContents.on('render-process-gone', (_event, details) => log.write('error', 'window content gone', { ...details }));
    const disconnect = connectIpc(started, window);
    const stopNotifying = notifyExpiringOptions(started);
    void window.loadURL(`${APP_ORIGIN}/index.html`);
    app.on('window-all-closed', () => {
      disconnect();
      stopNotifying();
      stopFollowingLanguage();
      void started.close().then(() => embedded.close()).finally(() => app.quit());
    });
  }).catch((error: unknown) => {
    log.write('error', 'Guichet stopped at launch', { error });
    console.error(error);
    app.exit(1);
  });
}
