import { describe, expect, it } from 'vitest';
import { ADMISSION_VAT_RATE_BP, vatBreakdown } from '../../../src-main/core/domain/vat.std.ts';

describe('vatBreakdown', () => {
  it("carves 5.5 % out of the seed's 272,00 €: 257,82 € before tax and 14,18 € of VAT", () => {
    expect(vatBreakdown([{ totalCents: 27_200, vatRateBp: ADMISSION_VAT_RATE_BP }]))
      .toEqual([{ rateBp: 550, baseCents: 25_782, vatCents: 1_418 }]);
  });

  it('gives free guide and leader tickets no VAT share', () => {
    expect(vatBreakdown([
      { totalCents: 27_200, vatRateBp: 550 },
      { totalCents: 0, vatRateBp: 550 },
      { totalCents: 0, vatRateBp: 2_000 },
    ])).toEqual([{ rateBp: 550, baseCents: 25_782, vatCents: 1_418 }]);
    expect(vatBreakdown([{ totalCents: 0, vatRateBp: 550 }])).toEqual([]);
  });

  it('sums lines of one rate before rounding, so base + VAT is the total to the cent', () => {
    // Per line, 1,00 € gives base 95 (94.79 rounded) three times = 285; on the total 300 → 284.
    const lines = [1, 2, 3].map(() => ({ totalCents: 100, vatRateBp: 550 }));
    expect(vatBreakdown(lines)).toEqual([{ rateBp: 550, baseCents: 284, vatCents: 16 }]);
  });

  it('lists one share per rate, lowest first', () => {
    expect(vatBreakdown([{ totalCents: 1_200, vatRateBp: 2_000 }, { totalCents: 1_055, vatRateBp: 550 }])).toEqual([
      { rateBp: 550, baseCents: 1_000, vatCents: 55 },
      { rateBp: 2_000, baseCents: 1_000, vatCents: 200 },
    ]);
  });

  it('rounds the base half up on an exact half cent', () => {
    // 1 cent at 100 %: a base of 0.5 cent becomes 1; 3 cents: 1.5 → 2.
    expect(vatBreakdown([{ totalCents: 1, vatRateBp: 10_000 }])).toEqual([{ rateBp: 10_000, baseCents: 1, vatCents: 0 }]);
    expect(vatBreakdown([{ totalCents: 3, vatRateBp: 10_000 }])).toEqual([{ rateBp: 10_000, baseCents: 2, vatCents: 1 }]);
  });

  it('refuses a rate that is not whole basis points', () => {
    expect(() => vatBreakdown([{ totalCents: 100, vatRateBp: 5.5 }])).toThrow(RangeError);
  });
});
