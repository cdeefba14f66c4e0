import { describe, expect, it } from 'vitest';
import { MENU_LABELS, menuLanguage } from '../../src-main/core/desktop/menuLabels.std.ts';

describe('the application menu labels', () => {
  it('name the same items in French and English', () => {
    expect(Object.keys(MENU_LABELS.fr).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
  });

  it.each(['fr', 'en'] as const)('leave no label empty in %s', (language) => {
    expect(Object.entries(MENU_LABELS[language]).filter(([, label]) => label.trim() === '')).toEqual([]);
  });

  it('follow the language chosen in the settings, else the system’s', () => {
    expect(menuLanguage('en', 'fr-FR')).toBe('en');
    expect(menuLanguage(null, 'fr-CA')).toBe('fr');
    expect(menuLanguage(null, 'FR')).toBe('fr');
    expect(menuLanguage(undefined, 'de-DE')).toBe('en');
  });
});
