// End to end: an office signs in, places an option while the central service is down,
// sees it pending, and sees it held with its expiry once the service is back.
import net from 'node:net';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { startHostProcess } from '../support/hostProcess.node.ts';
import { tempDir } from '../support/tempCore.node.ts';
import { test, expect, screenshot } from './fixtures.ts';
import { AppShell } from './pages/AppShell.ts';
import { CalendarPage, daysBefore, parisDay } from './pages/CalendarPage.ts';
import { BookingPanel } from './pages/BookingPanel.ts';
import { OptionsPage } from './pages/OptionsPage.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

test('an option placed while the central service is down is pending, then held once it is back', async ({ page }) => {
  const port = await freePort();
  const centralData = tempDir('guichet-central-');
  let central = await startCentralHarness(new Date(), { port, dataDir: centralData });
  const credentials = await central.validatedOffice('Voyages Hors Ligne');
  const host = await startHostProcess({ env: { GUICHET_CENTRAL_URL: central.url } });
  const shell = new AppShell(page);
  const calendar = new CalendarPage(page);
  const panel = new BookingPanel(page);
  const optionsPage = new OptionsPage(page);
  try {
    await shell.open(host.launchUrl);
    await shell.signIn(credentials);
    await expect(page.getByTestId('office-status')).toHaveText('Account validated.');

    await central.close();
    await shell.go('calendar');
    const visit = new Date(Date.now() + 100 * 86_400_000);
    await calendar.openDay('Sainte-Chapelle', visit);
    await calendar.openSlot('10:00 am');
    await panel.compose({ visitors: 16, guides: 1 });
    await expect(panel.total).toHaveText('€272.00');
    await expect(panel.placeButton).toContainText('Place an option (expiration date');
    await panel.placeButton.click();
    await expect(page.getByRole('status')).toContainText('Option prepared for Sainte-Chapelle');

    await shell.go('options');
    await expect(optionsPage.state()).toHaveText('Pending sync');
    await expect(shell.statusBar.getByTestId('status-pending')).toHaveText('1 change waiting to sync');
    await screenshot(page, 'options-pending-offline-en');

    central = await startCentralHarness(new Date(), { port, dataDir: centralData });
    await shell.go('sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('connection')).toHaveText('Connected');
    await expect(page.getByTestId('pending-changes')).toHaveText('0');

    await shell.go('options');
    await expect(optionsPage.state()).toHaveText('Held');
    const expiry = daysBefore(parisDay(visit), 60);
    await expect(optionsPage.row()).toContainText(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(expiry));
    await screenshot(page, 'options-held-en');
  } finally {
    await host.stop();
    await central.close();
  }
});
