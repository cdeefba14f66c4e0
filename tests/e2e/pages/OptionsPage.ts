import type { Locator, Page } from '@playwright/test';
import { ListKit } from './ListKit.ts';

export class OptionsPage {
  readonly rows: Locator;
  readonly list: ListKit;

  constructor(readonly page: Page) {
    this.rows = page.locator('table[aria-label] tbody tr[data-option-id]');
    this.list = new ListKit(page, 'options');
  }

  row(index = 0) {
    return this.rows.nth(index);
  }

  state(index = 0) {
    return this.row(index).locator('.badge');
  }

  /** A row action from its "⋯" menu ("Change people", "Cancel"…). */
  act(index: number, action: string | RegExp) {
    return this.list.act(this.row(index), action);
  }

  /** The form or confirmation the action opened under the row. */
  panel(index = 0) {
    return this.list.panel(this.row(index));
  }
}
