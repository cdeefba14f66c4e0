import type { Locator, Page } from '@playwright/test';

export type ScreenName = 'calendar' | 'dossiers' | 'options' | 'cart' | 'companions' | 'contacts' | 'orders' | 'tickets' | 'vouchers' | 'sync' | 'account';

export class AppShell {
  readonly navigation: Locator;
  readonly statusBar: Locator;
  readonly heading: Locator;
  readonly alert: Locator;
  readonly notices: Locator;
  readonly content: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation');
    this.statusBar = page.locator('footer.status-bar');
    this.heading = page.getByRole('heading', { level: 1 });
    this.alert = page.getByRole('alert');
    this.notices = page.locator('.notices');
    this.content = page.locator('main.content');
  }

  /** Where the notices strip overlaps the screen's content, in pixels (0: it covers nothing). */
  async noticesOverlap(): Promise<number> {
    const [notices, content] = [await this.notices.boundingBox(), await this.content.boundingBox()];
    if (!notices || !content) throw new Error('notices or content not on screen');
    return Math.max(0, content.y + content.height - notices.y);
  }

  /**
   * How many pixels of `target`'s width lie under the side panel (0: the panel covers none of it).
   * Only across: the panel runs the window's height, so whatever is scrolled beside it meets it too.
   */
  async panelCovers(target: Locator): Promise<number> {
    const [panel, box] = [await this.page.locator('aside.side-panel').boundingBox(), await target.boundingBox()];
    if (!panel || !box) throw new Error('side panel or its neighbour not on screen');
    return Math.max(0, box.x + box.width - panel.x);
  }

  async open(launchUrl: string, hash = '') {
    await this.page.goto(launchUrl);
    if (hash) await this.page.goto(`${new URL(launchUrl).origin}/${hash}`);
    await this.heading.waitFor();
  }

  async go(screen: ScreenName) {
    await this.navigation.locator(`a[href="#/${screen}"]`).click();
  }

  /** Signs in from the Account screen (English labels) and waits for the first sync. */
  async signIn({ email, password }: { email: string; password: string }) {
    await this.go('account');
    const form = this.page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await this.statusBar.getByTestId('status-connection').filter({ hasText: 'Online' }).waitFor();
  }

  async switchLanguage(language: 'fr' | 'en') {
    await this.statusBar.getByTestId('language').selectOption(language);
  }
}
