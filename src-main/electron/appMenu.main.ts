// The application menu: the platform's usual items and shortcuts (the roles carry them), in the
// user's language, and the Help items an IT department asks for.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuLabels } from '../core/desktop/menuLabels.std.ts';

export interface AppMenuActions {
  exportDiagnostics(): void;
  checkForUpdates(): void;
}

export function buildAppMenu(labels: MenuLabels, actions: AppMenuActions): Menu {
  return Menu.buildFromTemplate(appMenuTemplate(labels, actions, { macOS: process.platform === 'darwin', development: !app.isPackaged }));
}

export function appMenuTemplate(
  labels: MenuLabels,
  actions: AppMenuActions,
  { macOS, development }: { macOS: boolean; development: boolean },
): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const appMenu: MenuItemConstructorOptions = {
    label: 'Guichet',
    submenu: [
      { role: 'about', label: labels.about },
      separator,
      { role: 'services', label: labels.services },
      separator,
      { role: 'hide', label: labels.hide },
      { role: 'hideOthers', label: labels.hideOthers },
      { role: 'unhide', label: labels.showAll },
      separator,
      { role: 'quit', label: labels.quit },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: labels.file,
    // On macOS quitting belongs to the app menu.
    submenu: macOS ? [{ role: 'close', label: labels.close }] : [{ role: 'close', label: labels.close }, separator, { role: 'quit', label: labels.quit }],
  };
  const edit: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      { role: 'undo', label: labels.undo },
      { role: 'redo', label: labels.redo },
      separator,
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };
  // Reloading drops the screen's unsaved input and the developer tools reach into the page:
  // both are for developers, never for a packaged desk.
  const developerItems: MenuItemConstructorOptions[] = development
    ? [{ role: 'reload', label: labels.reload }, { role: 'toggleDevTools', label: labels.toggleDevTools }, separator]
    : [];
  const view: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      ...developerItems,
      { role: 'resetZoom', label: labels.resetZoom },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      separator,
      { role: 'togglefullscreen', label: labels.toggleFullScreen },
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: labels.window,
    submenu: macOS
      ? [{ role: 'minimize', label: labels.minimize }, { role: 'zoom', label: labels.zoom }, separator, { role: 'front', label: labels.bringAllToFront }]
      : [{ role: 'minimize', label: labels.minimize }, { role: 'close', label: labels.close }],
  };
  const help: MenuItemConstructorOptions = {
    // The role gives macOS's Help menu its search field.
    role: 'help',
    label: labels.help,
    submenu: [
      { label: labels.exportDiagnostics, click: () => actions.exportDiagnostics() },
      { label: labels.checkForUpdates, click: () => actions.checkForUpdates() },
    ],
  };
  return [...(macOS ? [appMenu] : []), file, edit, view, window, help];
}
