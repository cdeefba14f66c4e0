import os from 'node:os';
import path from 'node:path';

/** The per-user folder where Guichet keeps its data, where Electron's app.getPath('userData') would. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.GUICHET_DATA_DIR) return path.resolve(env.GUICHET_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Guichet');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Guichet');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'Guichet');
}
