// Two central processes on one PostgreSQL, sharing nothing else (issue 14, "Many API
// processes"): an office's workstations spread across them see one service. A session opened
// on one is honoured by the other, what one writes the other's pulls bring, and a slot that
// both fill at once is never oversold, whatever the interleaving.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresMissing } from '../support/postgres.node.ts';
import { startCentralProcess, type CentralProcess } from '../support/centralProcess.node.ts';
import { testDatabase, TEST_PG_URL_ENV, type TestDatabase } from '../support/testCentral.node.ts';
import { Desk, group, signIn, slotIn, validatedDesk } from './centralTestClient.node.ts';
import { putsOf } from './orderTestKit.node.ts';

const missing = postgresMissing();

describe.skipIf(missing !== null && !process.env.CI)('two central processes on one PostgreSQL', () => {
  let database: TestDatabase;
  const processes: CentralProcess[] = [];

  beforeAll(async () => {
    if (!process.env[TEST_PG_URL_ENV]) throw new Error(`The many-processes test cannot run: ${missing ?? 'no cluster was started'}`);
    database = (await testDatabase(new Date(), 3))!;
    const adminToken = randomUUID();
    // One after the other, as a rolling start does: the first migrates and keeps the keys, the second finds them.
    processes.push(await startCentralProcess(database.url, adminToken));
    processes.push(await startCentralProcess(database.url, adminToken));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await database?.drop();
  });

  it('honours on one a session opened on the other, and pulls there what was written here', async () => {
    const [a, b] = processes as [CentralProcess, CentralProcess];
    const onA = await validatedDesk(a, 'Voyages Deux Guichets');
    const onB = new Desk(b.url, onA.session, onA.email);
    const dossierId = randomUUID();
    expect(await onB.mutate('dossier.save', {
      dossierId, name: 'Lycée Voltaire', clientReference: null, contactName: null, contactEmail: null, contactPhone: null,
      expectedPeople: 8, travelFrom: null, travelTo: null, notes: null,
    })).toMatchObject({ status: 'applied' });
    const { patch } = await onA.pullAll(null);
    expect(putsOf(patch, 'dossier').map((d) => d.name)).toEqual(['Lycée Voltaire']);
    // And a session opened on B works on A.
    const second = new Desk(a.url, await signIn(b.url, onA.email), onA.email);
    expect(putsOf((await second.pullAll(null)).patch, 'dossier').map((d) => d.id)).toEqual([dossierId]);
  });

  it('never oversells a slot that workstations on both processes fill at once', async () => {
    const [a, b] = processes as [CentralProcess, CentralProcess];
    const desks = [await validatedDesk(a, 'Agence A'), await validatedDesk(b, 'Agence B')];
    const { patch } = await desks[0]!.pullAll(null);
    const slot = putsOf(patch, 'slot').find((s) => s.venueId === 'sainte-chapelle' && s.status === 'open' && s.remaining === s.capacity
      && Date.parse(s.startsAt) > Date.now() + 65 * 86_400_000)!; // beyond the 60 days an option is held
    const people = 8;
    const tries = Math.floor(slot.capacity / people) + 4;
    // One workstation per placement, half on each process, all sending at once.
    const workstations = Array.from({ length: tries }, (_, i) => new Desk(processes[i % 2]!.url, desks[i % 2]!.session, desks[i % 2]!.email));
    const results = await Promise.all(workstations.map((w) => w.place(slot.id, group(people))));
    const applied = results.filter((r) => r.status === 'applied').length;
    expect(applied).toBe(Math.floor(slot.capacity / people));
    expect(results.filter((r) => r.status === 'rejected').every((r) => r.code === 'SLOT_FULL')).toBe(true);
    const seen = slotIn((await desks[1]!.pullAll(null)).patch, slot.id);
    expect(seen?.remaining).toBe(slot.capacity - applied * people);
  });
});
