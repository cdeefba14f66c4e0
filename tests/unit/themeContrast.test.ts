// The renderer's two themes, read from its stylesheet: every colour is a variable with a value in
// both, and each ink the stylesheet sets on a ground keeps WCAG AA contrast in the light theme and
// in the dark one, including the states an end-to-end run rarely has on screen (full days,
// warnings, refusals, voucher states).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../src-renderer/styles.css'), 'utf8');
const DARK = '@media (prefers-color-scheme: dark)';

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

function blockAfter(marker: string): string {
  const start = css.indexOf('{', css.indexOf(marker)) + 1;
  let depth = 1;
  let end = start;
  while (depth > 0) {
    if (css[end] === '{') depth += 1;
    if (css[end] === '}') depth -= 1;
    end += 1;
  }
  return css.slice(start, end - 1);
}

const light = variables(blockAfter(':root'));
const dark = { ...light, ...variables(blockAfter(DARK)) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

// Ink on ground, as the stylesheet's rules pair them.
const TEXT: [string, string][] = [
  ['ink', 'paper'], ['ink', 'shade'], ['muted', 'paper'], ['muted', 'shade'], ['accent', 'paper'], ['accent-ink', 'accent'],
  ['danger', 'paper'], ['danger', 'shade'], ['danger', 'danger-bg'], ['danger-ink', 'danger'], ['ink', 'danger-bg'],
  ['success', 'paper'], ['success', 'success-bg'], ['ink', 'success-bg'], ['warning', 'warning-bg'], ['caution', 'paper'], ['caution', 'shade'],
  ['info', 'info-bg'], ['assigned', 'assigned-bg'], ['pro', 'pro-bg'],
  ['nav-ink', 'nav-bg'], ['nav-muted', 'nav-bg'], ['nav-link', 'nav-bg'], ['nav-link', 'nav-hover'], ['nav-current', 'nav-current-bg'], ['nav-badge', 'nav-badge-bg'],
  ['ink', 'plenty'], ['ink', 'some'], ['ink', 'few'], ['ink', 'full'], ['ink', 'closed'], ['muted', 'closed'],
  ['ink', 'selected'], ['ink', 'selected-strong'], ['muted', 'selected'], ['muted', 'selected-strong'],
];
// Borders, marks and the focus ring against what is around them (WCAG 1.4.11: 3:1).
const NON_TEXT: [string, string][] = [
  ['online', 'shade'], ['input-line', 'paper'], ['focus', 'paper'], ['focus', 'shade'], ['focus', 'selected'], ['nav-focus', 'nav-bg'],
  ['accent', 'paper'], ['danger', 'paper'], ['required-mark', 'paper'],
];

describe('the renderer stylesheet', () => {
  it('follows the system setting, with form controls and scrollbars too', () => {
    expect(blockAfter(':root')).toMatch(/color-scheme:\s*light dark/);
    expect(css).toContain(DARK);
  });

  it('has no colour outside its variables, and every variable a value in the dark theme', () => {
    const rules = css.replace(blockAfter(':root'), '').replace(blockAfter(DARK), '');
    expect(rules.match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/gi) ?? []).toEqual([]);
    const darkOnly = variables(blockAfter(DARK));
    const colours = Object.keys(light).filter((name) => /^#|^rgba?\(/.test(light[name]!));
    expect(colours.filter((name) => !(name in darkOnly))).toEqual([]);
  });

  for (const [theme, values] of [['light', light], ['dark', dark]] as const) {
    it(`keeps AA contrast in the ${theme} theme`, () => {
      const below = [
        ...TEXT.map(([ink, ground]) => ({ ink, ground, needed: 4.5 })),
        ...NON_TEXT.map(([ink, ground]) => ({ ink, ground, needed: 3 })),
      ]
        .map((pair) => ({ ...pair, ratio: Number(contrast(values[pair.ink]!, values[pair.ground]!).toFixed(2)) }))
        .filter((pair) => !(pair.ratio >= pair.needed));
      expect(below).toEqual([]);
    });
  }
});
