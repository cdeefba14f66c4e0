// End to end against a real central service: a new office signs up (four sections, password
// policy said in its language), waits for validation, then shows "PRO"; an option refused because another
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
import { SignUpPage, type SignUpFields } from './pages/SignUpPage.ts';

const LOLA: SignUpFields = {
  company: 'Voyages Lumière', legalForm: 'SARL', siret: '123 456 789 00012', vatNumber: 'FR12 123456789', website: 'www.voyages-lumiere.example',
  civility: 'mme', firstName: 'Lola', surname: 'Lago', phone: '+33 1 42 00 00 00', jobTitle: 'Responsable groupes',
  email: 'lola@voyages-lumiere.example', password: 'motdepasse',
  street: '12 rue de la Paix', postcode: '75002', city: 'Paris', country: 'FR',
};

test('a new office fills the four sections, is told what its password lacks, signs up, and shows "PRO" once the platform validates it', async ({ page }) => {
  const central = await startCentralHarness(new Date());
  const host = await startHostProcess({ env: { GUICHET_CENTRAL_URL: central.url } });
  const shell = new AppShell(page);
  const signUp = new SignUpPage(page);
  try {
    await shell.open(host.launchUrl);
    await shell.go('account');
    await expect(signUp.form.getByRole('group', { name: 'Your company', exact: true })).toBeVisible();
    await expect(signUp.form.locator('label[for="signup-siret"]')).toHaveText('SIRET (14 digits) (optional)');
    await screenshot(page, 'account-signup-en');
    await shell.switchLanguage('fr');
    await expect(signUp.form.getByRole('group', { name: 'Le contact de la société (la personne qui crée le compte)' })).toBeVisible();
    await expect(signUp.form.locator('label[for="signup-company"]')).toHaveText('Société (obligatoire)');

    await signUp.fill({ ...LOLA, postcode: '7500' });
    for (const rule of ['upper', 'digit', 'special']) await expect(signUp.rule(rule)).toHaveAttribute('data-met', 'false');
    for (const rule of ['length', 'lower']) await expect(signUp.rule(rule)).toHaveAttribute('data-met', 'true');
    await screenshot(page, 'account-signup-fr');

    // A French postcode of four digits is said at the field before anything is sent.
    await signUp.submit();
    await expect(signUp.errorOf('postcode')).toHaveText('le code postal n’a pas le format attendu');
    await expect(signUp.input('postcode')).toHaveAttribute('aria-invalid', 'true');
    await signUp.input('postcode').fill('75002');

    await signUp.submit();
    await expect(page.getByRole('alert')).toContainText('Impossible : il manque au mot de passe une majuscule, un chiffre, un caractère spécial');
    await expect(signUp.errorOf('password')).toContainText('il manque au mot de passe une majuscule');
    expect(await signUp.values()).toMatchObject({ ...LOLA });
    await screenshot(page, 'account-signup-weak-password-fr');

    await signUp.input('password').fill('Lumiere!2027');
    for (const rule of ['length', 'upper', 'lower', 'digit', 'special']) await expect(signUp.rule(rule)).toHaveAttribute('data-met', 'true');
    await signUp.submit();
    await expect(page.getByTestId('sign-up-confirmation')).toContainText('Votre compte est créé et vous êtes connecté.');
    await expect(page.getByTestId('sign-up-confirmation')).toContainText('Vous recevrez des e-mails');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByTestId('office-status')).toContainText('En attente de validation');
    await expect(shell.statusBar.getByTestId('pro-badge')).toHaveText('en attente de validation');
    await screenshot(page, 'account-awaiting-validation-fr');

    const offices = (await (await central.admin('/admin/offices')).json()) as { offices: { id: string; email: string; language: string }[] };
    const office = offices.offices.find((o) => o.email === 'lola@voyages-lumiere.example')!;
    expect(office.language).toBe('fr');
    expect((await central.admin(`/admin/offices/${office.id}/validate`, {})).ok).toBe(true);
    await shell.go('sync');
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect(page.getByTestId('connection')).toHaveText('Connecté');
    await expect(shell.statusBar.getByTestId('pro-badge')).toHaveText('PRO');
    await shell.go('account');
    await expect(page.getByTestId('office-status')).toHaveText('Compte validé.');
    await expect(page.locator('main').getByTestId('pro-badge')).toHaveText('PRO');
    await screenshot(page, 'account-pro-fr');
  } finally {
    await host.stop();
    await central.close();
  }
});

test('a sign-up refused by the central service (address taken) keeps every field and says why at the e-mail', async ({ page }) => {
  const central = await startCentralHarness(new Date());
  const taken = await central.validatedOffice('Voyages Premiers');
  const host = await startHostProcess({ env: { GUICHET_CENTRAL_URL: central.url } });
  const shell = new AppShell(page);
  const signUp = new SignUpPage(page);
  try {
    await shell.open(host.launchUrl);
    await shell.go('account');
    await signUp.fill({ ...LOLA, email: taken.email, password: 'Lumiere!2027' });
    await signUp.submit();
    await expect(signUp.errorOf('email')).toContainText('this e-mail address is already used');
    await expect(signUp.input('email')).toBeFocused();
    expect(await signUp.values()).toMatchObject({ company: LOLA.company, siret: LOLA.siret, firstName: 'Lola', street: LOLA.street, password: 'Lumiere!2027' });
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
