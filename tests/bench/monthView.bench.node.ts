// Month view rendering in Chromium, measured with the renderer's own performance marks:
// from the click (venue or next month) to the grid of ~1,000 slots being on screen.
import { chromium } from '@playwright/test';
import { startHostProcess } from '../support/hostProcess.node.ts';
import { median } from './figures.node.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const RUNS = 10;

const summary = (xs: number[]) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;

export async function benchMonthView() {
  const host = await startHostProcess();
  const browser = await chromium.launch({ executablePath: process.env.GUICHET_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const lastMeasure = () =>
    page.evaluate(() => {
      const requested = performance.getEntriesByName('guichet:month-requested').at(-1)!;
      const rendered = performance.getEntriesByName('guichet:month-rendered').filter((m) => m.startTime > requested.startTime)[0];
      return rendered ? rendered.startTime - requested.startTime : null;
    });
  try {
    await page.goto(host.launchUrl);
    await page.locator('.month-grid').waitFor();
    const venueRender: number[] = [];
    const monthSwitch: number[] = [];
    let slotsInMonth = 0;
    const countSlots = () => page.evaluate(async () => {
      const month = new URLSearchParams(location.hash.split('?')[1]).get('month');
      const response = await fetch('/rpc/calendar.month', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ venueId: 'sainte-chapelle', month }) });
      const { value } = (await response.json()) as { value: { days: { slots: unknown[] }[] } };
      return value.days.reduce((n, d) => n + d.slots.length, 0);
    });
    for (let i = 0; i < RUNS; i += 1) {
      await page.locator('aside.venue-picker button', { hasText: 'Arc de triomphe' }).click();
      await page.waitForFunction(() => document.querySelector('.venue-header h2')?.textContent === 'Arc de triomphe');
      await page.waitForTimeout(50);
      await page.locator('aside.venue-picker button', { hasText: 'Sainte-Chapelle' }).click();
      await page.waitForFunction(() => document.querySelector('.venue-header h2')?.textContent === 'Sainte-Chapelle');
      await page.waitForTimeout(50);
      venueRender.push((await lastMeasure())!);
      await page.locator('button[aria-label="Next month"]').click();
      await page.waitForTimeout(100);
      monthSwitch.push((await lastMeasure())!);
      slotsInMonth = await countSlots();
      await page.locator('button[aria-label="Previous month"]').click();
      await page.waitForTimeout(50);
    }
    console.log(`month view in Chromium (Sainte-Chapelle, ${slotsInMonth} slots in the month shown, ${RUNS} runs; includes the call to the main process)`);
    console.log(`  venue picked → month rendered:      ${summary(venueRender)}`);
    console.log(`  next month → month rendered:        ${summary(monthSwitch)}`);
  } finally {
    await browser.close();
    await host.stop();
  }
}
