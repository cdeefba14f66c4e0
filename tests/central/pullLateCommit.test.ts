// A pull never passes over a row committed late. Writers no longer queue on one counter row,
// so a transaction that started first (lower id) can commit after one that started later: a
// desktop that pulls in between has seen the later one's rows. On a real PostgreSQL, the first
// placement is held at a gate inside its transaction while a second one commits and the desk
// pulls; then the first commits. The next pull must bring it. The control reads the versions:
// the late row's is below one the desk had already received, so a cookie holding the highest
// version seen (a counter or an id read in commit order) would have skipped it.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { RacePoints } from '../../src-central/context.node.ts';
import { gate } from '../support/interleaving.node.ts';
import { postgresMissing } from '../support/postgres.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { group, validatedDesk } from './centralTestClient.node.ts';

const missing = postgresMissing();
const EARLY = 'arc-de-triomphe:2025-03-20T13:00:00.000Z';
const LATE = 'arc-de-triomphe:2025-03-21T13:00:00.000Z';

describe.skipIf(missing !== null && !process.env.CI)('pull against writers committing out of order (PostgreSQL)', () => {
  it('brings the row of a transaction that began before the desk’s pull and committed after it', async () => {
    const held = gate('the early placement');
    const racePoints: RacePoints = { seatsChecked: (slotId) => (slotId === EARLY ? held.hold() : Promise.resolve()) };
    const central = await startTestCentral({ now: () => new Date('2025-01-10T09:00:00Z'), sweepEveryMs: 0, seedMonths: 3, racePoints });
    if (!central.databaseUrl) throw new Error('this test needs the run\'s PostgreSQL cluster');
    const db = new pg.Client({ connectionString: central.databaseUrl });
    await db.connect();
    try {
      const [watcher, early, late] = await Promise.all([validatedDesk(central, 'Agence A'), validatedDesk(central, 'Agence B'), validatedDesk(central, 'Agence C')]);
      const { cookie } = await watcher.pullAll(null);
      const earlyPlacement = early.place(EARLY, group(9));
      await held.reached();
      expect((await late.place(LATE, group(12))).status).toBe('applied');

      const between = await watcher.pull(cookie);
      expect(between.patch.map((p) => p.id)).toEqual([LATE]);

      held.open();
      expect((await earlyPlacement).status).toBe('applied');
      const after = await watcher.pull(between.cookie);
      expect(after.patch).toEqual([expect.objectContaining({ entity: 'slot', id: EARLY, value: expect.objectContaining({ remaining: 35 - 9 }) })]);

      // Control: ordered by version alone, the late commit sits below what the desk had already.
      const { rows } = await db.query('SELECT id, version FROM slots WHERE id = ANY($1)', [[EARLY, LATE]]);
      const version = Object.fromEntries(rows.map((r) => [r.id, Number(r.version)]));
      expect(version[EARLY]).toBeLessThan(version[LATE]!);
    } finally {
      held.open();
      await db.end();
      await central.close();
    }
  });
});
