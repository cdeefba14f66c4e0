import type { Locator, Page } from '@playwright/test';

/** The cart and its payment form, in either language (labels given by the test). */
export class CartPage {
  readonly groups: Locator;
  readonly total: Locator;
  readonly checkout: Locator;
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.groups = page.locator('section.cart-group');
    this.total = page.getByTestId('cart-total');
    this.checkout = page.locator('form.checkout');
    this.refusal = this.checkout.getByRole('alert');
  }

  companionSelects() {
    return this.page.locator('.companion-lines select');
  }

  async applyToAll(companion: string, button = 'Apply to all') {
    await this.page.locator('select[name="applyToAll"]').selectOption({ label: companion });
    await this.page.getByRole('button', { name: button, exact: true }).click();
  }

  async acceptTerms() {
    await this.checkout.locator('input[name="terms"]').check();
  }

  async fillCard(card: { holder: string; number: string; expiry: string; cvc: string }) {
    await this.checkout.locator('input[name="method"][value="card"]').check();
    for (const [name, value] of Object.entries(card)) await this.checkout.locator(`input[name="${name}"]`).fill(value);
  }

  async chooseTransfer() {
    await this.checkout.locator('input[name="method"][value="transfer"]').check();
  }

  async pay() {
    await this.checkout.locator('button[type="submit"]').click();
  }
}
