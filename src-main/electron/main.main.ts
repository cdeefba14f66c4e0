// Electron's entry point: one window, locked down per Electron's security checklist.
import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { startCore, type GuichetCore } from '../core/guichetCore.node.ts';
import { embeddedCentral } from '../host/embeddedCentral.node.ts';
import { DatabaseFromFutureError } from '../core/store/migrations.node.ts';
import { registerAppScheme, serveRenderer } from './appProtocol.main.ts';
import { connectIpc } from './ipcBridge.main.ts';
import { createDesktopShell } from './desktopShell.main.ts';
import { createElectronPrinter } from './electronPrinter.main.ts';
import { notifyExpiringOptions } from './expiryNotifications.main.ts';
import { APP_ORIGIN, isAllowedExternalUrl } from './senderGate.std.ts';

registerAppScheme();
app.enableSandbox();

function createWindow() {
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
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
  window.once('ready-to-show', () => window.show());
  return window;
}

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, answer) => answer(false));
  serveRenderer(path.join(app.getAppPath(), 'dist-renderer'));
  let core: GuichetCore;
  let mainWindow: BrowserWindow | null = null;
  const embedded = embeddedCentral(app.getPath('userData'), app.getAppPath());
  try {
    core = await startCore({
      dataDir: app.getPath('userData'),
      migrationsDir: path.join(app.getAppPath(), 'drizzle', 'local'),
      appVersion: app.getVersion(),
      embeddedCentral: embedded.start,
      desktop: createDesktopShell(() => mainWindow),
      // Linux and macOS print through CUPS (the core's default); Windows through Electron's own printing.
      printer: process.platform === 'win32' ? createElectronPrinter() : undefined,
    });
    await embedded.signInDemoOffice(core);
  } catch (error) {
    dialog.showErrorBox('Guichet', error instanceof DatabaseFromFutureError ? error.message : `Guichet could not start: ${String(error)}`);
    app.exit(1);
    return;
  }
  const window = createWindow();
  mainWindow = window;
  const disconnect = connectIpc(core, window);
  const stopNotifying = notifyExpiringOptions(core);
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('window-all-closed', () => {
    disconnect();
    stopNotifying();
    void core.close().then(() => embedded.close()).finally(() => app.quit());
  });
}).catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});
