// App start time, from launching the browser host (the bundle `npm start` runs where there is
// no Electron binary) to the first screen showing
// Sainte-Chapelle's slots in Chromium: on a fresh data folder (first launch: the local store
// from the desk mirror, the embedded service unpacked from its template, sign-in, first pull
// of what changed since) and on an existing one with the year synced (every later launch).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startHostProcess } from '../support/hostProcess.node.ts';
import { templateFile, templateIsStale, writeTemplate } from '../../src-central/store/pgliteTemplate.node.ts';
import { median, recordFigure } from './figures.node.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const RUNS = 5;

const summary = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

/** Until the desk has signed in and synced: a data folder with the year synced, as every later launch finds it. */
async function waitForFirstSync(page: Page) {
  await page.waitForFunction(async () => {
    const answer = await fetch('/rpc/sync.status', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const status = (await answer.json()) as { ok: boolean; value?: { connection: string; lastSyncAt: string | null } };
    return status.ok && status.value!.connection === 'online' && status.value!.lastSyncAt !== null;
  }, undefined, { polling: 200, timeout: 60_000 });
}

async function launchOnce(browser: Browser, dataDir?: string, { untilSynced = false } = {}) {
  // The previous launch's writes (a first launch unpacks 80 MB) flushed, as between two of a user's launches.
  execFileSync('sync');
  const started = performance.now();
  const host = await startHostProcess({ dataDir, bundled: true });
  const page = await browser.newPage();
  await page.goto(host.launchUrl);
  await page.locator('.slot-list .slot').first().waitFor();
  const firstScreen = performance.now() - started;
  if (untilSynced) await waitForFirstSync(page);
  await page.close();
  await host.stop();
  return { hostReady: host.readyMs, firstScreen };
}

export async function benchStartup() {
  // As `npm start` does before it starts the host: the template, and the bundles.
  const template = templateFile(process.cwd());
  if (templateIsStale(template, 'drizzle/central')) await writeTemplate(template, 'drizzle/central');
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: process.env.GUICHET_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const kept = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-'));
  await launchOnce(browser, kept, { untilSynced: true });
  const runs = { fresh: [] as { hostReady: number; firstScreen: number }[], existing: [] as { hostReady: number; firstScreen: number }[] };
  for (let i = 0; i < RUNS; i += 1) {
    runs.fresh.push(await launchOnce(browser));
    runs.existing.push(await launchOnce(browser, kept));
  }
  await browser.close();
  fs.rmSync(kept, { recursive: true, force: true });
  for (const [name, list] of Object.entries(runs)) {
    console.log(`startup, ${name} data folder (${RUNS} runs)`);
    console.log(`  browser host ready:           ${summary(list.map((r) => r.hostReady))}`);
    console.log(`  launch → first screen slots:  ${summary(list.map((r) => r.firstScreen))}`);
  }
  const afterReady = median(runs.existing.map((r) => r.firstScreen - r.hostReady));
  const firstLaunch = median(runs.fresh.map((r) => r.firstScreen));
  console.log(`  existing data folder, browser host ready → first screen: median ${afterReady.toFixed(0)} ms`);
  recordFigure({ what: 'existing data folder: browser host ready → first screen', measured: `${afterReady.toFixed(0)} ms`, target: '< 1 s', met: afterReady < 1000 });
  recordFigure({ what: 'first launch of the demo, seeding included → first screen', measured: `${firstLaunch.toFixed(0)} ms`, target: '< 3 s', met: firstLaunch < 3000 });
}
