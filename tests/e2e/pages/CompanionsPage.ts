import type { Locator, Page } from '@playwright/test';
import { ListKit } from './ListKit.ts';

export class CompanionsPage {
  readonly rows: Locator;
  readonly list: ListKit;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('tr[data-companion-id]');
    this.list = new ListKit(page, 'companions');
    this.form = page.locator('aside.side-panel');
  }

  /** "Edit" / "Modifier" from the row's menu: the form opens in the side panel. */
  edit(row: Locator, label: string | RegExp = /^(Edit|Modifier)$/) {
    return this.list.act(row, label);
  }

  /** "Delete" / "Supprimer" from the row's menu: its confirmation opens under the row. */
  async askToDelete(row: Locator, label: string | RegExp = /^(Delete|Supprimer)$/) {
    await this.list.act(row, label);
    return this.list.panel(row);
  }
}
