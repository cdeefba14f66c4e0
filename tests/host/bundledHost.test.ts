// `npm start` on a machine without the Electron binary runs the browser host from its bundle
// (dist-electron/host.cjs, made by `npm run build:electron`), not from the sources under tsx.
// On a fresh data folder it must start the demo whole: the embedded service from the build's
// PGlite template, the demo office signed in, then the catalogue synced.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHostProcess } from '../support/hostProcess.node.ts';
import { unsupportedNode } from '../../src-main/host/supportedNode.node.ts';

describe('the bundled browser host', () => {
  it('starts the demo on a fresh data folder and answers the app with the demo catalogue', async () => {
    // As `npm start` makes them: the renderer when missing or stale, the bundle when missing.
    execFileSync(process.execPath, ['scripts/buildRendererIfStale.mjs'], { stdio: 'ignore' });
    if (!fs.existsSync('dist-electron/host.cjs')) execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'ignore' });
    const host = await startHostProcess({ bundled: true });
    try {
      const token = new URL(host.launchUrl).searchParams.get('token')!;
      const rpc = async (method: string) => {
        const answer = await fetch(`${host.origin}/rpc/${method}`, {
          method: 'POST', headers: { 'content-type': 'application/json', 'x-guichet-token': token }, body: '{}',
        });
        expect(answer.status).toBe(200);
        return answer.text();
      };
      // Signed in when the host is ready; the first pull brings the catalogue while the window opens.
      expect(await rpc('account.status')).toContain('"signedIn":true');
      const started = Date.now();
      let venues = await rpc('catalogue.venues');
      while (!venues.includes('sainte-chapelle') && Date.now() - started < 60_000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        venues = await rpc('catalogue.venues');
      }
      expect(venues).toContain('sainte-chapelle');
    } finally {
      await host.stop();
    }
  }, 120_000);

  // Debian's own Node (20 on these machines) is what `node` means outside npm scripts.
  const systemNode = '/usr/bin/node';
  const systemVersion = fs.existsSync(systemNode) ? execFileSync(systemNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim() : null;
  it.skipIf(!systemVersion || !unsupportedNode(systemVersion))('started by a Node older than 22.12, says which Node to use instead of crashing', () => {
    if (!fs.existsSync('dist-electron/host.cjs')) execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'ignore' });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-old-node-'));
    try {
      const run = spawnSync(systemNode, ['dist-electron/host.cjs'], { encoding: 'utf8', env: { ...process.env, GUICHET_DATA_DIR: dataDir, GUICHET_CENTRAL_URL: 'http://127.0.0.1:9/' }, timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Guichet needs Node 22.12 or later, and this is Node ${systemVersion}`);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
