// Voucher ("contremarque") codes: typed by a cashier from a printout or read out over the phone,
// so they are short, grouped, drawn from characters that cannot be mistaken for each other,
// and end with a check character that catches a slip before anything is looked up.
//
// Alphabet: 31 characters, the digits 2–9 and the letters without I, L and O (no 0/O, 1/I/L).
// 31 is prime, which is what makes the check work: the code's characters, weighted 1..12 by
// position, sum to 0 mod 31. Changing one character by d changes the sum by w·d, never 0 mod 31;
// swapping two characters a ≠ b changes it by (wᵢ − wⱼ)(a − b), never 0 either since the weights
// are distinct below 31. So every single substitution and every transposition (adjacent or not)
// is caught.
//
// Entropy: 11 random characters, 11 · log2(31) ≈ 54.5 bits. With 100,000 codes in circulation a
// guess hits one with probability 10⁵ / 31¹¹ ≈ 3.9 · 10⁻¹². Only a venue's till can try a code
// at all (POST /vouchers/redeem needs its token), and its misses are rate-limited; even a till
// left guessing at the full measured 1,000 redemptions a second for a year (3 · 10¹⁰ tries)
// would expect about 0.1 hit, and the rate limit keeps it to a few thousand tries a day.
export const VOUCHER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = VOUCHER_ALPHABET.length;
const RANDOM_CHARACTERS = 11;
const GROUP = 4;
export const VOUCHER_CODE_LENGTH = RANDOM_CHARACTERS + 1;
/** Bits of randomness in a code. */
export const VOUCHER_CODE_BITS = RANDOM_CHARACTERS * Math.log2(BASE);

function weightedSum(values: number[]): number {
  return values.reduce((sum, v, i) => (sum + (i + 1) * v) % BASE, 0);
}

/** The inverse of 12 mod 31: the check character's weight is its position, 12. */
const inverseOf = (w: number) => {
  for (let x = 1; x < BASE; x++) if ((w * x) % BASE === 1) return x;
  throw new RangeError(`${w} has no inverse mod ${BASE}`);
};
const CHECK_WEIGHT_INVERSE = inverseOf(VOUCHER_CODE_LENGTH);

function checkValue(values: number[]): number {
  return (BASE - ((weightedSum(values) * CHECK_WEIGHT_INVERSE) % BASE)) % BASE;
}

/** "XXXX-XXXX-XXXX" from the 12 characters. */
export function formatVoucherCode(compact: string): string {
  return compact.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** `random` fills a byte array with cryptographically strong randomness (crypto.getRandomValues). */
export function newVoucherCode(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const values: number[] = [];
  // Rejection sampling: bytes at or above 248 (8 · 31) would make the low characters likelier.
  const limit = 256 - (256 % BASE);
  while (values.length < RANDOM_CHARACTERS) {
    for (const b of random(new Uint8Array(16))) {
      if (b < limit && values.length < RANDOM_CHARACTERS) values.push(b % BASE);
    }
  }
  values.push(checkValue(values));
  return formatVoucherCode(values.map((v) => VOUCHER_ALPHABET[v]).join(''));
}

export type ReadVoucherCode = { ok: true; code: string } | { ok: false; problem: 'length' | 'character' | 'check' };

/**
 * What a person typed, read as a code: case, spaces and dashes do not matter; a character the
 * alphabet left out (0, O, 1, I, L) is refused as such. The check character
 * is verified here, before any lookup. `code` is the canonical "XXXX-XXXX-XXXX" form.
 */
export function readVoucherCode(typed: string): ReadVoucherCode {
  const mapped = typed.toUpperCase().replace(/[\s\-‐‑–—_.]/g, '');
  if (mapped.length !== VOUCHER_CODE_LENGTH) return { ok: false, problem: 'length' };
  const values = [...mapped].map((c) => VOUCHER_ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return { ok: false, problem: 'character' };
  if (weightedSum(values) !== 0) return { ok: false, problem: 'check' };
  return { ok: true, code: formatVoucherCode(mapped) };
}
