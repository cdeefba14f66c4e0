// A token or a ticket list kept by a shared proxy or a browser cache, or an answer a browser
// sniffs into HTML: every answer of the central service says no-store and nosniff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';

let central: RunningCentral;
beforeAll(async () => {
  central = await startTestCentral({ sweepEveryMs: 0 });
});
afterAll(() => central.close());

describe('the central service\'s answers', () => {
  it.each([
    ['a refused sign-in', () => fetch(new URL('/auth/signin', central.url), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong' }),
    })],
    ['the public key', () => fetch(new URL('/tickets/public-key', central.url))],
    ['an unknown address', () => fetch(new URL('/no/such/route', central.url))],
  ])('%s is neither cached nor sniffed', async (_what, call) => {
    const answer = await call();
    await answer.arrayBuffer();
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
