// Installs what Guichet needs on a fresh machine, saying what it does. Used by
// `npm run demo` and `npm test`, so a newcomer's two commands work from a bare clone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32', ...options });
  if (result.status !== 0) {
    console.error(`\n✗ "${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

async function electronDownloadReachable() {
  try {
    const response = await fetch('https://github.com/electron/electron/releases', { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

function installedIsCurrent() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  return fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
}

export async function ensureNodePackages() {
  if (installedIsCurrent()) return;
  const env = { ...process.env };
  if (!env.ELECTRON_SKIP_BINARY_DOWNLOAD && !(await electronDownloadReachable())) {
    console.log('The Electron binary cannot be downloaded from this machine, so it is skipped; Guichet will run in your browser instead.');
    env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
  }
  console.log('Installing npm packages…');
  run('npm', ['install', '--no-audit', '--no-fund'], { env });
}

function ensureDebianPackage(binary, pkg, why, envHint) {
  if (fs.existsSync(binary)) return;
  const canApt = process.platform === 'linux' && fs.existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    console.error(`${why} need ${binary}. Install it (Debian: apt-get install -y ${pkg})${envHint}.`);
    process.exit(1);
  }
  console.log(`Installing Debian's ${pkg} (${why.toLowerCase()})…`);
  run('apt-get', ['install', '-y', '--no-install-recommends', pkg], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Debian's Chromium for the end-to-end tests; Playwright never downloads a browser of its own. */
export function ensureChromium() {
  const chromium = process.env.GUICHET_CHROMIUM ?? '/usr/bin/chromium';
  ensureDebianPackage(chromium, 'chromium', 'The end-to-end tests', ' or set GUICHET_CHROMIUM to a Chromium binary');
  return chromium;
}

/** A real PostgreSQL for the concurrency tests (started and stopped by the tests themselves). */
export function ensurePostgres() {
  ensureDebianPackage('/usr/lib/postgresql/15/bin/pg_ctl', 'postgresql', 'The PostgreSQL concurrency tests', '');
}

/** poppler's pdfinfo/pdftotext/pdftoppm: the tests read and render the PDFs Guichet prints. */
export function ensurePoppler() {
  ensureDebianPackage('/usr/bin/pdftotext', 'poppler-utils', 'The PDF tests', '');
}

/** zbar decodes the QR codes of rendered bundle pages; CUPS (with ippeveprinter as the printer) takes the print tests' jobs. */
export function ensurePrintingTools() {
  ensureDebianPackage('/usr/bin/zbarimg', 'zbar-tools', 'The QR code tests', '');
  ensureDebianPackage('/usr/sbin/cupsd', 'cups', 'The printing tests', '');
  ensureDebianPackage('/usr/bin/lp', 'cups-client', 'The printing tests', '');
  ensureDebianPackage('/usr/sbin/ippeveprinter', 'cups-ipp-utils', 'The printing tests', '');
  ensureDebianPackage('/usr/bin/dbus-daemon', 'dbus-daemon', 'The printing tests', '');
}
