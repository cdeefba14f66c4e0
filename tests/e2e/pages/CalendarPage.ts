import { expect, type Locator, type Page } from '@playwright/test';

const nextMonthOf = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 7);
};

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
  readonly grid: Locator;
  readonly days: Locator;
  readonly slots: Locator;

  constructor(readonly page: Page) {
    this.venuePicker = page.locator('aside.venue-picker');
    this.monthTitle = page.locator('.month-title');
    this.grid = page.locator('.month-grid');
    this.days = this.grid.locator('[role="gridcell"][data-date]');
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

  /** Moves to the next month and waits for its days, as an agent waits to see them. */
  async nextMonth() {
    const shown = await this.grid.getAttribute('aria-label');
    await this.page.getByRole('button', { name: /^(Next month|Mois suivant)$/ }).click();
    if (shown) await expect(this.grid).toHaveAttribute('aria-label', nextMonthOf(shown));
  }

  async openSlot(time: string) {
    await this.slots.filter({ has: this.page.locator('.slot-time', { hasText: new RegExp(`^${time}$`) }) }).click();
  }

  slotPlaces(index: number) {
    return this.slots.nth(index).locator('.slot-places');
  }
}
