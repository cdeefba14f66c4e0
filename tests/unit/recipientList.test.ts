// Issue 12 §4, a pasted list of recipients: one a line, "Name <address>" accepted; every bad
// line refused on its own with its reason while the good ones go ahead.
import { describe, expect, it } from 'vitest';
import { MAX_RECIPIENT_LINES, parseRecipients } from '../../src-main/core/domain/recipientList.std.ts';

describe('a pasted list of recipients', () => {
  it('takes bare addresses and "Name <address>" lines, in order, and names each bad line with its reason', () => {
    const list = parseRecipients([
      'Léa Durand <Lea.Durand@Example.org>',
      '  paul.martin@example.org ;',
      '',
      '"Nguyen, Anh" <anh.nguyen@example.org>',
      'not an address',
      'lea.durand@example.org',
      '<zoe@example.org>',
      'Jean Dupont <jean@>',
    ].join('\r\n'));
    expect(list.recipients).toEqual([
      { line: 1, email: 'lea.durand@example.org', name: 'Léa Durand' },
      { line: 2, email: 'paul.martin@example.org', name: null },
      { line: 4, email: 'anh.nguyen@example.org', name: 'Nguyen, Anh' },
      { line: 7, email: 'zoe@example.org', name: null },
    ]);
    expect(list.refused).toEqual([
      { line: 5, text: 'not an address', problem: 'not_an_address' },
      { line: 6, text: 'lea.durand@example.org', problem: 'duplicate' },
      { line: 8, text: 'Jean Dupont <jean@>', problem: 'not_an_address' },
    ]);
  });

  it('keeps the good lines of a 2,000-line paste full of junk, and says how much was left out beyond the limit', () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => (i % 10 === 3 ? `junk ${i} \u0000` : `Visiteur ${i} <v${i}@example.org>`));
    const list = parseRecipients(lines.join('\n'));
    expect(list.recipients).toHaveLength(1_800);
    expect(list.refused).toHaveLength(200);
    expect(list.refused.every((r) => r.problem === 'not_an_address' && (r.line - 1) % 10 === 3)).toBe(true);
    expect(list.overflow).toBe(0);
    const huge = parseRecipients(Array.from({ length: MAX_RECIPIENT_LINES + 7 }, (_, i) => `v${i}@example.org`).join('\n'));
    expect(huge.recipients).toHaveLength(MAX_RECIPIENT_LINES);
    expect(huge.overflow).toBe(7);
    expect(parseRecipients(`${'x'.repeat(400)}@example.org`).refused[0]).toMatchObject({ line: 1, problem: 'too_long' });
  });
});
