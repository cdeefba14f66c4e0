// End to end, as an agent works a morning: held option → cart → refused while a guide ticket
// names nobody → Apply to all → a declined card, then a good one → order with its tickets →
// tickets assigned to a new contact, who receives them by e-mail → the receipt printed.
// Then a purchase paid by bank transfer, released by the back office, and cancelled by the venue.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { startHostProcess, type RunningHost } from '../support/hostProcess.node.ts';
import { startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.node.ts';
import { test, expect, screenshot } from './fixtures.ts';
import { AppShell } from './pages/AppShell.ts';
import { BookingPanel } from './pages/BookingPanel.ts';
import { CalendarPage } from './pages/CalendarPage.ts';
import { CartPage } from './pages/CartPage.ts';
import { OptionsPage } from './pages/OptionsPage.ts';
import { OrdersPage } from './pages/OrdersPage.ts';
import { CompanionsPage } from './pages/CompanionsPage.ts';

const PDF_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const DAY = 86_400_000;
const CARD = { holder: 'Camille Martin', expiry: '12/30', cvc: '123' };

let inbox: SmtpInbox;
let central: CentralHarness;
let host: RunningHost;
let credentials: { email: string; password: string };

test.beforeEach(async () => {
  inbox = await startSmtpInbox();
  central = await startCentralHarness(new Date(), { mail: { smtpUrl: inbox.url, from: 'billetterie@guichet.example' } });
  credentials = await central.validatedOffice('Voyages Lumière');
  host = await startHostProcess({ env: { GUICHET_CENTRAL_URL: central.url } });
});

test.afterEach(async () => {
  await host.stop();
  await central.close();
  await inbox.close();
});

/** The office's desk, signed in, with the page objects of the screens these tests use. */
async function signedIn(page: Page) {
  const shell = new AppShell(page);
  await shell.open(host.launchUrl);
  await shell.signIn(credentials);
  return { shell, calendar: new CalendarPage(page), panel: new BookingPanel(page), cart: new CartPage(page), orders: new OrdersPage(page) };
}

async function createCompanion(page: Page, shell: AppShell, firstName: string, surname: string) {
  await shell.go('companions');
  await page.getByRole('button', { name: /^(Create a companion|Créer un accompagnateur)$/ }).click();
  const panel = page.getByRole('complementary');
  await panel.locator('select[name="kind"]').selectOption('guide');
  await panel.locator('input[name="surname"]').fill(surname);
  await panel.locator('input[name="firstName"]').fill(firstName);
  await panel.locator('input[name="phone"]').fill('+33 6 12 34 56 78');
  await panel.locator('button[type="submit"]').click();
  await expect(page.locator('tr[data-companion-id]').filter({ hasText: surname })).toBeVisible();
}

test('options → cart → refused without companion → Apply to all → card → tickets assigned and mailed → receipt', async ({ page }) => {
  const { shell, calendar, panel, cart, orders } = await signedIn(page);
  await createCompanion(page, shell, 'Lola', 'LAGO');

  await shell.go('calendar');
  await calendar.openDay('Sainte-Chapelle', new Date(Date.now() + 100 * DAY));
  await calendar.openSlot('10:00 am');
  await panel.compose({ visitors: 16, guides: 1 });
  await panel.placeButton.click();
  await shell.go('options');
  const options = new OptionsPage(page);
  await expect(options.state()).toHaveText('Held');
  await options.row().getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Add 1 option to cart' }).click();

  await expect(cart.total).toHaveText('€272.00');
  await expect(cart.companionSelects()).toHaveCount(1);
  await expect(cart.companionSelects().first()).toHaveValue('');
  await cart.acceptTerms();
  await cart.fillCard({ ...CARD, number: TEST_CARDS.approved });
  await cart.pay();
  await expect(cart.refusal).toHaveText('Not possible: not all accompanying leaders are designated.');
  await expect(cart.groups).toHaveCount(1);
  await expect(cart.checkout.locator('input[name="number"]')).toHaveValue(TEST_CARDS.approved);
  await screenshot(page, 'cart-refused-without-companion-en');

  await cart.applyToAll('Lola LAGO');
  await expect(cart.companionSelects().first().locator('option:checked')).toHaveText('Lola LAGO');
  await cart.fillCard({ ...CARD, number: TEST_CARDS.declined });
  await cart.pay();
  await expect(cart.refusal).toContainText('the card was declined (refused by the bank). The options stay held');
  await expect(cart.groups).toHaveCount(1);
  await screenshot(page, 'cart-card-declined-en');

  await cart.fillCard({ ...CARD, number: TEST_CARDS.approved });
  await cart.pay();
  await expect(page.getByRole('status').filter({ hasText: /Order GCH-\d{4}-\d{6} paid \(€272\.00\)/ })).toBeVisible();
  await expect(orders.detail).toBeVisible();
  await expect(orders.state()).toHaveText('Paid');
  await expect(orders.tickets).toHaveCount(17);
  await expect(orders.detail.getByTestId('order-total')).toHaveText('€272.00');
  await expect(orders.detail.getByTestId('order-payment')).toContainText('Card •••• 4242');
  const numbers = await orders.tickets.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket-number')));
  expect(new Set(numbers).size).toBe(17);
  await screenshot(page, 'order-paid-detail-en');

  await orders.createContact({ surname: 'Ndiaye', firstName: 'Anna', email: 'anna.ndiaye@example' });
  await expect(page.getByRole('alert').filter({ hasText: 'Please check: the e-mail address is not in the expected format.' })).toBeVisible();
  await expect(orders.assign.locator('input[name="surname"]')).toHaveValue('Ndiaye');
  await orders.assign.locator('input[name="email"]').fill('anna.ndiaye@example.org');
  await orders.assign.locator('form.new-contact button[type="submit"]').click();
  await expect(page.getByRole('status').filter({ hasText: 'Anna Ndiaye <anna.ndiaye@example.org> added to the contacts' })).toBeVisible();
  await orders.assignTo('anna.ndiaye@example.org');
  await expect(page.getByRole('status').filter({ hasText: '17 tickets sent to anna.ndiaye@example.org.' })).toBeVisible();
  await expect(orders.tickets.first()).toContainText('Anna Ndiaye <anna.ndiaye@example.org>');
  const mail = await inbox.messageTo('anna.ndiaye@example.org');
  const orderNumber = (await orders.rows.first().getAttribute('data-order-number'))!;
  expect(mail.subject).toBe(`Your tickets — order ${orderNumber}`);
  expect(mail.attachments).toHaveLength(1);
  expect(mail.attachments[0]!.contentType).toBe('application/pdf');
  fs.mkdirSync(PDF_DIR, { recursive: true });
  const ticketsPdf = path.join(PDF_DIR, 'mailed-tickets.pdf');
  fs.writeFileSync(ticketsPdf, mail.attachments[0]!.content);
  expect(execFileSync('pdfinfo', [ticketsPdf]).toString()).toMatch(/Pages:\s+17/);
  await screenshot(page, 'order-tickets-assigned-en');

  const download = page.waitForEvent('download');
  await orders.detail.getByRole('button', { name: 'Print receipt' }).click();
  const receipt = path.join(PDF_DIR, 'receipt.pdf');
  await (await download).saveAs(receipt);
  const text = execFileSync('pdftotext', ['-layout', receipt, '-']).toString();
  expect(text).toContain('Order receipt');
  expect(text).toContain(orderNumber);
  expect(text).toContain('Voyages Lumière');
  expect(text).toContain('€272.00');
  expect(text).toContain('4242');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', receipt, path.join(PDF_DIR, 'receipt')]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', ticketsPdf, path.join(PDF_DIR, 'mailed-ticket')]);

  // The ticket numbers for the office's own vouchers: a CSV a spreadsheet opens with its accents.
  const csvDownload = page.waitForEvent('download');
  await orders.detail.getByRole('button', { name: 'Ticket numbers (CSV)' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe(`billets-${orderNumber}.csv`);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  expect(csvText.startsWith('\uFEFFTicket number;Signed code;Monument;Date;Time;Product;Holder;Order;Valid until\r\n')).toBe(true);
  expect(csvText.trim().split('\r\n')).toHaveLength(1 + 17);
  expect(csvText).toContain(';Sainte-Chapelle;');

  await shell.go('tickets');
  await expect(page.locator('tr[data-ticket-number]')).toHaveCount(17);
  await screenshot(page, 'tickets-list-en');

  await shell.go('companions');
  const companions = new CompanionsPage(page);
  const lola = companions.rows.filter({ hasText: 'LAGO' });
  const confirm = await companions.askToDelete(lola);
  await expect(confirm).toContainText('Lola LAGO is the designated companion of 1 visit still to come');
  await screenshot(page, 'companion-delete-in-use-en');
  await confirm.getByRole('button', { name: 'Keep' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(lola).toBeVisible();
});

test('buy at once where no option is possible, pay by transfer, released by the back office, cancelled by the venue', async ({ page }) => {
  const { shell, calendar, panel, cart, orders } = await signedIn(page);
  await shell.switchLanguage('fr');
  await createCompanion(page, shell, 'Lola', 'LAGO');

  await shell.go('calendar');
  await calendar.openDay('Château de Vincennes', new Date(Date.now() + 40 * DAY));
  await calendar.openSlot('10:00');
  await panel.compose({ visitors: 24, guides: 1 });
  await expect(panel.root).toContainText('Ce monument ne prend pas d’option');
  await screenshot(page, 'booking-buy-at-once-fr');
  await panel.buyNowButton.click();

  await expect(cart.groups).toHaveCount(1);
  await expect(cart.groups.first()).toContainText('Achat immédiat');
  await cart.chooseTransfer();
  await cart.pay();
  await expect(cart.refusal).toHaveText('Impossible : tous les accompagnateurs ne sont pas renseignés.');
  await cart.applyToAll('Lola LAGO', 'Appliquer à tous');
  await cart.pay();
  await expect(cart.refusal).toHaveText('Impossible : acceptez les conditions générales de vente avant de payer.');
  await cart.acceptTerms();
  await cart.pay();
  await expect(orders.detail).toBeVisible();
  await expect(orders.state()).toHaveText('En attente de virement');
  await expect(orders.tickets).toHaveCount(0);
  await expect(orders.detail).toContainText('Les billets sont envoyés dès réception du virement.');
  // Vincennes takes no options: two days to pay, or the places go back on sale.
  const due = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(Date.now() + 2 * DAY));
  await expect(orders.detail.getByTestId('transfer-due')).toContainText(`À recevoir au plus tard le ${due}`);
  await expect(orders.rows.first()).toContainText(`avant le ${due}`);
  await expect(page.getByTestId('transfer-banner')).toContainText('1 virement doit être reçu dans moins de 7 jours');
  await screenshot(page, 'order-awaiting-transfer-fr');

  const orderId = (await orders.rows.first().getAttribute('data-order-id'))!;
  expect((await central.admin(`/admin/orders/${orderId}/transfer-received`, {})).status).toBe(200);
  await shell.go('sync');
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await shell.go('orders');
  await orders.open(orders.rows.first());
  await expect(orders.state()).toHaveText('Payée');
  await expect(orders.tickets).toHaveCount(25);
  await expect(page.getByTestId('transfer-banner')).toHaveCount(0);

  const option = await (await central.admin('/admin/orders?state=paid')).json() as { orders: { id: string; bookings?: { slotId: string }[] }[] };
  const slotId = option.orders.find((o) => o.id === orderId)!.bookings![0]!.slotId;
  expect((await central.admin(`/admin/slots/${encodeURIComponent(slotId)}/cancel`, {})).status).toBe(200);
  await shell.go('sync');
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await shell.go('orders');
  await orders.search({ state: 'to_be_refunded' });
  await expect(orders.rows).toHaveCount(1);
  await orders.open(orders.rows.first());
  await expect(orders.state()).toHaveText('À rembourser');
  await expect(orders.detail.locator('.companions-to-call')).toContainText('Lola LAGO');
  await expect(orders.detail.locator('.companions-to-call')).toContainText('+33 6 12 34 56 78');
  await expect(orders.tickets.first()).toContainText('Annulée');
  await screenshot(page, 'order-cancelled-by-venue-fr');

  expect((await central.admin(`/admin/orders/${orderId}/refunded`, {})).status).toBe(200);
  await shell.go('sync');
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await shell.go('orders');
  await orders.search({ state: '' });
  await orders.open(orders.rows.first());
  await expect(orders.state()).toHaveText('Remboursée');
});

test('a transfer for a visit too close is refused with the cart kept; an unpaid order cancelled by customer service says so', async ({ page }) => {
  const { shell, calendar, panel, cart, orders } = await signedIn(page);
  await shell.go('calendar');
  await calendar.openDay('Château de Vincennes', new Date(Date.now() + 5 * DAY));
  await calendar.openSlot('10:00 am');
  await panel.compose({ visitors: 20 });
  await panel.buyNowButton.click();
  await expect(cart.groups).toHaveCount(1);
  await cart.chooseTransfer();
  await cart.acceptTerms();
  await cart.pay();
  await expect(cart.refusal).toContainText('the visit is too close for a bank transfer to arrive in time (it must be received 7 days before the visit): pay by card. Nothing was booked');
  await expect(cart.groups).toHaveCount(1);
  await screenshot(page, 'cart-transfer-too-late-en');

  // Paid by card instead, from the same cart.
  await cart.fillCard({ ...CARD, number: TEST_CARDS.approved });
  await cart.pay();
  await expect(orders.state()).toHaveText('Paid');

  await shell.go('calendar');
  await calendar.openDay('Château de Vincennes', new Date(Date.now() + 45 * DAY));
  await calendar.openSlot('11:00 am');
  await panel.compose({ visitors: 12 });
  await panel.buyNowButton.click();
  await cart.chooseTransfer();
  await cart.acceptTerms();
  await cart.pay();
  await expect(orders.state()).toHaveText('Awaiting transfer');
  const orderId = (await orders.rows.first().getAttribute('data-order-id'))!;
  expect((await central.admin(`/admin/orders/${orderId}/cancel-unpaid`, {})).status).toBe(200);
  await shell.go('sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await shell.go('orders');
  await orders.open(orders.rows.first());
  await expect(orders.state()).toHaveText('Cancelled');
  await expect(orders.detail).toContainText('by customer service, the transfer not having arrived: the places went back on sale.');
  await screenshot(page, 'order-cancelled-unpaid-en');
});
