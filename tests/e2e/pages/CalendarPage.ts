import type { Locator, Page } from '@playwright/test';

/**
 * The day of `at` in Paris, 'YYYY-MM-DD': the calendar shows Paris days, and from 23:00 UTC
 * (midnight in Paris) the UTC date is the day before.
 */
export const parisDay = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** `days` calendar days before a 'YYYY-MM-DD' day, at noon UTC: format it with timeZone 'UTC'. */
export const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) - days * 86_400_000);

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

  /** Picks a venue and the day of `visit` in Paris, moving month by month as a user would. */
  async openDay(venue: string, visit: Date) {
    await this.pickVenue(venue);
    const [fromYear, fromMonth] = parisDay(new Date()).split('-').map(Number);
    const day = parisDay(visit);
    const [year, month] = day.split('-').map(Number);
    const months = (year! - fromYear!) * 12 + month! - fromMonth!;
    for (let i = 0; i < months; i += 1) await this.nextMonth();
    await this.pickDay(day);
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
