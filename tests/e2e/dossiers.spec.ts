// A client group as the agent works it, in French: named from the booking panel, its split
// group placed into it, then found on the Dossiers screen with its itinerary, totals and what
// is still missing before the visit.
import { test, expect, hostCall, screenshot } from './fixtures.ts';
import { BookingPanel } from './pages/BookingPanel.ts';
import { DossiersPage } from './pages/DossiersPage.ts';
import { AccessibilityScan } from './pages/a11y.ts';
import { CommandPalette } from './pages/CommandPalette.ts';
import { ListKit } from './pages/ListKit.ts';

const DAY = 86_400_000;

// axe is injected as a script tag, which the renderer's Content-Security-Policy would refuse.
test.use({ bypassCSP: true });

test('a dossier named from the booking panel gathers its split group, with itinerary, totals and what is missing', async ({ page, host, shell, calendar }) => {
  const panel = new BookingPanel(page);
  const dossiers = new DossiersPage(page);
  await shell.open(host.launchUrl);
  await shell.switchLanguage('fr');
  await calendar.openDay('Sainte-Chapelle', new Date(Date.now() + 120 * DAY));
  await calendar.openSlot('11:00');
  await dossiers.createFromPicker(panel.root, 'Lycée Voltaire');
  await expect(panel.root.locator('.dossier-picker select')).toHaveValue(/.+/);
  await expect(page.getByRole('status').filter({ hasText: 'Dossier « Lycée Voltaire » enregistré.' })).toBeVisible();
  await panel.compose({ visitors: 70, guides: 3, leaders: 2 });
  await expect(panel.root.getByTestId('sub-group')).toHaveCount(3);
  await screenshot(page, 'dossier-picker-split-fr');
  await panel.root.getByRole('button', { name: /^Poser 3 options/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 options préparées' })).toBeVisible();

  // Found again from anywhere with Ctrl+K and three letters of its name.
  await shell.go('options');
  const palette = new CommandPalette(page);
  await palette.open();
  await palette.choose('vol', 'dossier', 'Lycée Voltaire');
  await expect(shell.heading).toHaveText('Dossiers');
  await expect(dossiers.row('Lycée Voltaire')).toContainText('3');
  await expect(dossiers.itinerary.locator('.visit')).toHaveCount(3);
  await expect(dossiers.itinerary.locator('.visit').first()).toContainText('Sainte-Chapelle');
  await expect(dossiers.totals).toContainText('75');
  // 3 guides and 2 leaders with nobody named yet, sub-group by sub-group.
  await expect(dossiers.missing.locator('li').first()).toContainText('sans accompagnateur désigné');
  await screenshot(page, 'dossier-itinerary-fr');
  await new AccessibilityScan(page).check('dossier-itinerary');

  // Edited from its page: an error is shown at its field and goes once corrected.
  await dossiers.detail.getByRole('button', { name: 'Modifier le dossier' }).click();
  const form = page.locator('form[data-form="dossier"]');
  await form.locator('[name="contactEmail"]').fill('durand@');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.locator('[name="contactEmail"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('#dossier-contactEmail-error')).toContainText('l’e-mail du contact');
  await screenshot(page, 'dossier-form-error-fr');
  await new AccessibilityScan(page).check('dossier-form-refused');
  await form.locator('[name="contactEmail"]').fill('durand@lycee-voltaire.example');
  await expect(form.locator('#dossier-contactEmail-error')).toHaveCount(0);
  await form.locator('[name="clientReference"]').fill('LV-2026');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dossiers.detail.getByTestId('dossier-contact')).toContainText('durand@lycee-voltaire.example');
  await expect(dossiers.detail.locator('h2')).toContainText('LV-2026');
  expect(await shell.noticesOverlap()).toBe(0);

  // The Options list filtered by the dossier: its three sub-groups, named by it.
  await hostCall(host, 'options.place', { slotId: await otherSlot(host), composition: { visitors: 10, guides: 0, leaders: 0 } });
  await shell.go('options');
  const list = new ListKit(page, 'options');
  await expect(list.table.locator('tbody tr[data-option-id]')).toHaveCount(4);
  await list.filter('dossier').selectOption({ label: 'Lycée Voltaire' });
  await expect(list.table.locator('tbody tr[data-option-id]')).toHaveCount(3);
  await expect(list.table.locator('tbody tr[data-option-id]').first()).toContainText('Lycée Voltaire');
  await screenshot(page, 'options-by-dossier-fr');
});

/** An open slot with room at the Arc de triomphe some months ahead, for an option in no dossier. */
async function otherSlot(host: Parameters<typeof hostCall>[0]): Promise<string> {
  const month = new Date(Date.now() + 100 * DAY).toISOString().slice(0, 7);
  const { days } = await hostCall(host, 'calendar.month', { venueId: 'arc-de-triomphe', month }) as { days: { slots: { id: string; status: string; remaining: number }[] }[] };
  return days.flatMap((d) => d.slots).find((s) => s.status === 'open' && s.remaining >= 10)!.id;
}
