// The window's place between launches, in the data folder beside the database.
import fs from 'node:fs';
import path from 'node:path';
import { parseWindowState, type WindowState } from './windowState.std.ts';

export const WINDOW_STATE_FILE = 'window-state.json';

/** The saved state, or null when there is none or it cannot be read: the window then opens at its default place. */
export function readWindowState(dataDir: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8')));
  } catch {
    return null;
  }
}

export function writeWindowState(dataDir: string, state: WindowState): void {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  // Written aside then renamed, so that a crash mid-write leaves the previous state, not half of one.
  const partial = `${file}.partial`;
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(partial, `${JSON.stringify(state)}\n`);
  fs.renameSync(partial, file);
}
