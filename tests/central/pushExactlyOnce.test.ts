// Push applies each (clientId, mutationId) exactly once, in order; a lost response is
// recovered by pushing again or by pull's `results`.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { Desk, group, validatedDesk } from './centralTestClient.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
let central: RunningCentral;

beforeAll(async () => {
  central = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0 });
});
afterAll(() => central.close());

const place = (id: number, slotId: string, visitors = 10, optionId = randomUUID()) =>
  ({ id, name: 'option.place', args: { optionId, slotId, composition: group(visitors) } });

async function remaining(desk: Desk, slotId: string): Promise<number> {
  const { patch } = await desk.pullAll(null);
  const op = patch.find((p) => p.op === 'put' && p.entity === 'slot' && p.id === slotId);
  if (op?.op !== 'put' || op.entity !== 'slot') throw new Error(`no slot ${slotId}`);
  return op.value.remaining;
}

describe('push', () => {
  it('replays the stored result of a mutation pushed twice, applying it once', async () => {
    const desk = await validatedDesk(central);
    const slot = 'sainte-chapelle:2025-05-06T08:00:00.000Z';
    const first = await desk.push([place(1, slot)]);
    const second = await desk.push([place(1, slot, 10, first.body.results[0].option.id)]);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await remaining(desk, slot)).toBe(16);
  });

  it('applies two identical pushes sent at the same moment once', async () => {
    const desk = await validatedDesk(central);
    const slot = 'sainte-chapelle:2025-05-06T08:15:00.000Z';
    const mutations = [place(1, slot), place(2, slot, 8)];
    const [a, b] = await Promise.all([desk.push(mutations), desk.push(mutations)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    expect(a.body.lastMutationId).toBe(2);
    expect(await remaining(desk, slot)).toBe(26 - 18);
  });

  it('refuses a mutation id reused with other arguments', async () => {
    const desk = await validatedDesk(central);
    const slot = 'sainte-chapelle:2025-05-06T08:30:00.000Z';
    const optionId = randomUUID();
    await desk.push([place(1, slot, 10, optionId)]);
    const reused = await desk.push([place(1, slot, 12, optionId)]);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('MUTATION_ID_REUSED');
  });

  it('refuses a gap in mutation ids, saying which it expects, and applies nothing', async () => {
    const desk = await validatedDesk(central);
    const slot = 'sainte-chapelle:2025-05-06T08:45:00.000Z';
    await desk.push([place(1, slot)]);
    const gap = await desk.push([place(3, slot)]);
    expect(gap.status).toBe(409);
    expect(gap.body.error).toMatchObject({ code: 'OUT_OF_ORDER', expected: 2 });
    expect(await remaining(desk, slot)).toBe(16);
  });

  it('refuses a push carrying one mutation id twice before applying any of it', async () => {
    const desk = await validatedDesk(central);
    const slot = 'sainte-chapelle:2025-05-06T09:00:00.000Z';
    const twice = await desk.push([place(1, slot, 10), place(1, slot, 12)]);
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(JSON.stringify(twice.body.error)).toContain('mutation id 1 appears twice');
    expect(await remaining(desk, slot)).toBe(26);
  });

  it('advances past a business refusal: it is a result, not an error', async () => {
    const desk = await validatedDesk(central);
    const answer = await desk.push([
      place(1, 'chateau-de-vincennes:2025-05-06T08:00:00.000Z'),
      place(2, 'sainte-chapelle:2025-05-07T08:00:00.000Z'),
    ]);
    expect(answer.body.lastMutationId).toBe(2);
    expect(answer.body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'applied']);
  });

  it('gives a client that lost push responses their results through pull', async () => {
    const desk = await validatedDesk(central);
    await desk.push([place(1, 'sainte-chapelle:2025-05-08T08:00:00.000Z'), place(2, 'chateau-de-vincennes:2025-05-08T08:00:00.000Z')]);
    await desk.push([place(3, 'sainte-chapelle:2025-05-08T08:15:00.000Z')]);
    const page = await desk.pull(null, { resultsAfter: 1 });
    expect(page.lastMutationId).toBe(3);
    expect(page.results.map((r) => [r.mutationId, r.status, r.code])).toEqual([
      [2, 'rejected', 'NO_OPTION_POSSIBLE'], [3, 'applied', undefined],
    ]);
    expect((await desk.pull(null, { resultsAfter: 3 })).results).toEqual([]);
  });
});
