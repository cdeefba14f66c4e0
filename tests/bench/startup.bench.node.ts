// App start time: from launching the browser host on a fresh data folder (first
// launch: migrations + demo catalogue) and on an existing one, to the first screen
// showing Sainte-Chapelle's slots in Chromium.
import { chromium } from '@playwright/test';
import { startHostProcess } from '../support/hostProcess.node.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchStartup() {
  const browser = await chromium.launch({ executablePath: process.env.GUICHET_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const hostReady: number[] = [];
  const firstScreen: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const host = await startHostProcess();
    hostReady.push(host.readyMs);
    const page = await browser.newPage();
    await page.goto(host.launchUrl);
    await page.locator('.slot-list .slot').first().waitFor();
    firstScreen.push(performance.now() - started);
    await page.close();
    await host.stop();
  }
  await browser.close();
  console.log(`startup (fresh data folder, demo catalogue seeded, ${RUNS} runs)`);
  console.log(`  browser host ready:          median ${median(hostReady).toFixed(0)} ms  (min ${Math.min(...hostReady).toFixed(0)}, max ${Math.max(...hostReady).toFixed(0)})`);
  console.log(`  launch → first screen slots: median ${median(firstScreen).toFixed(0)} ms  (min ${Math.min(...firstScreen).toFixed(0)}, max ${Math.max(...firstScreen).toFixed(0)})`);
}
