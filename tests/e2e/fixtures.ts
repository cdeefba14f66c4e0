import fs from 'node:fs';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { HOST_TOKEN_HEADER } from '../../src-main/contract/transport.std.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
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

/** Calls the host's contract the way the renderer does, with the launch's token. */
export async function hostCall(host: RunningHost, method: string, input: unknown = {}): Promise<unknown> {
  const response = await fetch(`${host.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HOST_TOKEN_HEADER]: new URL(host.launchUrl).searchParams.get('token')! },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * A desk signed in as a validated office of a central service of its own (a copy of the run's
 * seeded database) whose clock reads `now`, its first pull done; both stopped after `use`.
 */
export async function withSignedInHost(now: Date, use: (host: RunningHost) => Promise<void>): Promise<void> {
  const central = await startCentralHarness(now);
  const host = await startHostProcess({ env: { GUICHET_CENTRAL_URL: central.url } });
  try {
    // Named as the demo office is, so that screens read as a newcomer sees them.
    await hostCall(host, 'account.signIn', await central.validatedOffice(DEMO_ACCOUNT.company, DEMO_ACCOUNT.contactName));
    await hostCall(host, 'sync.now');
    await use(host);
  } finally {
    await host.stop();
    await central.close();
  }
}

export const test = base.extend<{ host: RunningHost; demoHost: RunningHost; shell: AppShell; calendar: CalendarPage }>({
  /**
   * A desk signed in as a validated office of a central service of its own (a copy of the
   * run's seeded database), its first pull done: what an agent finds on a working morning.
   */
  host: async ({}, use) => withSignedInHost(new Date(), use),
  /** The demo as a newcomer starts it: the embedded central service in a fresh data folder. */
  demoHost: async ({}, use) => {
    const host = await startHostProcess();
    await use(host);
    await host.stop();
  },
  shell: async ({ page }, use) => use(new AppShell(page)),
  calendar: async ({ page }, use) => use(new CalendarPage(page)),
});

export { expect } from '@playwright/test';
