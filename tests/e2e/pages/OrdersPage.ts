import type { Locator, Page } from '@playwright/test';
import { ListKit } from './ListKit.ts';

export class OrdersPage {
  readonly rows: Locator;
  readonly detail: Locator;
  readonly tickets: Locator;
  readonly assign: Locator;
  readonly list: ListKit;

  constructor(readonly page: Page) {
    this.rows = page.locator('tr[data-order-id]');
    this.detail = page.locator('aside.order-detail');
    this.tickets = this.detail.locator('tr[data-ticket-number]');
    this.assign = this.detail.locator('section.assign-tickets');
    this.list = new ListKit(page, 'orders');
  }

  /** Opens an order's detail from its row's menu ("Open" / "Ouvrir"). */
  async open(row: Locator, label: string | RegExp = /^(Open|Ouvrir)$/) {
    await this.list.act(row, label);
    await this.detail.waitFor();
  }

  state() {
    return this.detail.locator('dd .badge').first();
  }

  async search({ from, to, state }: { from?: string; to?: string; state?: string }) {
    const form = this.page.locator('form.order-search');
    if (from !== undefined) await form.locator('input[name="from"]').fill(from);
    if (to !== undefined) await form.locator('input[name="to"]').fill(to);
    if (state !== undefined) await form.locator('select[name="state"]').selectOption(state);
    await form.locator('button[type="submit"]').click();
  }

  async createContact(contact: { surname: string; firstName: string; email: string }, createLabel = 'Create a contact +') {
    await this.assign.getByRole('button', { name: createLabel }).click();
    const form = this.assign.locator('form.new-contact');
    await form.locator('input[name="surname"]').fill(contact.surname);
    await form.locator('input[name="firstName"]').fill(contact.firstName);
    await form.locator('input[name="email"]').fill(contact.email);
    await form.locator('button[type="submit"]').click();
  }

  async assignTo(email: string, assignLabel = 'Assign') {
    await this.assign.locator(`tr[data-contact-email="${email}"]`).getByRole('button', { name: assignLabel }).click();
  }
}
