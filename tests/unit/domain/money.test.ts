import { describe, expect, it } from 'vitest';
import { multiplyCents, sumCents } from '../../../src-main/core/domain/money.std.ts';

describe('money', () => {
  it('multiplies a unit price by a quantity in cents', () => {
    expect(multiplyCents(1700, 16)).toBe(27200);
    expect(multiplyCents(0, 1)).toBe(0);
  });

  it('sums amounts in cents', () => {
    expect(sumCents([27200, 0, 1050])).toBe(28250);
    expect(sumCents([])).toBe(0);
  });

  it('refuses euros disguised as cents and fractional quantities', () => {
    expect(() => multiplyCents(17.5, 2)).toThrow(RangeError);
    expect(() => multiplyCents(1700, 1.5)).toThrow(RangeError);
    expect(() => sumCents([100, 0.1])).toThrow(RangeError);
    expect(() => multiplyCents(Number.NaN, 1)).toThrow(RangeError);
  });

  it('refuses totals beyond exact integer arithmetic', () => {
    expect(() => multiplyCents(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });
});
