// The save dialog and the system's viewer, for the core (which may not import Electron).
import path from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { DesktopShell } from '../core/print/desktopShell.std.ts';

export function createDesktopShell(window: () => BrowserWindow | null): DesktopShell {
  return {
    async chooseSavePath(defaultName) {
      const options = { defaultPath: path.join(app.getPath('documents'), defaultName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openFile(file) {
      // openPath answers an error message, or '' once the system's viewer has the file.
      const problem = await shell.openPath(file);
      if (problem) throw new Error(problem);
    },
  };
}
