// A desk the service knows pushes a placement in two statements and no transaction
// (placementPush.node.ts); its guarantees must hold when two pushes of the same client race,
// as a retry racing its original does. A barrier holds both after their read and before their
// write, so each read the same last mutation id and both try to write.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RacePoints } from '../../src-central/context.node.ts';
import { barrier } from '../support/interleaving.node.ts';
import { postgresMissing } from '../support/postgres.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { group, slotIn, validatedDesk } from './centralTestClient.node.ts';

const missing = postgresMissing();
const SLOT = 'sainte-chapelle:2025-05-06T10:00:00.000Z';

const place = (id: number, visitors: number, optionId = randomUUID()) =>
  ({ id, name: 'option.place', args: { optionId, slotId: SLOT, composition: group(visitors) } });

async function raceOfTwo(pushes: (ReturnType<typeof place>)[]) {
  const bothRead = barrier(2);
  const racePoints: RacePoints = { seatsChecked: (slotId) => (slotId === SLOT ? bothRead.arrive() : Promise.resolve()) };
  const central = await startTestCentral({ now: () => new Date('2025-01-10T09:00:00Z'), sweepEveryMs: 0, seedMonths: 5, racePoints });
  try {
    const desk = await validatedDesk(central, 'Agence Reprise');
    // Its first push makes the desk known: the next ones take the two-statement path.
    expect((await desk.cancel(randomUUID())).status).toBe('rejected');
    const answers = await Promise.all(pushes.map((p) => desk.push([p])));
    const slot = slotIn((await desk.pullAll(null)).patch, SLOT)!;
    return { answers, arrived: bothRead.arrived, remaining: slot.remaining };
  } finally {
    await central.close();
  }
}

describe.skipIf(missing !== null && !process.env.CI)('two placement pushes of one known desk at once (PostgreSQL)', () => {
  it('applies a placement sent twice at once, by a retry, once, and answers both the same', async () => {
    const twin = place(2, 10);
    const { answers, arrived, remaining } = await raceOfTwo([twin, twin]);
    expect(arrived).toBe(2);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]!.body).toEqual(answers[1]!.body);
    expect(answers[0]!.body.results[0]).toMatchObject({ mutationId: 2, status: 'applied' });
    expect(remaining).toBe(26 - 10);
  });

  it('applies one of two different placements sent under one mutation id and refuses the other, taking seats once', async () => {
    const { answers, arrived, remaining } = await raceOfTwo([place(2, 10), place(2, 12)]);
    expect(arrived).toBe(2);
    const applied = answers.find((a) => a.status === 200)!;
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.error.code).toBe('MUTATION_ID_REUSED');
    const seated = applied.body.results[0].option;
    expect(remaining).toBe(26 - (seated.composition.visitors as number));
  });
});
