// The VAT inside an order's prices, as a receipt shows it: per rate, the amount before tax
// and the tax. Prices include VAT, so the tax is carved out of each rate's total.
import { sumCents, type Cents } from './money.std.ts';

/**
 * ASSUMPTION: DOMAIN.md gives no VAT rate. Admission tickets to monuments and museums take
 * the French reduced rate of 5.5 % (CGI art. 278-0 bis), in basis points so that money
 * stays integer arithmetic.
 */
export const ADMISSION_VAT_RATE_BP = 550;

export interface VatLine {
  totalCents: Cents;
  vatRateBp: number;
}

export interface VatShare {
  rateBp: number;
  /** The amount before tax. */
  baseCents: Cents;
  vatCents: Cents;
}

/** round(total × 10000 / (10000 + rate)), half up, without leaving integers. */
function baseOf(totalCents: Cents, rateBp: number): Cents {
  const divisor = 10_000 + rateBp;
  return Math.floor((2 * totalCents * 10_000 + divisor) / (2 * divisor));
}

/**
 * One share per rate, lowest rate first, computed on the rate's total rather than per line,
 * so the receipt's figures add up to the order's total to the cent. Zero-priced lines (free
 * guide and leader tickets) carry no VAT and add no share.
 */
export function vatBreakdown(lines: readonly VatLine[]): VatShare[] {
  const perRate = new Map<number, Cents[]>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.vatRateBp) || line.vatRateBp < 0) throw new RangeError(`VAT rate must be whole basis points ≥ 0, got ${line.vatRateBp}`);
    if (line.totalCents === 0) continue;
    perRate.set(line.vatRateBp, [...(perRate.get(line.vatRateBp) ?? []), line.totalCents]);
  }
  return [...perRate.entries()].sort(([a], [b]) => a - b).map(([rateBp, totals]) => {
    const total = sumCents(totals);
    const baseCents = baseOf(total, rateBp);
    return { rateBp, baseCents, vatCents: total - baseCents };
  });
}
