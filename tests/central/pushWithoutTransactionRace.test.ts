// A desk the service knows pushes a placement or a cancel in two statements and no transaction
// (pushWithoutTransaction.node.ts); its guarantees must hold when two pushes of the same client
// race, as a retry racing its original does, and when the expiry sweep meets a cancel. A barrier
// or a gate holds the push after its read and before its write, so the collision happens on
// every run.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RacePoints } from '../../src-central/context.node.ts';
import { barrier, gate } from '../support/interleaving.node.ts';
import { postgresMissing } from '../support/postgres.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { Desk, group, slotIn, validatedDesk } from './centralTestClient.node.ts';

const missing = postgresMissing();
const SLOT = 'sainte-chapelle:2025-05-06T10:00:00.000Z';

const place = (id: number, visitors: number, optionId = randomUUID()) =>
  ({ id, name: 'option.place', args: { optionId, slotId: SLOT, composition: group(visitors) } });

/** A central service and a desk that has pushed once already, so that its next pushes take the path without a transaction. */
async function withKnownDesk<T>(racePoints: RacePoints, clock: { now: Date }, run: (desk: Desk, central: Awaited<ReturnType<typeof startTestCentral>>) => Promise<T>): Promise<T> {
  const central = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0, seedMonths: 5, racePoints });
  try {
    const desk = await validatedDesk(central, 'Agence Reprise');
    expect((await desk.cancel(randomUUID())).status).toBe('rejected');
    return await run(desk, central);
  } finally {
    await central.close();
  }
}

const remainingOn = async (desk: Desk) => slotIn((await desk.pullAll(null)).patch, SLOT)!.remaining;

describe.skipIf(missing !== null && !process.env.CI)('pushes of one known desk without a transaction, raced (PostgreSQL)', () => {
  const clock = { now: new Date('2025-01-10T09:00:00Z') };

  async function placementsOfTwo(pushes: ReturnType<typeof place>[]) {
    const bothRead = barrier(2);
    const racePoints: RacePoints = { seatsChecked: (slotId) => (slotId === SLOT ? bothRead.arrive() : Promise.resolve()) };
    return withKnownDesk(racePoints, clock, async (desk) => {
      const answers = await Promise.all(pushes.map((p) => desk.push([p])));
      return { answers, arrived: bothRead.arrived, remaining: await remainingOn(desk) };
    });
  }

  it('applies a placement sent twice at once, by a retry, once, and answers both the same', async () => {
    const twin = place(2, 10);
    const { answers, arrived, remaining } = await placementsOfTwo([twin, twin]);
    expect(arrived).toBe(2);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]!.body).toEqual(answers[1]!.body);
    expect(answers[0]!.body.results[0]).toMatchObject({ mutationId: 2, status: 'applied' });
    expect(remaining).toBe(26 - 10);
  });

  it('applies one of two different placements sent under one mutation id and refuses the other, taking seats once', async () => {
    const { answers, arrived, remaining } = await placementsOfTwo([place(2, 10), place(2, 12)]);
    expect(arrived).toBe(2);
    const applied = answers.find((a) => a.status === 200)!;
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.error.code).toBe('MUTATION_ID_REUSED');
    const seated = applied.body.results[0].option;
    expect(remaining).toBe(26 - (seated.composition.visitors as number));
  });

  it('cancels an option sent twice at once, by a retry, once: the seats come back once and both answers agree', async () => {
    const bothRead = barrier(2);
    let optionId = '';
    const racePoints: RacePoints = { cancelChecked: (id) => (id === optionId ? bothRead.arrive() : Promise.resolve()) };
    await withKnownDesk(racePoints, clock, async (desk) => {
      // A second option on the slot keeps seats held: seats given back twice would show, not hit the CHECK.
      expect((await desk.place(SLOT, group(10))).status).toBe('applied');
      optionId = (await desk.place(SLOT, group(10))).option!.id;
      const twin = { id: 4, name: 'option.cancel', args: { optionId } };
      const answers = await Promise.all([desk.push([twin]), desk.push([twin])]);
      expect(bothRead.arrived).toBe(2);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(answers[0]!.body).toEqual(answers[1]!.body);
      expect(answers[0]!.body.results[0]).toMatchObject({ status: 'applied', option: { id: optionId, state: 'cancelled' } });
      expect(await remainingOn(desk)).toBe(26 - 10);
    });
  });

  it('lets only one of two workstations of an office cancel one option at once: the other is told it is cancelled, the seats come back once', async () => {
    const bothRead = barrier(2);
    let optionId = '';
    const racePoints: RacePoints = { cancelChecked: (id) => (id === optionId ? bothRead.arrive() : Promise.resolve()) };
    await withKnownDesk(racePoints, clock, async (desk) => {
      const colleague = new Desk(desk.url, desk.session, desk.email);
      expect((await colleague.cancel(randomUUID())).status).toBe('rejected');
      expect((await desk.place(SLOT, group(10))).status).toBe('applied');
      optionId = (await desk.place(SLOT, group(10))).option!.id;
      const [mine, theirs] = await Promise.all([desk.cancel(optionId), colleague.cancel(optionId)]);
      expect(bothRead.arrived).toBe(2);
      expect([mine.status, theirs.status].sort()).toEqual(['applied', 'rejected']);
      expect([mine, theirs].find((r) => r.status === 'rejected')).toMatchObject({ code: 'NOT_ACTIVE' });
      expect(await remainingOn(desk)).toBe(26 - 10);
    });
  });

  it('answers a cancel that read the option active while the sweep expired it that it is expired, and gives the seats back once', async () => {
    const read = gate('the cancel');
    let optionId = '';
    const racePoints: RacePoints = { cancelChecked: (id) => (id === optionId ? read.hold() : Promise.resolve()) };
    await withKnownDesk(racePoints, clock, async (desk, central) => {
      const placed = (await desk.place(SLOT, group(10))).option!;
      optionId = placed.id;
      const cancelling = desk.cancel(optionId);
      await read.reached();
      const before = clock.now;
      clock.now = new Date(Date.parse(placed.expiresAt) + 1000);
      try {
        expect(await central.sweepExpired()).toBe(1);
        read.open();
        expect(await cancelling).toMatchObject({ status: 'rejected', code: 'NOT_ACTIVE' });
      } finally {
        read.open();
        clock.now = before;
      }
      await desk.signInAgain();
      expect(await remainingOn(desk)).toBe(26);
    });
  });
});
