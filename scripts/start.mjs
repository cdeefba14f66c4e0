// Opens Guichet in Electron where its binary exists; otherwise says so in one sentence
// and serves the same app through the browser host.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const child = binary
  ? spawn(binary, [root], { stdio: 'inherit' })
  : (console.log('The Electron binary is not installed on this machine, so Guichet is served to your browser instead.'),
    spawn(process.execPath, [path.join(root, 'dist-electron/host.cjs')], { stdio: 'inherit', cwd: root }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
