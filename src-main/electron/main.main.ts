// Electron's entry point: one window, locked down per Electron's security checklist.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import type { Language } from '../contract/schemas.std.ts';
import { MENU_LABELS, menuLanguage } from '../core/desktop/menuLabels.std.ts';
import { MIN_WINDOW_SIZE, type WindowState } from '../core/desktop/windowState.std.ts';
import { startCore, type GuichetCore } from '../core/guichetCore.node.ts';
import { createRotatingLog, type RotatingLog } from '../core/logs/rotatingLog.node.ts';
import { readSettings } from '../core/store/settingsRepo.node.ts';
import { embeddedCentral } from '../host/embeddedCentral.node.ts';
import { DatabaseFromFutureError } from '../core/store/migrations.node.ts';
import { buildAppMenu, type AppMenuActions } from './appMenu.main.ts';
import { registerAppScheme, serveRenderer } from './appProtocol.main.ts';
import { connectIpc } from './ipcBridge.main.ts';
import { createDesktopShell } from './desktopShell.main.ts';
import { createElectronPrinter } from './electronPrinter.main.ts';
import { notifyExpiringOptions } from './expiryNotifications.main.ts';
import { APP_ORIGIN, isAllowedExternalUrl } from './senderGate.std.ts';
import { rememberWindowState, windowStateAtLaunch } from './windowPlacement.main.ts';

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
  const menuActions: AppMenuActions = {
    // Until the diagnostics export exists, the menu shows where the log file is.
    exportDiagnostics: () => shell.showItemInFolder(log.file),
    checkForUpdates: () => log.write('info', 'update check asked from the menu'),
  };
  const showMenu = (language: Language | null) =>
    Menu.setApplicationMenu(buildAppMenu(MENU_LABELS[menuLanguage(language, app.getLocale())], menuActions));

  app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, answer) => answer(false));
    serveRenderer(path.join(app.getAppPath(), 'dist-renderer'));
    const dataDir = app.getPath('userData');
    let core: GuichetCore;
    const embedded = embeddedCentral(dataDir, app.getAppPath());
    try {
      core = await startCore({
        dataDir,
        migrationsDir: path.join(app.getAppPath(), 'drizzle', 'local'),
        appVersion: app.getVersion(),
        embeddedCentral: embedded.start,
        desktop: createDesktopShell(() => mainWindow),
        // Linux and macOS print through CUPS (the core's default); Windows through Electron's own printing.
        printer: process.platform === 'win32' ? createElectronPrinter() : undefined,
      });
      await embedded.signInDemoOffice(core);
    } catch (error) {
      log.write('error', 'Guichet could not start', { error });
      dialog.showErrorBox('Guichet', error instanceof DatabaseFromFutureError ? error.message : `Guichet could not start: ${String(error)}`);
      app.exit(1);
      return;
    }
    showMenu(readSettings(core.store.db).language);
    const stopFollowingLanguage = core.on('settings.changed', ({ language }) => showMenu(language));
    const window = createWindow(windowStateAtLaunch(dataDir));
    mainWindow = window;
    rememberWindowState(window, dataDir, (error) => log.write('warn', 'window position not saved', { error }));
    window.webContents.on('render-process-gone', (_event, details) => log.write('error', 'window content gone', { ...details }));
    const disconnect = connectIpc(core, window);
    const stopNotifying = notifyExpiringOptions(core);
    void window.loadURL(`${APP_ORIGIN}/index.html`);
    app.on('window-all-closed', () => {
      disconnect();
      stopNotifying();
      stopFollowingLanguage();
      void core.close().then(() => embedded.close()).finally(() => app.quit());
    });
  }).catch((error: unknown) => {
    log.write('error', 'Guichet stopped at launch', { error });
    console.error(error);
    app.exit(1);
  });
}
