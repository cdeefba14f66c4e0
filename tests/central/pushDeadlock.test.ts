// A push is one transaction, so two desktops whose pushes take the same two slots in opposite
// orders can deadlock: on a real PostgreSQL, each push takes its first slot, both wait at a
// barrier, then each reaches for the other's. PostgreSQL undoes one push whole; the service
// applies it again once the other has committed, so both desktops get every placement, once.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PushResponseSchema } from '../../src-main/contract/centralApi.std.ts';
import type { RacePoints } from '../../src-central/context.node.ts';
import { barrier } from '../support/interleaving.node.ts';
import { postgresMissing } from '../support/postgres.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { group, slotIn, validatedDesk } from './centralTestClient.node.ts';

const missing = postgresMissing();
const X = 'arc-de-triomphe:2025-03-20T13:00:00.000Z';
const Y = 'arc-de-triomphe:2025-03-21T13:00:00.000Z';

describe.skipIf(missing !== null && !process.env.CI)('two pushes taking the same slots in opposite orders (PostgreSQL)', () => {
  it('applies both whole, once each, after PostgreSQL breaks their deadlock', async () => {
    const calls = new Map<string, number>();
    const [firstTaken, secondWanted] = [barrier(2), barrier(2)];
    const racePoints: RacePoints = {
      // Each slot's first call is one push's first placement, its second the other push's second one; a retry passes.
      seatsChecked: (slotId) => {
        const n = (calls.get(slotId) ?? 0) + 1;
        calls.set(slotId, n);
        return n === 1 ? firstTaken.arrive() : n === 2 ? secondWanted.arrive() : Promise.resolve();
      },
    };
    const central = await startTestCentral({ now: () => new Date('2025-01-10T09:00:00Z'), sweepEveryMs: 0, seedMonths: 3, racePoints });
    try {
      const [a, b] = await Promise.all([validatedDesk(central, 'Agence A'), validatedDesk(central, 'Agence B')]);
      const placements = (slots: string[]) => slots.map((slotId, i) => ({ id: i + 1, name: 'option.place', args: { optionId: randomUUID(), slotId, composition: group(8) } }));
      const [fromA, fromB] = await Promise.all([a.push(placements([X, Y])), b.push(placements([Y, X]))]);
      for (const answer of [fromA, fromB]) {
        expect(answer.status).toBe(200);
        expect(PushResponseSchema.parse(answer.body).results.map((r) => r.status)).toEqual(['applied', 'applied']);
      }
      // One push was undone and applied again: a slot saw a third call.
      expect(Math.max(...calls.values())).toBeGreaterThan(2);
      const { patch } = await a.pullAll(null);
      expect([slotIn(patch, X)!.remaining, slotIn(patch, Y)!.remaining]).toEqual([slotIn(patch, X)!.capacity - 16, slotIn(patch, Y)!.capacity - 16]);
    } finally {
      await central.close();
    }
  });
});
