import { defineConfig } from '@playwright/test';

// Playwright never downloads a browser here: it drives Debian's Chromium.
const executablePath = process.env.GUICHET_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  workers: 2,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
    },
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
  },
});
