import { defineConfig } from '@playwright/test';

// Playwright never downloads a browser here: it drives Debian's Chromium.
const executablePath = process.env.GUICHET_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // The run's PostgreSQL cluster and seeded templates, as for vitest (tests/support/globalSetup.node.ts).
  globalSetup: './tests/support/globalSetup.node.ts',
  outputDir: 'test-results/playwright',
  // The only time limits of the end-to-end suite, far above what a test takes on a quiet
  // machine, so that a CI machine shared with other jobs still passes: they stop a hung test,
  // they never judge speed. Every step waits for what the agent would see, not for a delay.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 2,
  reporter: [['list']],
  use: {
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
    },
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
  },
});
