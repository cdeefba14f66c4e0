// What only the desktop shell can do for the core: Electron's save dialog and the system's
// viewer. The browser host has neither; there the window downloads the file instead.
export interface DesktopShell {
  /** The save dialog, starting from `defaultName`; null when the agent closes it. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  /** Opens the file with the system's PDF viewer; rejects with the system's reason. */
  openFile(file: string): Promise<void>;
}
