// `npm test` fails a step whose output shows work cut off by a teardown; these are the lines
// earlier runs printed when stores and databases were closed under requests still in flight.
import { describe, expect, it } from 'vitest';
import { signsOfLostWork } from '../../scripts/runLog.mjs';

describe('reading a test run for lost work', () => {
  it('finds a store closed under a request, a table gone under a query and a rejection nobody awaited', () => {
    const log = [
      ' ✓ tests/sync/offlineOptions.test.ts (10 tests) 38327ms',
      '[guichet] sync failed TypeError: The database connection is not open',
      'error: relation "mutation_results" does not exist',
      '⎯⎯⎯⎯ Unhandled Rejection ⎯⎯⎯⎯',
      'Error: Cannot use a pool after calling end on the pool',
    ].join('\n');
    expect(signsOfLostWork(log).map((s) => s.what)).toEqual([
      'a SQLite store closed while a request still used it',
      'a query on a database or table already gone',
      'an error or rejection nobody awaited',
      'a PostgreSQL pool closed under a query',
    ]);
  });

  it('lets a clean run through, test names that say "does not exist" included', () => {
    const log = [
      ' ✓ refuses a slot that does not exist, one closed to groups, and seats the cart already counts on  3380ms',
      ' Test Files  47 passed (47)',
      '{"level":50,"reqId":"req-4","failure":{"type":"DrizzleQueryError","code":"42P01"},"msg":"unexpected failure, answered 503"}',
    ].join('\n');
    expect(signsOfLostWork(log)).toEqual([]);
  });
});
