import { describe, expect, it } from 'vitest';
import {
  formatVoucherCode, newVoucherCode, readVoucherCode, VOUCHER_ALPHABET, VOUCHER_CODE_BITS,
} from '../../../src-main/core/domain/voucherCode.std.ts';

const compact = (code: string) => code.replaceAll('-', '');
const samples = Array.from({ length: 40 }, () => newVoucherCode());

describe('voucher codes', () => {
  it('are grouped XXXX-XXXX-XXXX from an alphabet with no look-alike characters', () => {
    expect(VOUCHER_ALPHABET).not.toMatch(/[01OIL]/);
    for (const code of samples) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(VOUCHER_CODE_BITS).toBeGreaterThan(54);
  });

  it('never repeat over 100,000 codes, and each reads back as itself', () => {
    const codes = Array.from({ length: 100_000 }, () => newVoucherCode());
    expect(new Set(codes).size).toBe(100_000);
    expect(codes.every((c) => readVoucherCode(c).ok)).toBe(true);
  });

  it('catches every single mistyped character before any lookup', () => {
    for (const code of samples) {
      const chars = [...compact(code)];
      chars.forEach((original, i) => {
        for (const typo of VOUCHER_ALPHABET) {
          if (typo === original) continue;
          const mistyped = chars.with(i, typo).join('');
          expect(readVoucherCode(mistyped), mistyped).toEqual({ ok: false, problem: 'check' });
        }
      });
    }
  });

  it('catches every swap of two neighbouring characters, the check character included', () => {
    for (const code of samples) {
      const chars = [...compact(code)];
      for (let i = 0; i + 1 < chars.length; i++) {
        if (chars[i] === chars[i + 1]) continue;
        const swapped = chars.with(i, chars[i + 1]!).with(i + 1, chars[i]!).join('');
        expect(readVoucherCode(swapped), swapped).toEqual({ ok: false, problem: 'check' });
      }
    }
  });

  it('reads a code typed in lower case, with spaces or without dashes, as the printed one', () => {
    const code = samples[0]!;
    expect(readVoucherCode(` ${compact(code).toLowerCase().replace(/(.{4})/g, '$1 ')} `)).toEqual({ ok: true, code });
    expect(readVoucherCode(compact(code))).toEqual({ ok: true, code });
    expect(readVoucherCode(code.replaceAll('-', '–'))).toEqual({ ok: true, code });
  });

  it('says a code is too short, too long or has a character no code has', () => {
    const code = compact(samples[0]!);
    expect(readVoucherCode(code.slice(1))).toEqual({ ok: false, problem: 'length' });
    expect(readVoucherCode(`${code}2`)).toEqual({ ok: false, problem: 'length' });
    expect(readVoucherCode(formatVoucherCode(`O${code.slice(1)}`))).toEqual({ ok: false, problem: 'character' });
  });

  it('draws every character of the alphabet evenly from the random bytes', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) for (const c of compact(newVoucherCode()).slice(0, 11)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (20_000 * 11) / VOUCHER_ALPHABET.length;
    expect(counts.size).toBe(VOUCHER_ALPHABET.length);
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.06);
  });
});
