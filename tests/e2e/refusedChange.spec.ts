// End to end: changes queued by an older Guichet that the central service refuses as malformed
// (a pasted NUL, a bell character) no longer jam the workstation. The agent sees each with its
// reason, in English and in French, corrects one in its form (nothing typed is lost) and
// discards the other.
import fs from 'node:fs';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { startHostProcess } from '../support/hostProcess.node.ts';
import { queueAsAnOlderGuichet } from '../support/olderGuichet.node.ts';
import { tempDir } from '../support/tempCore.node.ts';
import { expect, hostCall, screenshot, test } from './fixtures.ts';
import { AppShell } from './pages/AppShell.ts';
import { SyncPage } from './pages/SyncPage.ts';

test('the agent sees the changes the central service refused, with their reason, corrects one and discards the other; the next change goes through', async ({ page }) => {
  const central = await startCentralHarness(new Date());
  const dataDir = tempDir('guichet-e2e-');
  const env = { GUICHET_CENTRAL_URL: central.url };
  let host = await startHostProcess({ dataDir, env });
  const companionId = crypto.randomUUID();
  try {
    await hostCall(host, 'account.signIn', await central.validatedOffice(DEMO_ACCOUNT.company, DEMO_ACCOUNT.contactName));
    await hostCall(host, 'sync.now');
    await host.stop();
    queueAsAnOlderGuichet(dataDir, [
      { name: 'companion.save', args: { companionId, kind: 'guide', surname: 'LA\u0000GO', firstName: 'Lola', email: 'lola@example.org', phone: '06 11 22 33 44', placeholder: false } },
      { name: 'contact.save', args: { contactId: crypto.randomUUID(), surname: 'DU\u0007RAND', firstName: 'Léa', email: 'lea@example.org' } },
    ]);
    host = await startHostProcess({ dataDir, env });

    const shell = new AppShell(page);
    const sync = new SyncPage(page);
    await shell.open(host.launchUrl);
    const refusedInBar = shell.statusBar.getByTestId('status-refused');
    await expect(refusedInBar).toHaveText('2 changes refused: see Sync');
    await expect(shell.statusBar.getByTestId('status-connection')).toHaveText('Online');
    await refusedInBar.click();
    await expect(sync.refused).toHaveCount(2);
    await expect(sync.change('Companion Lola LA\uFFFDGO')).toContainText('Companion Lola LA\uFFFDGO — the surname contains an invisible character (pasted?): type it again');
    await expect(sync.change('Contact Léa DU\uFFFDRAND')).toContainText('the surname contains an invisible character');
    await expect(page.getByTestId('pending-changes')).toHaveText('0');
    await expect(page.getByTestId('refused-changes')).toHaveText('2');
    await screenshot(page, 'sync-refused-en');

    await sync.edit('Companion Lola', 'Edit');
    await expect(sync.field('surname')).toHaveValue('LAGO');
    await expect(sync.field('firstName')).toHaveValue('Lola');
    await expect(sync.field('email')).toHaveValue('lola@example.org');
    await expect(sync.field('phone')).toHaveValue('06 11 22 33 44');
    await expect(sync.editPanel.getByTestId('refused-cleaned')).toBeVisible();
    await screenshot(page, 'sync-refused-edit-en');
    await sync.editPanel.getByRole('button', { name: 'Send again' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Corrected change sent.' })).toBeVisible();
    await expect(sync.refused).toHaveCount(1);

    await shell.switchLanguage('fr');
    await expect(refusedInBar).toHaveText('1 modification refusée : Contact Léa DU\uFFFDRAND — le nom contient un caractère invisible (copié-collé ?) : retapez-le');
    await expect(sync.change('Contact Léa')).toContainText('Contact Léa DU\uFFFDRAND — le nom contient un caractère invisible');
    await expect(shell.statusBar.getByTestId('status-pending')).toHaveCount(0);
    await screenshot(page, 'sync-refused-fr');
    await sync.discard('Contact Léa', 'Abandonner');
    await expect(page.getByRole('status').filter({ hasText: 'Modification abandonnée : ce poste garde ce que détient le service central.' })).toBeVisible();
    await expect(sync.refused).toHaveCount(0);
    await expect(refusedInBar).toHaveCount(0);

    // The corrected companion is on the service: it is no longer waiting on this workstation.
    await shell.go('companions');
    const lola = page.locator(`tr[data-companion-id="${companionId}"]`);
    await expect(lola).toContainText('LAGO');
    await expect(lola.locator('.badge-pending')).toHaveCount(0);
    await expect(page.locator('tr[data-companion-id]')).toHaveCount(1);
  } finally {
    await host.stop();
    await central.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
