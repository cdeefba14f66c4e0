// Opens the window where the user left it and remembers where they leave it.
import { screen, type BrowserWindow } from 'electron';
import { windowStateToOpen, type WindowState } from '../core/desktop/windowState.std.ts';
import { readWindowState, writeWindowState } from '../core/desktop/windowStateFile.node.ts';

/** Dragging fires move and resize many times a second: the file is written once the window settles. */
const SETTLE_MS = 500;

export function windowStateAtLaunch(dataDir: string): WindowState {
  return windowStateToOpen(readWindowState(dataDir), {
    primaryWorkArea: screen.getPrimaryDisplay().workArea,
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
  });
}

export function rememberWindowState(window: BrowserWindow, dataDir: string, onError: (error: unknown) => void): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    try {
      // The normal bounds, not the maximized ones: un-maximizing after the next launch goes back there.
      writeWindowState(dataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      onError(error);
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SETTLE_MS);
  };
  window.on('move', saveSoon);
  window.on('resize', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
