// What a newcomer tripped over on a first evening with Guichet: slots of the morning still
// offered at 20:10, side panels over the list, a panel titled "Place an option" where none
// can be, week headers in capitals, a blank month while it loads.
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../support/hostProcess.node.ts';
import { expect, hostCall, screenshot, test, withSignedInHost } from './fixtures.ts';
import { BookingPanel } from './pages/BookingPanel.ts';
import { OrdersPage } from './pages/OrdersPage.ts';

const SIZES = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }];

/** Tomorrow at 20:10 in Paris: the service's clock runs ahead of the desk's, never behind (tokens stay valid). */
const evening = DateTime.now().setZone('Europe/Paris').plus({ days: 1 }).set({ hour: 20, minute: 10, second: 0, millisecond: 0 });

const eveningTest = test.extend<{ eveningHost: RunningHost }>({
  eveningHost: async ({}, use) => withSignedInHost(evening.toJSDate(), use),
});

async function atEachSize(page: Page, check: () => Promise<void>) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await check();
  }
  await page.setViewportSize(SIZES[0]!);
}

eveningTest('at 20:10 the morning slots are past, said so, and cannot be picked, in the day and the week', async ({ page, eveningHost, shell, calendar }) => {
  await shell.open(eveningHost.launchUrl);
  await shell.switchLanguage('fr');
  await calendar.openDay('Arc de triomphe', evening.toJSDate());
  const morning = calendar.slots.filter({ hasText: /^10:00/ });
  await expect(morning).toBeDisabled();
  await expect(morning).toContainText('Passé');
  await expect(morning).not.toContainText('places');
  await expect(calendar.slots.filter({ hasText: /^20:15/ })).toBeEnabled();
  await screenshot(page, 'calendar-started-slots-fr');

  await page.getByRole('button', { name: 'Semaine', exact: true }).click();
  const day = page.locator('.week-day', { has: page.locator('h4', { hasText: evening.setLocale('fr').toFormat('d LLLL yyyy') }) });
  await expect(day.locator('button.slot').first()).toBeDisabled();
  await expect(day.locator('button.slot').first()).toContainText('passé');
  await screenshot(page, 'calendar-week-started-fr');
});

test('where no option can be placed, the booking panel is titled "Acheter"', async ({ page, host, shell, calendar }) => {
  const panel = new BookingPanel(page);
  await shell.open(host.launchUrl);
  await shell.switchLanguage('fr');
  await calendar.openDay('Château de Vincennes', DateTime.now().plus({ days: 40 }).toJSDate());
  await calendar.openSlot('10:00');
  await expect(panel.root.getByRole('heading', { level: 2 })).toHaveText('Acheter');
  await expect(page.getByRole('complementary', { name: 'Acheter' })).toBeVisible();
  await screenshot(page, 'booking-panel-buy-now-fr');
});

test('the booking panel leaves the month’s last column and the venue’s rules in view', async ({ page, host, shell, calendar }) => {
  const panel = new BookingPanel(page);
  await shell.open(host.launchUrl);
  await shell.switchLanguage('fr');
  await calendar.openDay('Sainte-Chapelle', DateTime.now().plus({ days: 90 }).toJSDate());
  await calendar.openSlot('10:00');
  await expect(panel.root).toBeVisible();
  await atEachSize(page, async () => {
    expect(await shell.panelCovers(page.locator('.month-grid .weekday').last())).toBe(0);
    expect(await shell.panelCovers(page.locator('.month-grid [role="gridcell"]').last())).toBe(0);
    expect(await shell.panelCovers(page.locator('.venue-rules'))).toBe(0);
  });
  await screenshot(page, 'booking-panel-beside-month-fr');
});

test('the week’s headers write French months in lower case', async ({ page, host, shell, calendar }) => {
  await shell.open(host.launchUrl);
  await shell.switchLanguage('fr');
  await calendar.openDay('Sainte-Chapelle', DateTime.now().plus({ days: 90 }).toJSDate());
  await page.getByRole('button', { name: 'Semaine', exact: true }).click();
  const headers = page.locator('.week-day h4');
  await expect(headers).toHaveCount(7);
  // innerText: as the agent reads it, after the style sheet's text-transform.
  for (const text of await headers.evaluateAll((hs) => hs.map((h) => (h as HTMLElement).innerText))) {
    expect(text).toMatch(/^\d{1,2} [a-zéû]+ \d{4}$/);
  }
  await screenshot(page, 'calendar-week-fr');
});

test('the month shows that it is loading instead of a blank grid', async ({ page, host, shell }) => {
  await shell.open(host.launchUrl);
  await shell.switchLanguage('fr');
  await expect(page.locator('.month-grid [role="gridcell"]').first()).toBeVisible();
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/rpc/calendar.month', async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Chargement des créneaux…' })).toBeVisible();
  await expect(page.locator('.month-loading .day-loading')).toHaveCount(35);
  await screenshot(page, 'calendar-loading-fr');
  release();
  await expect(page.locator('.month-grid [role="gridcell"]').first()).toBeVisible();
  await expect(page.locator('.month-loading')).toHaveCount(0);
});

test('the order and companion panels leave the list’s last column and its search in view', async ({ page, host, shell }) => {
  // One order, bought at once at Vincennes in six weeks' time, paid by card.
  const visit = DateTime.now().setZone('Europe/Paris').plus({ days: 42 });
  const month = await hostCall(host, 'calendar.month', { venueId: 'chateau-de-vincennes', month: visit.toFormat('yyyy-MM') }) as
    { days: { date: string; slots: { id: string; status: string; remaining: number }[] }[] };
  const slot = month.days.flatMap((d) => d.slots).find((s) => s.status === 'open' && s.remaining >= 10)!;
  await hostCall(host, 'cart.buyNow', { slotId: slot.id, composition: { visitors: 10, guides: 0, leaders: 0 } });
  await hostCall(host, 'cart.checkout', { termsAccepted: true, payment: { method: 'card', card: { number: '4242424242424242', expiry: '12/30', cvc: '123', holder: 'Camille Martin' } } });

  await hostCall(host, 'companions.save', { kind: 'guide', surname: 'LAGO', firstName: 'Lola-Marie', email: 'lola-marie.lago@voyages-exemple.fr', phone: '+33 6 12 34 56 78', placeholder: false });
  await shell.open(host.launchUrl);
  await shell.switchLanguage('fr');
  await shell.go('orders');
  const orders = new OrdersPage(page);
  await orders.open(orders.rows.first());
  await atEachSize(page, async () => {
    expect(await shell.panelCovers(page.locator('table[aria-label="Commandes"] th').last())).toBe(0);
    expect(await shell.panelCovers(page.locator('form.order-search button[type="submit"]'))).toBe(0);
  });
  await screenshot(page, 'orders-detail-open-fr');

  await shell.go('companions');
  await page.getByRole('button', { name: 'Créer un accompagnateur' }).click();
  await expect(page.getByRole('complementary', { name: 'Créer un accompagnateur' })).toBeVisible();
  await atEachSize(page, async () => {
    expect(await shell.panelCovers(page.locator('table[aria-label="Accompagnateurs"] th').last())).toBe(0);
    expect(await shell.panelCovers(page.getByLabel('Rechercher'))).toBe(0);
  });
  await screenshot(page, 'companions-form-open-fr');
});

