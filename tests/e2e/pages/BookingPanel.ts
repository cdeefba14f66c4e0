import type { Locator, Page } from '@playwright/test';

export class BookingPanel {
  readonly root: Locator;
  readonly total: Locator;
  readonly placeButton: Locator;
  readonly buyNowButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('aside.booking-panel');
    this.total = this.root.getByTestId('total');
    this.placeButton = this.root.locator('button.button-primary');
    this.buyNowButton = this.root.getByRole('button', { name: /^(Buy at once|Acheter immédiatement)/ });
  }

  async compose({ visitors, guides = 0, leaders = 0 }: { visitors: number; guides?: number; leaders?: number }) {
    await this.root.locator('input[name="visitors"]').fill(String(visitors));
    await this.root.locator('input[name="guides"]').fill(String(guides));
    await this.root.locator('input[name="leaders"]').fill(String(leaders));
  }
}
