// A service seeding its catalogue on a new database analyzes it at once. Without statistics
// PostgreSQL guessed a venue had 57 slots, and sorted its whole year of slots for the
// alternatives of every refusal: 2.8 ms a refusal instead of 0.13 ms, on a hot slot most answers.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresMissing } from '../support/postgres.node.ts';
import { startTestCentral, testDatabase, TEST_PG_URL_ENV } from '../support/testCentral.node.ts';

const missing = postgresMissing();

describe.skipIf(missing !== null && !process.env.CI)('a catalogue seeded at start on PostgreSQL', () => {
  it('has its statistics before the first office asks for a slot', async () => {
    if (!process.env[TEST_PG_URL_ENV]) throw new Error(`This test cannot run: ${missing ?? 'no cluster was started'}`);
    const now = new Date('2025-01-10T09:00:00Z');
    const empty = (await testDatabase(now, null))!;
    const central = await startTestCentral({ databaseUrl: empty.url, now: () => now, seedMonths: 3, sweepEveryMs: 0 });
    const db = new pg.Client({ connectionString: empty.url });
    await db.connect();
    try {
      const { rows: [seeded] } = await db.query('SELECT count(*)::int AS n FROM slots');
      expect(seeded.n).toBeGreaterThan(1000);
      // -1 until the table is first analyzed (PostgreSQL 14 and later).
      const { rows } = await db.query("SELECT relname, reltuples FROM pg_class WHERE relname IN ('slots', 'venues', 'products') ORDER BY relname");
      expect(rows.map((r) => [r.relname, r.reltuples > 0])).toEqual([['products', true], ['slots', true], ['venues', true]]);
    } finally {
      await db.end();
      await central.close();
      await empty.drop();
    }
  });
});
