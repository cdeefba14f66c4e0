// End to end against a real central service: a new office signs up (password policy said
// in its language), waits for validation, then books; an option refused because another
// office filled the slot while this one was offline is re-placed in one click.
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { startCuttableProxy } from '../support/cuttableProxy.node.ts';
import { startHostProcess } from '../support/hostProcess.node.ts';
import { tempCore } from '../support/tempCore.node.ts';
import { test, expect, screenshot } from './fixtures.ts';
import { AppShell } from './pages/AppShell.ts';
import { CalendarPage, parisDay } from './pages/CalendarPage.ts';
import { BookingPanel } from './pages/BookingPanel.ts';
import { OptionsPage } from './pages/OptionsPage.ts';

test('a new office signs up, is told what its password lacks, then is validated by the platform', async ({ page }) => {
  const central = await startCentralHarness(new Date());
  const host = await startHostProcess({ env: { GUICHET_CENTRAL_URL: central.url } });
  const shell = new AppShell(page);
  try {
    await shell.open(host.launchUrl);
    await shell.switchLanguage('fr');
    await shell.go('account');
    const form = page.getByRole('form', { name: 'Créer un compte professionnel' });
    await form.getByLabel('Société').fill('Voyages Lumière');
    await form.getByLabel('Personne à contacter').fill('Lola Lago');
    await form.getByLabel('Mél.').fill('lola@voyages-lumiere.example');
    await form.getByLabel('Mot de passe').fill('motdepasse');
    await expect(form.locator('.password-missing')).toHaveText('il manque au mot de passe une majuscule, un chiffre, un caractère spécial parmi ! % & @ # $ ^ * ? _ ~');
    await form.getByRole('button', { name: 'Créer un compte professionnel' }).click();
    await expect(page.getByRole('alert')).toContainText('Impossible : il manque au mot de passe une majuscule');
    await expect(form.getByLabel('Société')).toHaveValue('Voyages Lumière');
    await screenshot(page, 'account-signup-weak-password-fr');

    await form.getByLabel('Mot de passe').fill('Lumiere!2027');
    await form.getByRole('button', { name: 'Créer un compte professionnel' }).click();
    await expect(page.getByTestId('office-status')).toContainText('En attente de validation');
    await screenshot(page, 'account-awaiting-validation-fr');

    const offices = (await (await central.admin('/admin/offices')).json()) as { offices: { id: string; email: string }[] };
    const office = offices.offices.find((o) => o.email === 'lola@voyages-lumiere.example')!;
    expect((await central.admin(`/admin/offices/${office.id}/validate`, {})).ok).toBe(true);
    await shell.go('sync');
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect(page.getByTestId('connection')).toHaveText('Connecté');
    await shell.go('account');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('form', { name: 'Se connecter' }).getByLabel('Mél.').fill('lola@voyages-lumiere.example');
    await page.getByRole('form', { name: 'Se connecter' }).getByLabel('Mot de passe').fill('Lumiere!2027');
    await page.getByRole('form', { name: 'Se connecter' }).getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByTestId('office-status')).toHaveText('Compte validé.');
  } finally {
    await host.stop();
    await central.close();
  }
});

test('an option refused because another office filled the slot offers alternatives, re-placed in one click', async ({ page }) => {
  const central = await startCentralHarness(new Date());
  const proxy = await startCuttableProxy(central.url);
  const credentials = await central.validatedOffice('Voyages Hors Ligne');
  const host = await startHostProcess({ env: { GUICHET_CENTRAL_URL: proxy.url } });
  const other = await tempCore(new Date(), { centralUrl: central.url });
  const shell = new AppShell(page);
  const calendar = new CalendarPage(page);
  const panel = new BookingPanel(page);
  const optionsPage = new OptionsPage(page);
  try {
    await shell.open(host.launchUrl);
    await shell.signIn(credentials);

    proxy.cut();
    const visit = new Date(Date.now() + 90 * 86_400_000);
    const day = parisDay(visit);
    await shell.go('calendar');
    await calendar.openDay('Sainte-Chapelle', visit);
    await calendar.openSlot('2:00 pm');
    await panel.compose({ visitors: 19, guides: 1 });
    await panel.placeButton.click();

    // Meanwhile another office takes the whole slot.
    await other.dispatch('account.signIn', await central.validatedOffice('Voyages Rapides'));
    await other.sync.syncNow();
    const slotId = other.store.sqlite.prepare("SELECT id FROM server_slots WHERE venue_id = 'sainte-chapelle' AND local_date = ? AND local_time = '14:00'").pluck().get(day) as string;
    const placed = await other.dispatch('options.place', { slotId, composition: { visitors: 25, guides: 1, leaders: 0 } });
    expect(placed.ok).toBe(true);
    await other.sync.syncNow();

    proxy.restore();
    await shell.go('sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('rejected-changes')).toHaveText('1');
    await shell.go('options');
    await expect(optionsPage.state()).toHaveText('Rejected');
    await expect(optionsPage.row()).toContainText('Refused: the slot was filled by other bookings');
    await screenshot(page, 'options-rejected-alternatives-en');
    const alternative = optionsPage.row().getByRole('button', { name: /^Place on / }).first();
    await expect(alternative).toContainText(visit.getUTCDate().toString());
    await alternative.click();
    await expect(page.getByRole('status').filter({ hasText: 'Option prepared again' })).toBeVisible();
    await shell.go('sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await shell.go('options');
    await expect(optionsPage.rows).toHaveCount(1);
    await expect(optionsPage.state()).toHaveText('Held');
  } finally {
    await other.close();
    await host.stop();
    await proxy.close();
    await central.close();
  }
});
