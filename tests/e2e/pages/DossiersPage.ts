import type { Locator, Page } from '@playwright/test';

/** The Dossiers screen and the booking panel's "for which group?" picker. */
export class DossiersPage {
  readonly list: Locator;
  readonly detail: Locator;
  readonly itinerary: Locator;
  readonly missing: Locator;
  readonly totals: Locator;

  constructor(readonly page: Page) {
    this.list = page.locator('.dossiers-screen table.data-table');
    this.detail = page.locator('section.dossier-detail');
    this.itinerary = this.detail.getByTestId('dossier-itinerary');
    this.missing = this.detail.getByTestId('dossier-missing');
    this.totals = this.detail.getByTestId('dossier-totals');
  }

  row(name: string): Locator {
    return this.list.locator('tbody tr').filter({ hasText: name });
  }

  async open(name: string) {
    await this.row(name).getByRole('button', { name }).click();
  }

  /** Names a new dossier from the booking panel, in the language shown. */
  async createFromPicker(panel: Locator, name: string) {
    const picker = panel.locator('.dossier-picker select');
    await picker.selectOption({ label: await picker.locator('option').last().innerText() });
    await panel.locator('.dossier-quick input').fill(name);
    await panel.locator('.dossier-quick button').click();
    await picker.locator('option', { hasText: name }).waitFor({ state: 'attached' });
  }
}
