// `npm run start:browser` and `npm start`: the renderer is built only when dist-renderer is
// missing or older than what it is built from, so a start with nothing changed skips the
// ~18 s vite build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What vite reads to build the renderer: its own folder, the contract it imports, its configuration and the installed packages. */
export const RENDERER_SOURCES = ['src-renderer', 'src-main/contract', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];
/** Written by every build (vite empties the folder first), so its time is the build's. */
const BUILT_MARK = 'index.html';

function newestChange(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

/** True when `outDir` holds no build, or one older than any of `sources` (paths under `root`). */
export function rendererIsStale({ root, outDir = 'dist-renderer', sources = RENDERER_SOURCES }) {
  const mark = path.join(root, outDir, BUILT_MARK);
  if (!fs.existsSync(mark)) return true;
  const built = fs.statSync(mark).mtimeMs;
  return sources.some((source) => newestChange(path.join(root, source)) > built);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(import.meta.dirname, '..');
  if (rendererIsStale({ root })) {
    const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    process.exit(built.status ?? 1);
  }
  console.log('The renderer in dist-renderer is up to date: not rebuilt.');
}
