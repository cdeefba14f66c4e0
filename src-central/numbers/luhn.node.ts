// The Luhn check digit (ISO/IEC 7812): what card numbers end with, and what ticket numbers
// end with so that a mistyped digit at a venue's desk is caught before any lookup.

function digitsOf(number: string): number[] {
  const digits = number.replace(/ /g, '');
  if (!/^[0-9]+$/.test(digits)) throw new RangeError(`not a number of digits: ${number}`);
  return [...digits].map(Number);
}

/** The Luhn sum of `digits` when the rightmost one is doubled (it is the last before a check digit). */
function luhnSum(digits: number[], doubleRightmost: boolean): number {
  let sum = 0;
  digits.reverse().forEach((d, i) => {
    const doubled = (i % 2 === 0) === doubleRightmost ? d * 2 : d;
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  return sum;
}

/** Spaces allowed, as people type card numbers. */
export function luhnValid(number: string): boolean {
  return luhnSum(digitsOf(number), false) % 10 === 0;
}

export function withLuhnCheckDigit(number: string): string {
  return `${number}${(10 - (luhnSum(digitsOf(number), true) % 10)) % 10}`;
}
