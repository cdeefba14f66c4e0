import type { Locator, Page } from '@playwright/test';

/** The parts of a list (src-renderer/components/list) an agent works with: a row's "⋯" menu, the panel it opens, the headers, the action bar. */
export class ListKit {
  readonly table: Locator;
  readonly actionBar: Locator;
  readonly search: Locator;

  constructor(readonly page: Page, listId: string) {
    const list = page.locator(`[data-list="${listId}"]`);
    this.table = list.locator('table');
    this.actionBar = list.locator('.list-action-bar');
    this.search = list.locator('input[name="search"]');
  }

  menuButton(row: Locator) {
    return row.locator('button[aria-haspopup="menu"]');
  }

  /** Opens the row's menu and picks an action by its name. */
  async act(row: Locator, action: string | RegExp) {
    await this.menuButton(row).click();
    await this.page.getByRole('menu').getByRole('menuitem', { name: action }).click();
  }

  /** What opened under the row (a form, a confirmation). */
  panel(row: Locator) {
    return row.locator('xpath=following-sibling::tr[1][contains(@class, "row-panel")]');
  }

  header(name: string | RegExp) {
    return this.table.locator('thead th').filter({ hasText: name });
  }

  async sortBy(name: string | RegExp) {
    await this.header(name).getByRole('button').click();
  }

  filter(name: string) {
    return this.page.locator(`select[name="filter-${name}"]`);
  }
}
