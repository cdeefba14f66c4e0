import type { Locator, Page } from '@playwright/test';

/** The tray of ticket bundles, on every screen. */
export class BundleTray {
  readonly tray: Locator;
  readonly bundles: Locator;

  constructor(readonly page: Page) {
    this.tray = page.locator('section.bundle-tray');
    this.bundles = this.tray.locator('li[data-testid="bundle"]');
  }

  latest() {
    return this.bundles.first();
  }

  progress(bundle = this.latest()) {
    return bundle.locator('progress');
  }
}
