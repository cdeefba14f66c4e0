import { describe, expect, it } from 'vitest';
import { demoVenues } from '../../../src-main/core/domain/demoCatalogue.std.ts';
import { closedDays, generateSlots } from '../../../src-main/core/domain/slotGrid.std.ts';
import type { Venue } from '../../../src-main/core/domain/venues.std.ts';

const venue = (id: string): Venue => demoVenues.find((v) => v.id === id)!;
const sainteChapelle = venue('sainte-chapelle');

describe('generateSlots', () => {
  it('puts a Sainte-Chapelle day on a quarter-hour grid from 09:00 to 17:00: 33 slots of 26', () => {
    const slots = generateSlots(sainteChapelle, '2025-03-18', '2025-03-18');
    expect(slots).toHaveLength(33);
    expect(slots[0]?.localTime).toBe('09:00');
    expect(slots[1]?.localTime).toBe('09:15');
    expect(slots.at(-1)?.localTime).toBe('17:00');
    expect(slots.every((s) => s.capacity === 26 && s.localDate === '2025-03-18')).toBe(true);
  });

  it("stores the seed's 18 March 2025 13:15 slot as a UTC instant with a stable id", () => {
    const slot = generateSlots(sainteChapelle, '2025-03-18', '2025-03-18').find((s) => s.localTime === '13:15');
    expect(slot).toEqual({
      id: 'sainte-chapelle:2025-03-18T12:15:00.000Z',
      venueId: 'sainte-chapelle',
      startsAt: '2025-03-18T12:15:00.000Z',
      localDate: '2025-03-18',
      localTime: '13:15',
      capacity: 26,
    });
  });

  it('keeps wall-clock times across the daylight-saving change (30 March 2025)', () => {
    const [saturday, sunday] = [
      generateSlots(sainteChapelle, '2025-03-29', '2025-03-29')[0],
      generateSlots(sainteChapelle, '2025-03-30', '2025-03-30')[0],
    ];
    expect(saturday).toMatchObject({ localTime: '09:00', startsAt: '2025-03-29T08:00:00.000Z' });
    expect(sunday).toMatchObject({ localTime: '09:00', startsAt: '2025-03-30T07:00:00.000Z' });
  });

  it('skips the wall-clock times the spring-forward change removes', () => {
    const night: Venue = { ...sainteChapelle, schedule: { ...sainteChapelle.schedule!, firstSlot: '01:30', lastSlot: '03:15' } };
    const slots = generateSlots(night, '2025-03-30', '2025-03-30');
    expect(slots.map((s) => s.localTime)).toEqual(['01:30', '01:45', '03:00', '03:15']);
    expect(slots.map((s) => s.startsAt)).toEqual(['2025-03-30T00:30:00.000Z', '2025-03-30T00:45:00.000Z', '2025-03-30T01:00:00.000Z', '2025-03-30T01:15:00.000Z']);
  });

  it('makes about a thousand Sainte-Chapelle slots a month, none on closed dates', () => {
    const may = generateSlots(sainteChapelle, '2025-05-01', '2025-05-31');
    expect(may).toHaveLength(30 * 33);
    expect(may.some((s) => s.localDate === '2025-05-01')).toBe(false);
  });

  it('honours closed weekdays', () => {
    const closedMondays: Venue = { ...sainteChapelle, schedule: { ...sainteChapelle.schedule!, closedWeekdays: [1] } };
    const week = generateSlots(closedMondays, '2025-03-17', '2025-03-23');
    expect(week.some((s) => s.localDate === '2025-03-17')).toBe(false);
    expect(new Set(week.map((s) => s.localDate)).size).toBe(6);
  });

  it('gives capacity equal to the venue maximum (35 at the Arc de triomphe)', () => {
    expect(generateSlots(venue('arc-de-triomphe'), '2025-06-02', '2025-06-02').every((s) => s.capacity === 35)).toBe(true);
  });

  it('gives Carcassonne one dated slot per open day', () => {
    const slots = generateSlots(venue('carcassonne'), '2025-12-24', '2025-12-26');
    expect(slots.map((s) => s.localDate)).toEqual(['2025-12-24', '2025-12-26']);
  });

  it('gives no slots to monuments booked on request, nor for an empty range', () => {
    expect(generateSlots(venue('pantheon'), '2025-01-01', '2025-12-31')).toEqual([]);
    expect(generateSlots(sainteChapelle, '2025-03-19', '2025-03-18')).toEqual([]);
  });

  it('refuses malformed dates', () => {
    expect(() => generateSlots(sainteChapelle, '18/03/2025', '2025-03-18')).toThrow(RangeError);
  });
});

describe('closedDays', () => {
  it('lists the closed dates in the range', () => {
    expect(closedDays(sainteChapelle, '2024-12-20', '2025-01-05')).toEqual(['2024-12-25', '2025-01-01']);
    expect(closedDays(venue('chateau-de-vincennes'), '2025-11-01', '2025-11-30')).toEqual(['2025-11-01', '2025-11-11']);
  });

  it('is empty for venues without a schedule', () => {
    expect(closedDays(venue('pantheon'), '2025-01-01', '2025-12-31')).toEqual([]);
  });
});
