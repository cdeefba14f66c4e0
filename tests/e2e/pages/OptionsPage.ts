import type { Locator, Page } from '@playwright/test';

export class OptionsPage {
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('table[aria-label] tbody tr[data-option-id]');
  }

  row(index = 0) {
    return this.rows.nth(index);
  }

  state(index = 0) {
    return this.row(index).locator('.badge');
  }
}
