// Customer > Create/Manage a companion, as an agent does it: a typo in the e-mail is
// said in the user's language and nothing typed is lost; search, edit, delete.
import { test, expect, screenshot } from './fixtures.ts';
import { CompanionsPage } from './pages/CompanionsPage.ts';

test('create, correct, find, edit and delete companions', async ({ page, host, shell }) => {
  await shell.open(host.launchUrl);
  await shell.switchLanguage('fr');
  await shell.go('companions');
  await page.getByRole('button', { name: 'Créer un accompagnateur' }).click();
  const panel = page.getByRole('complementary', { name: 'Créer un accompagnateur' });
  await panel.getByLabel('Rôle').selectOption('guide');
  await panel.getByLabel('Nom *', { exact: true }).fill('LAGO');
  await panel.getByLabel('Prénom *').fill('Lola');
  await panel.getByLabel('Mél.').fill('lola@exemple');
  await panel.getByLabel('Téléphone').fill('+33 6 12 34 56 78');
  await panel.getByRole('button', { name: 'Enregistrer' }).click();
  // Said on the field itself, not in a notice far from it.
  const email = panel.getByLabel('Mél.');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('l’adresse e-mail n’a pas le format attendu');
  await expect(panel.locator('.field-error')).toBeVisible();
  await expect(shell.notices.locator('.toast-error')).toHaveCount(0);
  await expect(panel.getByLabel('Nom *', { exact: true })).toHaveValue('LAGO');
  await expect(panel.getByLabel('Nom *', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByLabel('Téléphone')).toHaveValue('+33 6 12 34 56 78');
  await screenshot(page, 'companions-invalid-email-fr');

  // Corrected, the error goes at once.
  await email.fill('lola.lago@exemple.fr');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await expect(panel.locator('.field-error')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lola LAGO enregistré dans le fichier.' })).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter un « Accompagnateur Type »' }).click();
  await page.getByRole('complementary').getByRole('button', { name: 'Enregistrer' }).click();
  const companions = new CompanionsPage(page);
  const rows = companions.rows;
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Accompagnateur Type' })).toBeVisible();

  await page.getByLabel('Rechercher').fill('lago');
  await expect(rows).toHaveCount(1);
  await companions.edit(rows.first());
  await page.getByRole('complementary').getByLabel('Prénom *').fill('Lola-Marie');
  await page.getByRole('complementary').getByRole('button', { name: 'Enregistrer' }).click();
  await expect(rows.first()).toContainText('Lola-Marie');
  await screenshot(page, 'companions-registry-fr');

  const confirm = await companions.askToDelete(rows.first());
  await expect(confirm).toContainText('Lola-Marie LAGO sera retiré du fichier de l’agence sur tous les postes.');
  await confirm.locator('.confirm').getByRole('button', { name: 'Supprimer' }).click();
  await page.getByLabel('Rechercher').fill('');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Accompagnateur Type');
});
