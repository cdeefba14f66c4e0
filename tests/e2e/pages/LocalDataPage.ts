import type { Locator, Page } from '@playwright/test';

/** The Sync screen's "Data on this computer" part, and the banner left after a damaged file was replaced. */
export class LocalDataPage {
  readonly section: Locator;
  readonly backups: Locator;
  readonly recoveryBanner: Locator;

  constructor(readonly page: Page) {
    this.section = page.locator('section.local-data');
    this.backups = page.getByTestId('backups').locator('tbody tr');
    this.recoveryBanner = page.getByTestId('recovery-banner');
  }

  async backUpNow(label: string) {
    await this.section.getByRole('button', { name: label }).click();
  }

  /** Restore, then Restore again to confirm (the button's name in the agent's language). */
  async restore(row: Locator, label: string) {
    await row.getByRole('button', { name: label }).click();
    await row.getByRole('group').getByRole('button', { name: label }).click();
  }
}
