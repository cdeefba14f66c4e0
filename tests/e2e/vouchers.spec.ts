// End to end in French, as the seed's part II and III tell it: 30 vouchers bought by card from
// the Vouchers screen, listed "Non affecté", exported as the PDF (one code a page) and the Excel
// (codes in column K), one redeemed at the museum's till through the central API and shown
// "Utilisé" after a sync. Also: an office not yet validated sees the vouchers but cannot buy.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.node.ts';
import { startHostProcess, type RunningHost } from '../support/hostProcess.node.ts';
import { signUpForm } from '../support/signUpForm.std.ts';
import { test, expect, screenshot } from './fixtures.ts';
import { AppShell } from './pages/AppShell.ts';
import { CartPage } from './pages/CartPage.ts';
import { OrdersPage } from './pages/OrdersPage.ts';
import { VouchersPage } from './pages/VouchersPage.ts';

const MAD = 'Musée des Arts Décoratifs – Contremarques';
const OUT = path.resolve(import.meta.dirname, '../../test-results/vouchers');

let central: CentralHarness;
let host: RunningHost;
let inbox: SmtpInbox;

test.beforeEach(async () => {
  inbox = await startSmtpInbox();
  central = await startCentralHarness(new Date(), { mail: { smtpUrl: inbox.url, from: 'billetterie@guichet.example' } });
  host = await startHostProcess({ env: { GUICHET_CENTRAL_URL: central.url } });
});

test.afterEach(async () => {
  await host.stop();
  await central.close();
  await inbox.close();
});

async function signedIn(page: Page, credentials: { email: string; password: string }) {
  const shell = new AppShell(page);
  await shell.open(host.launchUrl);
  await shell.signIn(credentials);
  await shell.switchLanguage('fr');
  return { shell, vouchers: new VouchersPage(page), cart: new CartPage(page), orders: new OrdersPage(page) };
}

async function redeem(code: string) {
  const { tills } = await (await central.admin('/admin/voucher-tills')).json() as { tills: { museumId: string; token: string }[] };
  const till = tills.find((t) => t.museumId === 'mad-contremarques')!;
  return fetch(new URL('/vouchers/redeem', central.url), {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-till-token': till.token }, body: JSON.stringify({ code, till: 'Caisse 2' }),
  });
}

test('buy 30 vouchers by card, export them both ways, see one used at the museum', async ({ page }) => {
  const { shell, vouchers, cart, orders } = await signedIn(page, await central.validatedOffice('Voyages Lumière'));
  await shell.go('vouchers');
  await expect(page.getByRole('region', { name: MAD })).toContainText('Contremarque plein tarif');
  await expect(vouchers.tariff(MAD, 'mad-contremarques:plein')).toContainText('15,00 €');
  await expect(vouchers.tariff(MAD, 'mad-contremarques:plein')).toContainText('Valable 12 mois');
  // Typed 28, then + twice: 30.
  const row = vouchers.tariff(MAD, 'mad-contremarques:plein');
  await row.locator('input').fill('1001');
  await expect(row).toContainText('Entre 1 et 1 000 contremarques par tarif.');
  await expect(row.getByRole('button', { name: 'Ajouter au panier' })).toBeDisabled();
  await vouchers.addToCart(MAD, 'mad-contremarques:plein', 28, 'Ajouter au panier', 2);
  await expect(page.getByRole('status').filter({ hasText: '30 contremarques' })).toBeVisible();
  await screenshot(page, 'vouchers-buy-fr');
  await shell.switchLanguage('en');
  await expect(row.getByRole('button', { name: 'Add to cart' })).toBeVisible();
  await screenshot(page, 'vouchers-buy-en');
  await shell.switchLanguage('fr');

  await shell.go('cart');
  await expect(page.locator('section.cart-vouchers')).toContainText(`${MAD} — Contremarque plein tarif`);
  await expect(cart.total).toHaveText('450,00 €');
  await screenshot(page, 'cart-vouchers-fr');
  await cart.fillCard({ holder: 'Camille Martin', number: TEST_CARDS.approved, expiry: '12/30', cvc: '123' });
  await cart.acceptTerms();
  await cart.pay();
  await expect(orders.detail).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'payée (450,00 €) : ses codes de contremarques sont émis.' })).toBeVisible();
  await expect(orders.detail.locator('section.order-vouchers tbody tr')).toHaveCount(31);
  await screenshot(page, 'order-vouchers-fr');

  await shell.go('vouchers');
  await expect(vouchers.codes).toHaveCount(30);
  await expect(vouchers.codesWithStatus('Non affecté')).toHaveCount(30);
  await vouchers.selectAllShown();
  await expect(vouchers.selectedCount).toHaveText('30 codes sélectionnés');
  const codes = await vouchers.codes.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')!));
  await screenshot(page, 'vouchers-codes-fr');

  const xlsxFile = path.join(OUT, 'contremarques.xlsx');
  const xlsx = await vouchers.export('Excel (codes en colonne K)');
  expect(xlsx.suggestedFilename()).toBe('contremarques-30.xlsx');
  await xlsx.saveAs(xlsxFile);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxFile);
  expect(workbook.worksheets[0]!.getColumn('K').values.slice(2)).toEqual(codes);

  const pdfFile = path.join(OUT, 'contremarques.pdf');
  await (await vouchers.export('PDF (un code par page)')).saveAs(pdfFile);
  expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Pages:\s+30\n/);

  // Three recipients pasted with one bad line: three free codes go, the bad line is named.
  await vouchers.actionBar.getByRole('button', { name: 'Désélectionner' }).click();
  const result = await vouchers.assign('Léa Durand <lea.durand@example.org>\npas une adresse\npaul.martin@example.org\nZoé <zoe@example.org>',
    'Envoyer des codes libres, un chacun');
  await expect(result).toContainText('Envoyés : 3 · en attente de connexion : 0 · refusés : 1');
  await expect(result).toContainText('Ligne 2 : « pas une adresse » n’est pas une adresse e-mail');
  await expect(vouchers.codesWithStatus('Affecté')).toHaveCount(3);
  await expect(vouchers.codesWithStatus('Non affecté')).toHaveCount(27);
  const sent = inbox.mailTo('lea.durand@example.org');
  expect(sent).toHaveLength(1);
  const leaCode = await page.locator('section.voucher-codes tbody tr', { hasText: 'lea.durand@example.org' }).getAttribute('data-code');
  expect(sent[0]!.text).toContain(leaCode!);
  await screenshot(page, 'vouchers-assigned-fr');

  const used = codes[4]!;
  expect((await redeem(used)).status).toBe(200);
  await shell.go('sync');
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await shell.go('vouchers');
  await expect(vouchers.codesWithStatus('Utilisé')).toHaveCount(1);
  // Used codes sort below the unassigned ones.
  await expect(vouchers.codes.last()).toHaveAttribute('data-code', used);
  await expect(vouchers.codes.last()).toContainText('Utilisé le');
  await vouchers.filterStatus('Utilisé');
  await expect(vouchers.codes).toHaveCount(1);
  await vouchers.filterStatus('Tous');
  await vouchers.search(used.replace(/-/g, '').toLowerCase());
  await expect(vouchers.codes).toHaveCount(1);
  await screenshot(page, 'vouchers-used-fr');
  await shell.switchLanguage('en');
  await expect(vouchers.codes.first()).toContainText('Used on');
  await screenshot(page, 'vouchers-used-en');
});

test('an office the platform has not validated sees the vouchers and is told why it cannot buy yet', async ({ page }) => {
  const email = `office-${crypto.randomUUID()}@example.org`;
  const password = 'Secret!2025x';
  await fetch(new URL('/auth/signup', central.url), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signUpForm(email, password, { company: 'Nouvelle Agence', contactName: 'Léa' })),
  });
  const { shell, vouchers } = await signedIn(page, { email, password });
  await shell.go('vouchers');
  await expect(vouchers.notValidated).toContainText('La plateforme n’a pas encore validé votre compte professionnel');
  await expect(vouchers.tariff(MAD, 'mad-contremarques:plein').getByRole('button', { name: 'Ajouter au panier' })).toBeDisabled();
  await screenshot(page, 'vouchers-not-validated-fr');
});

test('a notice said in French is said again in English once the agent switches language', async ({ page }) => {
  const { shell, vouchers } = await signedIn(page, await central.validatedOffice('Voyages Lumière'));
  await shell.go('vouchers');
  await vouchers.addToCart(MAD, 'mad-contremarques:plein', 2, 'Ajouter au panier');
  const notice = page.locator('.notices .toast');
  await expect(notice).toHaveText(/^2 contremarques « .* — Contremarque plein tarif » ajoutées au panier\./);
  await shell.switchLanguage('en');
  await expect(notice).toHaveText(/^2 “.* — Voucher, full price” vouchers added to the cart\./);
  await expect(notice.getByRole('button')).toHaveText('Dismiss');
});

test('resend a code to its recipient, reassign it, and see an e-mail the service refused next to its code', async ({ page }) => {
  const { shell, vouchers, cart, orders } = await signedIn(page, await central.validatedOffice('Voyages Lumière'));
  await shell.go('vouchers');
  await vouchers.addToCart(MAD, 'mad-contremarques:plein', 3, 'Ajouter au panier');
  await shell.go('cart');
  await cart.fillCard({ holder: 'Camille Martin', number: TEST_CARDS.approved, expiry: '12/30', cvc: '123' });
  await cart.acceptTerms();
  await cart.pay();
  await expect(orders.detail).toBeVisible();
  await shell.go('vouchers');
  await expect(vouchers.codes).toHaveCount(3);

  await vouchers.assign('Léa Durand <lea.durand@example.org>', 'Envoyer des codes libres, un chacun');
  const lea = vouchers.rowTo('lea.durand@example.org');
  await expect(lea).toContainText('Affecté');
  const code = (await lea.getAttribute('data-code'))!;
  await lea.getByRole('button', { name: 'Renvoyer' }).click();
  await expect(page.locator('.notices .toast').filter({ hasText: 'envoyés : 1' })).toBeVisible();
  // The same code, twice, to the same person.
  await expect.poll(() => inbox.mailTo('lea.durand@example.org').length).toBe(2);
  for (const mail of inbox.mailTo('lea.durand@example.org')) expect(mail.text).toContain(code);

  await vouchers.reassign(code, 'tom@example.org');
  await expect(vouchers.row(code)).toContainText('tom@example.org');
  await expect.poll(() => inbox.mailTo('tom@example.org').length).toBe(1);

  // Used at the museum before this desk heard of it: the service refuses the e-mail, and the row says so.
  const free = (await vouchers.codesWithStatus('Non affecté').first().getAttribute('data-code'))!;
  expect((await redeem(free)).status).toBe(200);
  await vouchers.search(free);
  await page.locator('section.voucher-codes tbody').getByRole('checkbox').check();
  await vouchers.assign('zoe@example.org', 'Envoyer le code sélectionné');
  const refusal = vouchers.row(free).getByTestId('voucher-refusal');
  await expect(refusal).toContainText('Non envoyé à zoe@example.org');
  await expect(refusal).toContainText('le code a été utilisé entre-temps');
  await vouchers.search('');
  // The notices of what was just sent stack under the list, never over its Actions column.
  await expect(shell.notices.locator('.toast')).not.toHaveCount(0);
  expect(await shell.noticesOverlap()).toBe(0);
  await page.locator('form.voucher-assign').scrollIntoViewIfNeeded();
  await screenshot(page, 'vouchers-refusal-assign-open-fr');
  await shell.switchLanguage('en');
  await expect(refusal).toContainText('Not sent to zoe@example.org');
  await screenshot(page, 'vouchers-refusal-assign-open-en');
  await vouchers.row(free).getByRole('button', { name: 'Dismiss' }).click();
  await expect(refusal).toHaveCount(0);
});
