// End to end: the office's data file is damaged on disk between two launches; the agent is told
// what happened and what was kept, in English and in French. Then a backup is made and restored
// from the Sync screen.
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { DATABASE_FILE } from '../../src-main/core/guichetCore.node.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { startHostProcess } from '../support/hostProcess.node.ts';
import { queueAsAnOlderGuichet } from '../support/olderGuichet.node.ts';
import { tempDir } from '../support/tempCore.node.ts';
import { expect, hostCall, screenshot, test } from './fixtures.ts';
import { AppShell } from './pages/AppShell.ts';
import { LocalDataPage } from './pages/LocalDataPage.ts';

test('a data file damaged between two launches: the agent reads what was kept; a backup made and restored from the Sync screen', async ({ page }) => {
  const central = await startCentralHarness(new Date());
  const dataDir = tempDir('guichet-e2e-');
  const env = { GUICHET_CENTRAL_URL: central.url };
  let host = await startHostProcess({ dataDir, env });
  try {
    await hostCall(host, 'account.signIn', await central.validatedOffice(DEMO_ACCOUNT.company, DEMO_ACCOUNT.contactName));
    await hostCall(host, 'sync.now');
    await host.stop();
    // A change entered just before the accident, not sent yet…
    queueAsAnOlderGuichet(dataDir, [
      { name: 'companion.save', args: { companionId: crypto.randomUUID(), kind: 'guide', surname: 'LAGO', firstName: 'Lola', email: null, phone: null, placeholder: false } },
    ]);
    // …then bytes overwritten in the middle of the file.
    const file = path.join(dataDir, DATABASE_FILE);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    host = await startHostProcess({ dataDir, env });

    const shell = new AppShell(page);
    const local = new LocalDataPage(page);
    await shell.open(host.launchUrl);
    await expect(local.recoveryBanner).toContainText('The data file on this computer was damaged');
    await expect(local.recoveryBanner).toContainText('1 change not yet sent was kept and is being sent.');
    await expect(shell.statusBar.getByTestId('status-connection')).toHaveText('Online');
    await shell.go('companions');
    await expect(page.getByText('LAGO')).toBeVisible();
    await screenshot(page, 'local-data-recovered-en');
    await shell.switchLanguage('fr');
    await expect(local.recoveryBanner).toContainText('Le fichier de données de cet ordinateur était endommagé');
    await expect(local.recoveryBanner).toContainText('1 modification pas encore envoyée a été gardée et part maintenant.');
    await screenshot(page, 'local-data-recovered-fr');
    await local.recoveryBanner.getByRole('button').click();
    await expect(local.recoveryBanner).toHaveCount(0);

    await shell.switchLanguage('en');
    await shell.go('sync');
    await local.backUpNow('Back up now');
    await expect(local.backups).toHaveCount(1);
    await expect(local.backups.first()).toContainText('Asked for');
    await local.restore(local.backups.first(), 'Restore');
    await expect(page.getByRole('status').filter({ hasText: 'restored. 0 changes will be sent' })).toBeVisible();
    await expect(local.backups).toHaveCount(2);
    await expect(local.backups.first()).toContainText('Before a restore');
    await screenshot(page, 'local-data-backups-en');
    await shell.go('companions');
    await expect(page.getByText('LAGO')).toBeVisible();
  } finally {
    await host.stop();
    await central.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
