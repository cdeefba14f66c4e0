import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-main/contract/errors.std.ts';
import { en } from '../../src-renderer/i18n/en.std.ts';
import { fr } from '../../src-renderer/i18n/fr.std.ts';

const leaves = (tree: object, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`));

describe('French and English', () => {
  it('have the same keys and no empty string', () => {
    expect(leaves(fr).map(([k]) => k).sort()).toEqual(leaves(en).map(([k]) => k).sort());
    expect([...leaves(fr), ...leaves(en)].filter(([, v]) => v.trim() === '')).toEqual([]);
  });
  it('say every error code', () => {
    for (const code of ERROR_CODES) {
      expect(en.errors[code]).toBeTruthy();
      expect(fr.errors[code]).toBeTruthy();
    }
  });
  it('use the platform words for the cart error and the menus', () => {
    expect(fr.nav.tickets).toBe('Attribution de billets');
    expect(fr.nav.companions).toBe('Accompagnateurs');
    expect(en.nav.options).toBe('Provisional bookings');
  });
});
