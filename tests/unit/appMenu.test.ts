// The menu's template, built without Electron (whose binary the tests do not need).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_LABELS } from '../../src-main/core/desktop/menuLabels.std.ts';
import { appMenuTemplate } from '../../src-main/electron/appMenu.main.ts';

vi.mock('electron', () => ({ app: { isPackaged: true }, Menu: { buildFromTemplate: vi.fn() } }));

const noActions = { exportDiagnostics: () => {}, checkForUpdates: () => {} };
const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...items(Array.isArray(item.submenu) ? item.submenu : [])]);
const roles = (template: MenuItemConstructorOptions[]) => items(template).map((item) => item.role).filter(Boolean);

describe('the application menu', () => {
  it('offers the usual editing, view and window commands through their roles (and so their shortcuts)', () => {
    const template = appMenuTemplate(MENU_LABELS.en, noActions, { macOS: false, development: false });
    expect(roles(template)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'togglefullscreen', 'minimize', 'close', 'quit']));
    expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('reloads and opens the developer tools only in development', () => {
    const packaged = roles(appMenuTemplate(MENU_LABELS.fr, noActions, { macOS: false, development: false }));
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('toggleDevTools');
    expect(roles(appMenuTemplate(MENU_LABELS.fr, noActions, { macOS: false, development: true }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has the macOS app menu on macOS only', () => {
    const mac = appMenuTemplate(MENU_LABELS.fr, noActions, { macOS: true, development: false });
    expect(mac[0]?.label).toBe('Guichet');
    expect(roles([mac[0]!])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(appMenuTemplate(MENU_LABELS.fr, noActions, { macOS: false, development: false })[0]?.label).toBe('Fichier');
  });

  it('labels every item in the chosen language', () => {
    const template = appMenuTemplate(MENU_LABELS.fr, noActions, { macOS: true, development: true });
    const labels = new Set(Object.values(MENU_LABELS.fr));
    const unlabelled = items(template).filter((item) => item.type !== 'separator' && !labels.has(item.label ?? '') && item.label !== 'Guichet');
    expect(unlabelled).toEqual([]);
  });

  it('calls the actions it was given from the Help menu', () => {
    const actions = { exportDiagnostics: vi.fn(), checkForUpdates: vi.fn() };
    const help = appMenuTemplate(MENU_LABELS.en, actions, { macOS: false, development: false }).at(-1)!;
    expect(help.role).toBe('help');
    const [exportItem, updateItem] = help.submenu as MenuItemConstructorOptions[];
    expect([exportItem?.label, updateItem?.label]).toEqual(['Export Diagnostics…', 'Check for Updates…']);
    // The items ignore what Electron passes to a click.
    (exportItem!.click as unknown as () => void)();
    (updateItem!.click as unknown as () => void)();
    expect(actions.exportDiagnostics).toHaveBeenCalledOnce();
    expect(actions.checkForUpdates).toHaveBeenCalledOnce();
  });
});
