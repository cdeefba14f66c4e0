import type { Locator, Page } from '@playwright/test';

/** The Vouchers screen: the museums and their tariffs to buy, then the office's codes. */
export class VouchersPage {
  readonly codes: Locator;
  readonly actionBar: Locator;
  readonly selectedCount: Locator;
  readonly notValidated: Locator;

  constructor(readonly page: Page) {
    this.codes = page.locator('section.voucher-codes tbody tr[data-code]');
    this.actionBar = page.locator('section.voucher-codes .action-bar');
    this.selectedCount = page.getByTestId('vouchers-selected');
    this.notValidated = page.getByTestId('vouchers-not-validated');
  }

  tariff(museum: string, tariffId: string) {
    return this.page.getByRole('region', { name: museum }).locator(`tr[data-tariff-id="${tariffId}"]`);
  }

  /** Types the quantity, then steps it with + / − (`steps` may be negative), then "Ajouter au panier". */
  async addToCart(museum: string, tariffId: string, quantity: number, addLabel: string, steps = 0) {
    const row = this.tariff(museum, tariffId);
    await row.locator('input').fill(String(quantity));
    for (let i = 0; i < Math.abs(steps); i++) await row.getByRole('button', { name: steps > 0 ? /^(Un de plus|One more)/ : /^(Un de moins|One fewer)/ }).click();
    await row.getByRole('button', { name: addLabel }).click();
  }

  codesWithStatus(status: string) {
    // Whole words: "Affecté" is also in "Non affecté".
    return this.codes.filter({ has: this.page.locator('.badge', { hasText: new RegExp(`^${status}$`) }) });
  }

  async filterStatus(label: string) {
    await this.page.locator('select[name="status"]').selectOption({ label });
  }

  async search(text: string) {
    await this.page.locator('input[name="search"]').fill(text);
  }

  async selectAllShown() {
    await this.actionBar.getByRole('button', { name: /^(Tout sélectionner|Select all shown)/ }).click();
  }

  /** Pastes recipients, one a line, and sends them codes with the given button. */
  async assign(pasted: string, sendLabel: RegExp | string) {
    const form = this.page.locator('form.voucher-assign');
    await form.locator('textarea[name="recipients"]').fill(pasted);
    await form.getByRole('button', { name: sendLabel }).click();
    return form.getByTestId('voucher-assign-result');
  }

  /** Clicks an export of the action bar and returns its download. */
  async export(label: string) {
    const download = this.page.waitForEvent('download');
    await this.actionBar.getByRole('button', { name: label }).click();
    return download;
  }

  row(code: string) {
    return this.page.locator(`section.voucher-codes tbody tr[data-code="${code}"]`);
  }

  rowTo(email: string) {
    return this.page.locator('section.voucher-codes tbody tr[data-code]', { hasText: email });
  }

  async reassign(code: string, email: string) {
    const row = this.row(code);
    await row.getByRole('button', { name: /^(Réaffecter|Reassign)$/ }).click();
    await row.locator('input[name="reassignTo"]').fill(email);
    await row.getByRole('button', { name: /^(Envoyer|Send)$/ }).click();
  }
}
