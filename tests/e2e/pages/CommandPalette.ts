import { expect, type Locator, type Page } from '@playwright/test';

/** The Ctrl/Cmd+K palette, driven from the keyboard only. */
export class CommandPalette {
  readonly dialog: Locator;
  readonly field: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^(Find anything|Tout retrouver)$/ });
    this.field = this.dialog.getByRole('combobox');
    this.results = this.dialog.getByRole('option');
  }

  async open() {
    await this.page.keyboard.press('Control+k');
    await expect(this.field).toBeFocused();
  }

  /** Types, then moves with the arrows to the result of `kind` whose text holds `text`, and presses Enter. */
  async choose(typed: string, kind: string, text: string | RegExp) {
    await this.page.keyboard.type(typed);
    const wanted = this.results.and(this.dialog.locator(`[data-kind="${kind}"]`)).filter({ hasText: text }).first();
    await expect(wanted).toBeVisible();
    const id = await wanted.getAttribute('id');
    for (let step = 0; step < 30 && (await this.field.getAttribute('aria-activedescendant')) !== id; step += 1) {
      await this.page.keyboard.press('ArrowDown');
    }
    await expect(this.field).toHaveAttribute('aria-activedescendant', id!);
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toHaveCount(0);
  }
}
