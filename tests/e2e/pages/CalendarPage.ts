import type { Locator, Page } from '@playwright/test';

export class CalendarPage {
  readonly venuePicker: Locator;
  readonly monthTitle: Locator;
  readonly days: Locator;
  readonly slots: Locator;

  constructor(readonly page: Page) {
    this.venuePicker = page.locator('aside.venue-picker');
    this.monthTitle = page.locator('.month-title');
    this.days = page.locator('.month-grid [role="gridcell"]');
    this.slots = page.locator('.slot-list button.slot');
  }

  async pickVenue(name: string) {
    await this.venuePicker.getByRole('button', { name }).click();
  }

  /** Picks a venue and the day of `visit`, moving month by month as a user would. */
  async openDay(venue: string, visit: Date) {
    await this.pickVenue(venue);
    const today = new Date();
    const months = (visit.getUTCFullYear() - today.getUTCFullYear()) * 12 + visit.getUTCMonth() - today.getUTCMonth();
    for (let i = 0; i < months; i += 1) await this.nextMonth();
    await this.pickDay(visit.toISOString().slice(0, 10));
  }

  async pickDay(date: string) {
    await this.page.locator(`.month-grid [data-date="${date}"]`).click();
  }

  async nextMonth() {
    await this.page.getByRole('button', { name: /^(Next month|Mois suivant)$/ }).click();
  }

  async openSlot(time: string) {
    await this.slots.filter({ has: this.page.locator('.slot-time', { hasText: new RegExp(`^${time}$`) }) }).click();
  }

  slotPlaces(index: number) {
    return this.slots.nth(index).locator('.slot-places');
  }
}
