import type { Locator, Page } from '@playwright/test';

/** The Sync screen and its list of changes the central service refused. */
export class SyncPage {
  readonly refused: Locator;
  readonly editPanel: Locator;

  constructor(readonly page: Page) {
    this.refused = page.getByTestId('refused-change');
    this.editPanel = page.locator('aside.side-panel');
  }

  change(text: string) {
    return this.refused.filter({ hasText: text });
  }

  /** Opens the refused change in its form; `label` is the Edit button's name in the agent's language. */
  async edit(text: string, label: string) {
    await this.change(text).getByRole('button', { name: label }).click();
    await this.editPanel.waitFor();
  }

  field(name: string) {
    return this.editPanel.locator(`[name="${name}"]`);
  }

  /** Discard, then Discard again to confirm (the button's name in the agent's language). */
  async discard(text: string, label: string) {
    const change = this.change(text);
    await change.getByRole('button', { name: label }).click();
    await change.getByRole('group').getByRole('button', { name: label }).click();
  }
}
