// Money and dates on paper read as the interface writes them, in Paris time whatever the
// machine's own zone, and only with characters the embedded font can draw.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatVatRate, labelled } from '../../src-main/core/print/printText.std.ts';

const NBSP = '\u00a0';

describe('printed money and dates', () => {
  it('writes euros as each language does', () => {
    expect(formatMoney(27200, 'fr')).toBe(`272,00${NBSP}€`);
    expect(formatMoney(27200, 'en')).toBe('€272.00');
    expect(formatMoney(1234500, 'fr')).toBe(`12${NBSP}345,00${NBSP}€`);
    expect(formatMoney(-2000, 'en')).toBe('-€20.00');
  });

  it('never prints the narrow no-break space Roboto has no glyph for', () => {
    for (const text of [formatMoney(1234500, 'fr'), formatVatRate(550, 'fr'), formatDateTime('2025-03-18T12:15:00Z', 'fr')]) {
      expect(text).not.toContain('\u202f');
    }
  });

  it('writes the seed slot in Paris time: 18 mars 2025 13:15', () => {
    expect(formatDateTime('2025-03-18T12:15:00.000Z', 'fr')).toBe('18 mars 2025 13:15');
    expect(formatDateTime('2025-03-18T12:15:00.000Z', 'en')).toBe('18 March 2025 1:15 pm');
  });

  it('follows summer time in Paris', () => {
    expect(formatDateTime('2025-07-01T08:00:00.000Z', 'fr')).toBe('1 juillet 2025 10:00');
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(formatDate('2027-12-31T23:30:00.000Z', 'fr')).toBe('1 janvier 2028');
  });

  it('writes VAT rates and labels with each language\'s punctuation', () => {
    expect(formatVatRate(550, 'fr')).toBe(`5,5${NBSP}%`);
    expect(formatVatRate(2000, 'en')).toBe('20%');
    expect(labelled('SIRET', '912', 'fr')).toBe(`SIRET${NBSP}: 912`);
    expect(labelled('SIRET', '912', 'en')).toBe('SIRET: 912');
  });
});
