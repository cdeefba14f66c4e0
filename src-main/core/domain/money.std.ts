// Money is integer cents end to end: a float euro amount would drift by a cent on a
// 16 × 17,00 € line sooner or later, and the platform's receipts must match to the cent.
export type Cents = number;

function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer number of cents, got ${value}`);
}

export function multiplyCents(unit: Cents, qty: number): Cents {
  assertCents(unit, 'unit price');
  if (!Number.isSafeInteger(qty)) throw new RangeError(`quantity must be an integer, got ${qty}`);
  const total = unit * qty;
  assertCents(total, 'line total');
  return total;
}

export function sumCents(xs: Cents[]): Cents {
  let total = 0;
  for (const x of xs) {
    assertCents(x, 'amount');
    total += x;
  }
  assertCents(total, 'sum');
  return total;
}
