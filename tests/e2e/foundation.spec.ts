import { test, expect, screenshot } from './fixtures.ts';
import { parisDay } from './pages/CalendarPage.ts';

const nextMonthDay = (day: number) => {
  const [year, month] = parisDay(new Date()).split('-').map(Number);
  return new Date(Date.UTC(year!, month!, day)).toISOString().slice(0, 10);
};

test('the demo as a newcomer starts it: switch language, pick Sainte-Chapelle and read its slots with their capacity', async ({ page, demoHost, shell, calendar }) => {
  await shell.open(demoHost.launchUrl);
  await expect(shell.heading).toHaveText('Calendar');

  await shell.switchLanguage('fr');
  await expect(shell.heading).toHaveText('Calendrier');
  await expect(shell.navigation.getByRole('link', { name: 'Options' })).toBeVisible();

  await calendar.pickVenue('Sainte-Chapelle');
  await expect(page.getByText('26 personnes au maximum par créneau, guide compris')).toBeVisible();
  await expect(page.getByText('Options conservées jusqu’à 60 jours avant la visite')).toBeVisible();

  await calendar.nextMonth();
  const day = nextMonthDay(10);
  await calendar.pickDay(day);
  await expect(page.getByRole('heading', { name: /^Créneaux du / })).toBeVisible();
  await expect.poll(() => calendar.slots.count()).toBeGreaterThan(20);
  await expect(calendar.slots.first().locator('.slot-time')).toHaveText('09:00');
  const places = await calendar.slots.locator('.slot-places').allTextContents();
  expect(places.every((text) => / \/ 26 places$/.test(text))).toBe(true);
  await screenshot(page, 'calendar-sainte-chapelle-fr');

  await page.reload();
  await expect(shell.heading).toHaveText('Calendrier');
  await expect(calendar.slots.first()).toContainText('/ 26 places');

  await shell.switchLanguage('en');
  await expect(shell.heading).toHaveText('Calendar');
  await expect(calendar.slots.first().locator('.slot-time')).toHaveText('9:00 am');
  await screenshot(page, 'calendar-sainte-chapelle-en');
});

test('every screen of the navigation opens, in English and in French', async ({ page, host, shell }) => {
  await shell.open(host.launchUrl);
  const screens = [
    ['options', 'Provisional bookings (options)', 'Options', 'No option yet'],
    ['companions', 'Companions', 'Accompagnateurs', 'No companion yet'],
    ['orders', 'Orders', 'Commandes', 'No order yet'],
    ['tickets', 'Ticket assignment', 'Attribution de billets', 'No ticket yet'],
    ['vouchers', 'Vouchers', 'Contremarques', 'No voucher yet'],
    ['cart', 'Cart', 'Panier', 'The cart is empty'],
    ['sync', 'Synchronisation', 'Synchronisation', 'Changes waiting to be sent'],
    ['account', 'Account', 'Compte', 'Signed in as Camille Martin'],
  ] as const;
  for (const [screen, english, french, sentence] of screens) {
    await shell.go(screen);
    await expect(shell.heading).toHaveText(english);
    await expect(page.getByText(sentence)).toBeVisible();
    await screenshot(page, `${screen}-en`);
    await shell.switchLanguage('fr');
    await expect(shell.heading).toHaveText(french);
    await screenshot(page, `${screen}-fr`);
    await shell.switchLanguage('en');
  }
});

test('a venue without online slots shows its booking department', async ({ page, host, shell, calendar }) => {
  await shell.open(host.launchUrl);
  await calendar.pickVenue('Panthéon');
  await expect(page.getByRole('heading', { name: 'Booked through the monument' })).toBeVisible();
  await expect(page.getByRole('link', { name: /@monuments-nationaux\.fr$/ })).toBeVisible();
  await screenshot(page, 'calendar-on-request-en');
});

test('a bad link says what is wrong in the user language, never a blank screen', async ({ page, host, shell }) => {
  await shell.open(host.launchUrl);
  await page.goto(`${host.origin}/#/calendar?venue=sainte-chapelle&month=2026-13`);
  await page.reload();
  await expect(shell.alert).toHaveText(/Please check: the month is not a valid date\./);
  await expect(shell.navigation).toBeVisible();

  await shell.switchLanguage('fr');
  await page.goto(`${host.origin}/#/calendar?venue=nulle-part&month=2027-01`);
  await page.reload();
  await expect(shell.alert).toContainText('Introuvable : monument « nulle-part »');
  await expect(page.locator('body')).not.toContainText('at Object');
  await screenshot(page, 'calendar-bad-link-fr');
});

test('the browser host refuses a request without its token', async ({ browser, host }) => {
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  const response = await page.goto(host.origin);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('needs the link printed when Guichet started');
  const rpc = await page.request.post(`${host.origin}/rpc/catalogue.venues`, { data: {} });
  expect(rpc.status()).toBe(401);
  await stranger.close();
});
