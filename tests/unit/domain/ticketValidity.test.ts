import { describe, expect, it } from 'vitest';
import { demoVenues } from '../../../src-main/core/domain/demoCatalogue.std.ts';
import { datedTicketValidity, undatedTicketValidity } from '../../../src-main/core/domain/ticketValidity.std.ts';

const venue = (id: string) => demoVenues.find((v) => v.id === id)!;

describe('datedTicketValidity', () => {
  it("admits a Sainte-Chapelle group of 18 March 2025 13:15 until the next quarter-hour slot", () => {
    expect(datedTicketValidity(venue('sainte-chapelle'), '2025-03-18T12:15:00.000Z'))
      .toEqual({ validFrom: '2025-03-18T12:15:00.000Z', validUntil: '2025-03-18T12:30:00.000Z' });
  });

  it('follows the venue schedule step, not a fixed quarter-hour', () => {
    const hourly = { ...venue('conciergerie'), schedule: { ...venue('conciergerie').schedule!, stepMinutes: 60 } };
    expect(datedTicketValidity(hourly, '2025-03-18T12:00:00Z').validUntil).toBe('2025-03-18T13:00:00.000Z');
  });

  it("admits a dated Carcassonne ticket the whole local day, through 23:59:59 Paris time", () => {
    // 10:00 in Paris in July is 08:00Z; the day ends at 21:59:59Z.
    expect(datedTicketValidity(venue('carcassonne'), '2025-07-14T08:00:00.000Z'))
      .toEqual({ validFrom: '2025-07-14T08:00:00.000Z', validUntil: '2025-07-14T21:59:59.000Z' });
    // In winter the day ends at 22:59:59Z.
    expect(datedTicketValidity(venue('carcassonne'), '2025-01-20T09:00:00.000Z').validUntil).toBe('2025-01-20T22:59:59.000Z');
  });

  it('sells no dated ticket at a venue booked on request', () => {
    expect(() => datedTicketValidity(venue('pantheon'), '2025-03-18T12:15:00Z')).toThrow(RangeError);
  });
});

describe('undatedTicketValidity', () => {
  it('lasts three years to the calendar day in the venue zone, whatever the hour of purchase', () => {
    expect(undatedTicketValidity('2025-03-18T13:00:00.000Z', 'Europe/Paris'))
      .toEqual({ validFrom: '2025-03-18T13:00:00.000Z', validUntil: '2028-03-18T22:59:59.000Z' });
  });

  it('counts the purchase day in the venue zone: 23:30Z on 31 December is already 1 January in Paris', () => {
    expect(undatedTicketValidity('2024-12-31T23:30:00.000Z', 'Europe/Paris').validUntil).toBe('2028-01-01T22:59:59.000Z');
  });

  it('ends on 28 February when bought on 29 February', () => {
    expect(undatedTicketValidity('2024-02-29T10:00:00.000Z', 'Europe/Paris').validUntil).toBe('2027-02-28T22:59:59.000Z');
  });

  it('refuses an unknown zone or a date that is not one', () => {
    expect(() => undatedTicketValidity('2025-03-18T13:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => undatedTicketValidity('yesterday', 'Europe/Paris')).toThrow(RangeError);
  });
});
