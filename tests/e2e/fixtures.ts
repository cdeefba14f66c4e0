import fs from 'node:fs';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startHostProcess, type RunningHost } from '../support/hostProcess.node.ts';
import { AppShell } from './pages/AppShell.ts';
import { CalendarPage } from './pages/CalendarPage.ts';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Saves what the user sees at the two sizes UX.md asks for, for a person to look at. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${size.width}x${size.height}.png`) });
  }
  if (original) await page.setViewportSize(original);
}

export const test = base.extend<{ host: RunningHost; shell: AppShell; calendar: CalendarPage }>({
  host: async ({}, use) => {
    const host = await startHostProcess();
    await use(host);
    await host.stop();
  },
  shell: async ({ page }, use) => use(new AppShell(page)),
  calendar: async ({ page }, use) => use(new CalendarPage(page)),
});

export { expect } from '@playwright/test';
