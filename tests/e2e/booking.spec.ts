// The booking agent's daily work in the calendar and the options list, against the demo's
// embedded central service: the seed's price, large groups, resize and cancel, keyboard only.
import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures.ts';
import { BookingPanel } from './pages/BookingPanel.ts';
import { daysBefore, parisDay } from './pages/CalendarPage.ts';
import { OptionsPage } from './pages/OptionsPage.ts';

const DAY = 86_400_000;
const visitIn = (days: number) => new Date(Date.now() + days * DAY);

/** A day from daysBefore, written out. */
const longDate = (d: Date, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);

async function waitHeld(page: Page, optionsPage: OptionsPage, count: number) {
  await expect(optionsPage.rows).toHaveCount(count);
  for (let i = 0; i < count; i += 1) await expect(optionsPage.row(i).locator('.badge')).toHaveText(/Held|Posée/);
}

test('16 visitors and a guide at Sainte-Chapelle: 272,00 € and an expiry 60 days before the visit (in French)', async ({ page, host, shell, calendar }) => {
  const panel = new BookingPanel(page);
  const optionsPage = new OptionsPage(page);
  await shell.open(host.launchUrl);
  await shell.switchLanguage('fr');
  const visit = visitIn(95);
  await calendar.openDay('Sainte-Chapelle', visit);
  await calendar.openSlot('10:00');
  await panel.compose({ visitors: 16, guides: 1 });
  await expect(panel.total).toHaveText(/^272,00\s€$/);
  await expect(panel.root).toContainText('1 billet Guide conférencier, gratuit');
  // 60 calendar days before the visit's day, at the slot's time.
  const expiry = longDate(daysBefore(parisDay(visit), 60), 'fr-FR');
  await expect(panel.placeButton).toHaveText(`Poser une option (date d’expiration ${expiry} 10:00)`);
  await screenshot(page, 'booking-panel-272-fr');
  await panel.placeButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Option préparée pour Sainte-Chapelle' })).toBeVisible();
  await shell.go('options');
  await waitHeld(page, optionsPage, 1);
  await expect(optionsPage.row()).toContainText(`${expiry} 10:00`);
  await expect(optionsPage.row()).toContainText(/expire dans \d+ jours/);
  await screenshot(page, 'options-held-fr');
});

test('a group of 75 is split over three slots of at most 26, placed as one group booking', async ({ page, host, shell, calendar }) => {
  const panel = new BookingPanel(page);
  const optionsPage = new OptionsPage(page);
  await shell.open(host.launchUrl);
  await calendar.openDay('Sainte-Chapelle', visitIn(120));
  await calendar.openSlot('11:00 am');
  await panel.compose({ visitors: 70, guides: 3, leaders: 2 });
  const subGroups = panel.root.getByTestId('sub-group');
  await expect(subGroups).toHaveCount(3);
  // The plan follows the typing: wait for the one made for all 75 people.
  const sizes = async () => (await subGroups.locator('legend').allTextContents()).map((text) => Number(/— (\d+) people/.exec(text)![1]));
  await expect.poll(async () => (await sizes()).reduce((a, b) => a + b, 0)).toBe(75);
  expect(Math.max(...(await sizes()))).toBeLessThanOrEqual(26);
  await screenshot(page, 'booking-split-75-en');
  await panel.root.getByRole('button', { name: 'Place 3 options as one group booking' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 options prepared at Sainte-Chapelle' })).toBeVisible();
  await shell.go('options');
  await waitHeld(page, optionsPage, 3);
  await screenshot(page, 'options-group-booking-en');

  for (let i = 0; i < 3; i += 1) await optionsPage.row(i).getByRole('checkbox').check();
  await page.getByRole('toolbar').getByRole('button', { name: 'Add 3 options to cart' }).click();
  await expect(shell.heading).toHaveText('Cart');
  await expect(page.locator('.cart-group')).toHaveCount(3);
  await expect(shell.navigation.getByTestId('badge-cart')).toHaveText('3');
  // 70 visitors at 17,00 €; every sub-group keeps more than 20 visitors, so the leaders stay free.
  await expect(page.getByTestId('cart-total')).toHaveText('€1,190.00');
  await screenshot(page, 'cart-group-booking-en');
});

test('resize a held option, then cancel it after being told what is released', async ({ page, host, shell, calendar }) => {
  const panel = new BookingPanel(page);
  const optionsPage = new OptionsPage(page);
  await shell.open(host.launchUrl);
  await calendar.openDay('Conciergerie', visitIn(80));
  await calendar.openSlot('2:00 pm');
  await panel.compose({ visitors: 20, guides: 1 });
  await panel.placeButton.click();
  await shell.go('options');
  await waitHeld(page, optionsPage, 1);
  await expect(optionsPage.row().locator('td[data-column="people"]')).toHaveText('21');

  await optionsPage.act(0, 'Change people');
  await optionsPage.panel().locator('input[name="visitors"]').fill('24');
  await optionsPage.panel().getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Change to 25 people sent' })).toBeVisible();
  await expect(optionsPage.row().locator('td[data-column="people"]')).toHaveText('25');
  await expect(optionsPage.row().locator('td[data-column="amount"]')).toHaveText('€240.00');

  await optionsPage.act(0, 'Cancel');
  await expect(optionsPage.panel()).toContainText('25 places at Conciergerie on');
  await screenshot(page, 'options-cancel-confirm-en');
  await optionsPage.panel().locator('.confirm').getByRole('button', { name: 'Cancel' }).click();
  await expect(optionsPage.state()).toHaveText('Cancelled');
});

test('keyboard: the focus stays in the calendar when the next month arrives under it', async ({ page, host, shell, calendar }) => {
  await shell.open(host.launchUrl);
  await calendar.pickVenue('Sainte-Chapelle');
  await expect(calendar.days.first()).toBeVisible();
  const shownMonth = await calendar.grid.getAttribute('aria-label');
  // The next month's answer is held back, as on a slow machine, while the agent tabs into the grid.
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/rpc/calendar.month', async (route) => {
    await released;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Next month' }).click();
  const focusedDate = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.date ?? null);
  for (let i = 0; i < 20 && !(await focusedDate()); i += 1) await page.keyboard.press('Tab');
  expect((await focusedDate())?.slice(0, 7)).toBe(shownMonth);
  release();
  await expect(calendar.grid).not.toHaveAttribute('aria-label', shownMonth!);
  const nextMonth = await calendar.grid.getAttribute('aria-label');
  await expect.poll(async () => (await focusedDate())?.slice(0, 7)).toBe(nextMonth);
  const first = (await focusedDate())!;
  await page.keyboard.press('ArrowRight');
  await expect.poll(focusedDate).toBe(new Date(Date.parse(`${first}T12:00:00Z`) + DAY).toISOString().slice(0, 10));
});

test('keyboard only: from the month to a placed option', async ({ page, host, shell, calendar }) => {
  const panel = new BookingPanel(page);
  await shell.open(host.launchUrl);
  await calendar.pickVenue('Sainte-Chapelle');
  // Three months ahead: beyond the 60-day holding period, so an option is possible.
  for (let i = 0; i < 3; i += 1) await calendar.nextMonth();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { date: el?.dataset.date ?? null, slot: el?.dataset.slotId ?? null, name: (el as HTMLInputElement | null)?.name ?? '' };
  });
  for (let i = 0; i < 80 && !(await focused()).date; i += 1) await page.keyboard.press('Tab');
  const start = (await focused()).date!;
  // Each key's effect is awaited before the next key: on a busy machine React may not have
  // moved the focus yet, and the next key would land on the element before.
  const daysFromStart = async () => {
    const date = (await focused()).date;
    return date ? (Date.parse(date) - Date.parse(start)) / DAY : null;
  };
  const focusedName = async () => (await focused()).name;
  await page.keyboard.press('ArrowDown');
  await expect.poll(daysFromStart).toBe(7);
  await page.keyboard.press('ArrowRight');
  await expect.poll(daysFromStart).toBe(8);
  await page.keyboard.press('Enter');
  await expect(page.locator('.slot-list button.slot:focus')).toBeVisible();
  const firstSlot = (await focused()).slot;
  expect(firstSlot).not.toBeNull();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await focused()).slot).not.toBe(firstSlot);
  await page.keyboard.press('Enter');
  await expect(panel.root).toBeVisible();
  await expect.poll(focusedName).toBe('visitors');
  await page.keyboard.type('12');
  await page.keyboard.press('Tab');
  await expect.poll(focusedName).toBe('guides');
  await page.keyboard.type('1');
  await expect(panel.total).toHaveText('€204.00');
  await page.keyboard.press('Tab');
  await expect.poll(focusedName).toBe('leaders');
  await page.keyboard.press('Tab');
  await expect(panel.placeButton).toBeFocused();
  await screenshot(page, 'booking-keyboard-en');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Option prepared for Sainte-Chapelle' })).toBeVisible();
});

test('the week view of a week across two months shows all seven days with their slots', async ({ page, host, shell, calendar }) => {
  await shell.open(host.launchUrl);
  // The first day of a month that is not a Monday: its week starts in the month before.
  const today = new Date();
  let first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 2, 1, 12));
  // A February of 28 days starts March on a Monday too (1 February and 1 March 2027).
  while (first.getUTCDay() === 1) first = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1, 12));
  await calendar.openDay('Sainte-Chapelle', first);
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  const days = page.locator('.week-view .week-day');
  await expect(days).toHaveCount(7);
  const before = new Date(first.getTime() - DAY);
  await expect(days.first()).not.toHaveAttribute('aria-label', new RegExp(new Intl.DateTimeFormat('en-GB', { month: 'long' }).format(first)));
  await expect(page.locator(`.week-view .week-day[aria-label*="${new Intl.DateTimeFormat('en-GB', { month: 'long' }).format(before)}"] button.slot`).first()).toBeVisible();
  await screenshot(page, 'calendar-week-across-months-en');
});
