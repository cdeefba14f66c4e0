// Every screen, with something on it as an agent has it on a working day, scanned by axe-core
// against WCAG 2.1 A and AA in the light theme and in the system's dark one: no serious or
// critical violation in either. The dark screenshots (`*-dark`) are for a person to look at.
import fs from 'node:fs';
import { DEMO_ACCOUNT, TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { startHostProcess } from '../support/hostProcess.node.ts';
import { queueAsAnOlderGuichet } from '../support/olderGuichet.node.ts';
import { tempDir } from '../support/tempCore.node.ts';
import { expect, hostCall, test } from './fixtures.ts';
import { AccessibilityScan } from './pages/a11y.ts';
import { AppShell } from './pages/AppShell.ts';
import { BookingPanel } from './pages/BookingPanel.ts';
import { BundleTray } from './pages/BundleTray.ts';
import { CartPage } from './pages/CartPage.ts';
import { OptionsPage } from './pages/OptionsPage.ts';
import { OrdersPage } from './pages/OrdersPage.ts';
import { SyncPage } from './pages/SyncPage.ts';
import { VouchersPage } from './pages/VouchersPage.ts';

const DAY = 86_400_000;
const MAD = 'Musée des Arts Décoratifs – Contremarques';

// axe is injected as a script tag, which the renderer's Content-Security-Policy would refuse.
test.use({ bypassCSP: true });

test('calendar, options, companions, cart, orders, tickets and vouchers: no serious violation in either theme', async ({ page, host, shell, calendar }) => {
  const scan = new AccessibilityScan(page);
  const panel = new BookingPanel(page);
  const cart = new CartPage(page);
  const orders = new OrdersPage(page);
  const vouchers = new VouchersPage(page);
  await shell.open(host.launchUrl);

  await calendar.openDay('Sainte-Chapelle', new Date(Date.now() + 100 * DAY));
  await calendar.openSlot('10:00 am');
  await panel.compose({ visitors: 16, guides: 1 });
  await expect(panel.total).toHaveText('€272.00');
  await scan.check('calendar-booking');
  await panel.placeButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Option prepared for Sainte-Chapelle' })).toBeVisible();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' }).click();
  await expect(page.locator('.week-view')).toBeVisible();
  await scan.check('calendar-week');

  await shell.go('options');
  await expect(new OptionsPage(page).state()).toHaveText('Held');
  await scan.check('options');

  await shell.go('companions');
  await page.getByRole('button', { name: 'Create a companion' }).click();
  const form = page.getByRole('complementary', { name: 'Create a companion' });
  await form.locator('select[name="kind"]').selectOption('guide');
  await form.locator('input[name="surname"]').fill('LAGO');
  await form.locator('input[name="firstName"]').fill('Lola');
  await form.locator('input[name="email"]').fill('lola@example');
  await form.locator('button[type="submit"]').click();
  // The refusal is at its field, marked on it (the danger colours the scan reads in both themes).
  await expect(form.locator('input[name="email"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('.field-error')).toContainText('the e-mail address is not in the expected format');
  await scan.check('companions-form-refused');
  await form.locator('input[name="email"]').fill('lola@example.org');
  await form.locator('button[type="submit"]').click();
  await expect(page.locator('tr[data-companion-id]').filter({ hasText: 'LAGO' })).toBeVisible();
  await scan.check('companions');

  // Two vouchers in the same order, so that the Vouchers screen has codes and their states.
  await shell.go('vouchers');
  await vouchers.addToCart(MAD, 'mad-contremarques:plein', 2, 'Add to cart');
  await shell.go('options');
  await new OptionsPage(page).row().getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Add 1 option to cart' }).click();
  await expect(cart.total).toHaveText('€302.00');
  await cart.applyToAll('Lola LAGO');
  await cart.acceptTerms();
  await cart.fillCard({ holder: 'Camille Martin', number: TEST_CARDS.approved, expiry: '12/30', cvc: '123' });
  await scan.check('cart-checkout');

  await cart.pay();
  await expect(orders.state()).toHaveText('Paid');
  await expect(orders.tickets).toHaveCount(17);
  await scan.check('orders-detail');
  await orders.assign.getByRole('button', { name: 'Create a contact +' }).click();
  await expect(orders.assign.locator('form.new-contact')).toBeVisible();
  await scan.check('orders-assign-tickets');
  await orders.detail.getByRole('button', { name: 'Print tickets', exact: true }).click();
  await expect(new BundleTray(page).latest()).toHaveAttribute('data-state', 'done');
  await scan.check('orders-bundle-tray');
  await new BundleTray(page).latest().getByRole('button', { name: 'Remove from the list' }).click();

  await shell.go('tickets');
  await expect(page.locator('tr[data-ticket-number]')).toHaveCount(17);
  await scan.check('tickets');

  await shell.go('vouchers');
  await expect(vouchers.codes).toHaveCount(2);
  await vouchers.selectAllShown();
  // What the earlier steps said would hide the codes at 1366×768.
  const dismiss = shell.notices.getByRole('button', { name: 'Dismiss' });
  while (await dismiss.count() > 0) await dismiss.first().click();
  await scan.check('vouchers');

  expect(scan.report(), 'serious or critical accessibility violations (screen, theme, rule, target, summary)').toBe('');
});

test('in French: sync with a refused change, account signed in, then the sign-up form: no serious violation in either theme', async ({ page }) => {
  const central = await startCentralHarness(new Date());
  const dataDir = tempDir('guichet-e2e-');
  const env = { GUICHET_CENTRAL_URL: central.url };
  let host = await startHostProcess({ dataDir, env });
  try {
    await hostCall(host, 'account.signIn', await central.validatedOffice(DEMO_ACCOUNT.company, DEMO_ACCOUNT.contactName));
    await hostCall(host, 'sync.now');
    await host.stop();
    queueAsAnOlderGuichet(dataDir, [
      { name: 'contact.save', args: { contactId: crypto.randomUUID(), surname: 'DU\u0007RAND', firstName: 'Léa', email: 'lea@example.org' } },
    ]);
    host = await startHostProcess({ dataDir, env });

    const shell = new AppShell(page);
    const sync = new SyncPage(page);
    const scan = new AccessibilityScan(page);
    await shell.open(host.launchUrl);
    await shell.switchLanguage('fr');
    await shell.go('sync');
    await expect(sync.refused).toHaveCount(1);
    await scan.check('sync-refused');
    await sync.edit('Contact Léa', 'Modifier');
    await scan.check('sync-refused-edit');

    await shell.go('account');
    await expect(page.getByTestId('office-status')).toBeVisible();
    await scan.check('account');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.locator('form[data-form="sign-up"]')).toBeVisible();
    await scan.check('account-signup');

    expect(scan.report(), 'serious or critical accessibility violations (screen, theme, rule, target, summary)').toBe('');
  } finally {
    await host.stop();
    await central.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
