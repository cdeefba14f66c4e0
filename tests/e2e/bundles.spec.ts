// Printing a 75-person group booking's tickets at the desk with the central service stopped:
// the agent watches the progress bar, saves the bundle, prints it on the office's printer (a real
// CUPS scheduler started by the test), and finds its print history.
import { execFileSync } from 'node:child_process';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { startHostProcess } from '../support/hostProcess.node.ts';
import { startCups } from '../support/cups.node.ts';
import { payGroupOf75 } from '../support/paidGroupOf75.node.ts';
import { expect, hostCall, screenshot, test } from './fixtures.ts';
import { AppShell } from './pages/AppShell.ts';
import { BundleTray } from './pages/BundleTray.ts';
import { OrdersPage } from './pages/OrdersPage.ts';
import { daysBefore, parisDay } from './pages/CalendarPage.ts';

test('a 75-person group booking prints in French with the central service stopped: progress, file, printer and history', async ({ page }) => {
  const cups = await startCups();
  await cups.addPrinter('Accueil', { description: 'Accueil — laser', isDefault: true });
  const central = await startCentralHarness(new Date());
  const host = await startHostProcess({
    env: {
      GUICHET_CENTRAL_URL: central.url,
      // Slowed to 40 ms a page so that the progress bar is there to be seen.
      GUICHET_TEST_BUNDLE_PAGE_MS: '40',
      // The desk prints through the test's own CUPS scheduler, not this machine's.
      CUPS_SERVER: cups.server, CUPS_SERVERROOT: cups.clientEnv.CUPS_SERVERROOT!,
    },
  });
  try {
    await hostCall(host, 'account.signIn', await central.validatedOffice(DEMO_ACCOUNT.company, DEMO_ACCOUNT.contactName));
    await hostCall(host, 'sync.now');
    // Three months ahead (options are held up to 60 days before the visit), by the Paris day the calendar shows.
    const visitDay = parisDay(daysBefore(parisDay(new Date()), -90));
    const order = await payGroupOf75((method, input) => hostCall(host, method, input), visitDay);
    await central.close();

    const shell = new AppShell(page);
    await shell.open(host.launchUrl);
    await shell.switchLanguage('fr');
    await shell.go('orders');
    const orders = new OrdersPage(page);
    await orders.open(orders.rows.filter({ hasText: order.orderNumber }));
    await expect(orders.detail.locator('.order-printed')).toHaveText('jamais imprimé');
    await orders.detail.getByRole('button', { name: 'Imprimer tout le groupe (3 sous-groupes)' }).click();

    const tray = new BundleTray(page);
    const bundle = tray.latest();
    await expect(tray.progress()).toBeVisible();
    await expect.poll(async () => Number(await tray.progress().getAttribute('value'))).toBeGreaterThan(0);
    await expect(tray.progress()).toHaveAttribute('max', '78');
    await screenshot(page, 'bundle-progress-fr');
    await expect(bundle).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(bundle.getByText('75 billets, 78 pages avec les feuilles de groupe.')).toBeVisible();

    const downloading = page.waitForEvent('download');
    await bundle.getByRole('button', { name: 'Enregistrer…' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^billets-groupe-GCH-\d{4}-\d+\.pdf$/);
    const file = await download.path();
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Pages:\s+78$/m);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(cover).toContain('FEUILLE DE GROUPE');
    expect(cover).toContain('Sous-groupe 1/3');

    // The history, on the order and on each of its tickets.
    await expect(orders.detail.locator('.order-printed')).toContainText('Imprimé 1 fois, le');
    await expect(orders.detail.locator('.order-printed')).toContainText('fichier enregistré');
    await expect(orders.tickets.first().locator('.printed-summary')).toHaveAttribute('title', /^Imprimé 1 fois, le /);
    await screenshot(page, 'bundle-done-fr');

    // Then two copies on the office's printer, without leaving Guichet.
    await bundle.getByRole('button', { name: 'Imprimer…' }).click();
    const form = bundle.locator('form.bundle-print');
    await expect(form.getByTestId('bundle-printer')).toHaveValue('Accueil');
    await form.getByLabel('Exemplaires').fill('2');
    await screenshot(page, 'bundle-print-fr');
    await form.getByRole('button', { name: 'Lancer l’impression' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Lot envoyé à l’imprimante Accueil (2 exemplaires).' })).toBeVisible();
    const received = await cups.jobTitled(download.suggestedFilename());
    expect(received.copies).toBe(2);
    await expect(orders.detail.locator('.order-printed')).toContainText('Imprimé 2 fois, dernière le');
    await expect(orders.detail.locator('.order-printed')).toContainText('imprimante Accueil');
    await cups.drained();

    // The Tickets screen: the day's visits filtered, ticked and printed as one bundle.
    await shell.go('tickets');
    const tickets = page.locator('tr[data-ticket-number]');
    await expect(tickets).toHaveCount(75);
    await page.getByLabel('Jour de visite').fill(visitDay);
    await expect(tickets).toHaveCount(75);
    await page.getByLabel('Jour de visite').fill(parisDay(daysBefore(visitDay, -1)));
    await expect(page.getByText('Aucun billet ne correspond à ces filtres.')).toBeVisible();
    await page.getByLabel('Jour de visite').fill(visitDay);
    await page.getByRole('checkbox', { name: `Sélectionner le billet ${await tickets.first().getAttribute('data-ticket-number')}` }).check();
    await page.getByRole('checkbox', { name: `Sélectionner le billet ${await tickets.nth(1).getAttribute('data-ticket-number')}` }).check();
    await page.getByRole('button', { name: 'Imprimer la sélection (2 billets)' }).click();
    await expect(tray.latest()).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    // Two tickets of one sub-group: its cover, without the group code that would admit all 25.
    await expect(tray.latest().getByText('2 billets, 3 pages avec les feuilles de groupe.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Imprimer les visites du / })).toBeVisible();
    await screenshot(page, 'tickets-selection-fr');
    // Folded, the tray leaves the list to the agent.
    await tray.tray.getByRole('button', { name: 'Réduire' }).click();
    await expect(tray.tray).toContainText('Lots de billets (2 lots, 0 en cours)');
    await expect(tray.bundles).toHaveCount(0);
    await screenshot(page, 'tickets-tray-folded-fr');
  } finally {
    await host.stop();
    await central.close();
    await cups.stop();
  }
});
