// option.resize: one step, and the held seats are never given up midway (DOMAIN.md §3);
// special visits online only where the venue takes them (DOMAIN.md §1).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { admin, centralWithTwoOffices, Desk, group, type Patch, slotIn, validatedDesk } from './centralTestClient.node.ts';

const start = new Date('2025-01-10T09:00:00Z');
const clock = { now: start };
const env = centralWithTwoOffices(clock);

function optionIn(patch: Patch, id: string) {
  const op = patch.find((p) => p.op === 'put' && p.entity === 'option' && p.id === id);
  return op?.op === 'put' && op.entity === 'option' ? op.value : undefined;
}

/** Places `visitors` on `slot` for the env.desk and returns the option as the server holds it. */
async function placed(on: Desk, slot: string, visitors: number) {
  const result = await on.place(slot, group(visitors));
  expect(result.status).toBe('applied');
  return result.option!;
}

describe('option.resize', () => {
  it('grows within the slot: takes the extra seats, re-prices, keeps the expiry, and pull shows it', async () => {
    const slot = 'conciergerie:2025-04-22T12:00:00.000Z';
    const option = await placed(env.desk, slot, 10);
    const { cookie } = await env.desk.pullAll(null);

    clock.now = new Date(start.getTime() + 60_000);
    try {
      const result = await env.desk.resize(option.id, group(15, 1, 1));
      expect(result).toMatchObject({
        status: 'applied',
        option: {
          id: option.id, slotId: slot, state: 'active', composition: group(15, 1, 1),
          // 15 visitors at 10,00 €, the guide free, the leader of a group of 20 or fewer pays.
          totalCents: 16_000,
          expiresAt: option.expiresAt, createdAt: option.createdAt, updatedAt: clock.now.toISOString(),
        },
      });
    } finally {
      clock.now = start;
    }

    const delta = await env.desk.pull(cookie);
    expect(slotIn(delta.patch, slot)?.remaining).toBe(26 - 17);
    expect(optionIn(delta.patch, option.id)).toMatchObject({ composition: group(15, 1, 1), totalCents: 16_000, expiresAt: option.expiresAt });
    // Other offices see the seats go.
    expect(slotIn((await env.other.pullAll(null)).patch, slot)?.remaining).toBe(9);
  });

  it('grows onto exactly the last seats', async () => {
    const slot = 'conciergerie:2025-04-22T12:15:00.000Z';
    await placed(env.other, slot, 16);
    const option = await placed(env.desk, slot, 8);
    expect(await env.desk.resize(option.id, group(10))).toMatchObject({ status: 'applied', option: { composition: group(10) } });
    expect(slotIn((await env.desk.pullAll(null)).patch, slot)?.remaining).toBe(0);
  });

  it('refuses to grow beyond the seats left, offering alternatives for the new size, and changes nothing', async () => {
    const slot = 'conciergerie:2025-04-23T12:00:00.000Z';
    await placed(env.other, slot, 10);
    const option = await placed(env.desk, slot, 10);
    const { cookie } = await env.desk.pullAll(null);

    // 6 seats left; growing to 17 needs 7 more.
    const result = await env.desk.resize(option.id, group(17));
    expect(result).toMatchObject({ status: 'rejected', code: 'SLOT_FULL' });
    expect(result.option).toBeUndefined();
    expect(result.alternatives!.length).toBeGreaterThan(0);
    expect(result.alternatives!.every((a) => a.remaining >= 17 && a.slotId !== slot)).toBe(true);
    expect(result.alternatives![0]!.startsAt.slice(0, 10)).toBe('2025-04-23');

    // Nothing moved: no new version for the slot or the option, and both read as before.
    const delta = await env.desk.pull(cookie);
    expect(delta.patch.filter((p) => p.entity === 'slot' || p.entity === 'option')).toEqual([]);
    const all = (await env.desk.pullAll(null)).patch;
    expect(slotIn(all, slot)?.remaining).toBe(6);
    expect(optionIn(all, option.id)).toEqual(option);

    // The seats it still holds are really its own: cancelling returns all 10.
    expect(await env.desk.cancel(option.id)).toMatchObject({ status: 'applied' });
    expect(slotIn((await env.desk.pullAll(null)).patch, slot)?.remaining).toBe(16);
  });

  it('shrinks, giving the seats back', async () => {
    const slot = 'conciergerie:2025-04-24T12:00:00.000Z';
    const option = await placed(env.desk, slot, 20);
    const result = await env.desk.resize(option.id, group(8, 1));
    expect(result).toMatchObject({ status: 'applied', option: { composition: group(8, 1), totalCents: 8_000, expiresAt: option.expiresAt } });
    expect(slotIn((await env.other.pullAll(null)).patch, slot)?.remaining).toBe(26 - 9);
    // A guided group of any size is taken at the Conciergerie: down to 2 visitors and their guide.
    expect(await env.desk.resize(option.id, group(2, 1))).toMatchObject({ status: 'applied' });
    expect(slotIn((await env.other.pullAll(null)).patch, slot)?.remaining).toBe(26 - 3);
  });

  it('re-prices a change of composition at the same head count', async () => {
    const slot = 'conciergerie:2025-04-24T12:15:00.000Z';
    const option = await placed(env.desk, slot, 12);
    const result = await env.desk.resize(option.id, group(10, 1, 1));
    expect(result).toMatchObject({ status: 'applied', option: { composition: group(10, 1, 1), totalCents: 11_000 } });
    expect(slotIn((await env.desk.pullAll(null)).patch, slot)?.remaining).toBe(26 - 12);
  });

  it("reports another office's option as missing, and leaves it alone", async () => {
    const slot = 'conciergerie:2025-04-25T12:00:00.000Z';
    const option = await placed(env.other, slot, 10);
    expect(await env.desk.resize(option.id, group(12))).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    expect(await env.desk.resize(randomUUID(), group(12))).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    expect(slotIn((await env.other.pullAll(null)).patch, slot)?.remaining).toBe(16);
  });

  it('refuses a cancelled option', async () => {
    const slot = 'conciergerie:2025-04-25T12:15:00.000Z';
    const option = await placed(env.desk, slot, 10);
    await env.desk.cancel(option.id);
    expect(await env.desk.resize(option.id, group(12))).toMatchObject({ status: 'rejected', code: 'NOT_ACTIVE' });
    expect(slotIn((await env.desk.pullAll(null)).patch, slot)?.remaining).toBe(26);
  });

  it('refuses an option past its expiry by the server clock, swept or not', async () => {
    // Wednesday 12 March 2025 10:00 in Paris: expires 11 January, the day after "today".
    const slot = 'conciergerie:2025-03-12T09:00:00.000Z';
    const option = await placed(env.desk, slot, 10);
    expect(option.expiresAt).toBe('2025-01-11T09:00:00.000Z');
    clock.now = new Date(option.expiresAt);
    try {
      await env.desk.signInAgain();
      // Not swept yet: still 'active' in the table, but the server clock says it lapsed.
      expect(await env.desk.resize(option.id, group(8))).toMatchObject({ status: 'rejected', code: 'NOT_ACTIVE' });
      expect((await admin(env.central, '/admin/sweep', {})).body).toEqual({ expired: 1, unpaidCancelled: 0 });
      expect(await env.desk.resize(option.id, group(8))).toMatchObject({ status: 'rejected', code: 'NOT_ACTIVE' });
      expect(slotIn((await env.desk.pullAll(null)).patch, slot)?.remaining).toBe(26);
    } finally {
      clock.now = start;
      await env.desk.signInAgain();
    }
  });

  it('refuses a group below the minimum or above the slot maximum, naming the rule, and changes nothing', async () => {
    const slot = 'conciergerie:2025-04-28T12:00:00.000Z';
    const option = await placed(env.desk, slot, 10);
    expect(await env.desk.resize(option.id, group(5))).toMatchObject({
      status: 'rejected', code: 'GROUP_RULE', violations: [{ code: 'BELOW_MINIMUM', min: 8 }],
    });
    expect(await env.desk.resize(option.id, group(27))).toMatchObject({
      status: 'rejected', code: 'GROUP_RULE', violations: [{ code: 'ABOVE_SLOT_MAXIMUM', max: 26 }],
    });
    const all = (await env.desk.pullAll(null)).patch;
    expect(optionIn(all, option.id)).toEqual(option);
    expect(slotIn(all, slot)?.remaining).toBe(16);
  });

  it('applies a resize pushed twice once, replaying its stored result', async () => {
    const pusher = await validatedDesk(env.central, 'Voyages Retry');
    const slot = 'conciergerie:2025-04-29T12:00:00.000Z';
    const optionId = randomUUID();
    const place = { id: 1, name: 'option.place', args: { optionId, slotId: slot, composition: group(10) } };
    const resize = { id: 2, name: 'option.resize', args: { optionId, composition: group(14) } };
    const first = await pusher.push([place, resize]);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    const again = await pusher.push([resize]);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ lastMutationId: 2, results: [first.body.results[1]] });
    // Same arguments in another key order are the same mutation.
    const reordered = await pusher.push([{ id: 2, name: 'option.resize', args: { composition: { leaders: 0, guides: 0, visitors: 14 }, optionId } }]);
    expect(reordered.body.results).toEqual([first.body.results[1]]);
    expect(slotIn((await pusher.pullAll(null)).patch, slot)?.remaining).toBe(26 - 14);
    // The same id with another size is not a retry.
    const reused = await pusher.push([{ ...resize, args: { optionId, composition: group(20) } }]);
    expect([reused.status, reused.body.error.code]).toEqual([409, 'MUTATION_ID_REUSED']);
  });

  it('refuses to grow on a slot the venue closed to groups, but lets the option shrink there', async () => {
    const slot = 'conciergerie:2025-04-30T12:00:00.000Z';
    const option = await placed(env.desk, slot, 10);
    await admin(env.central, `/admin/slots/${encodeURIComponent(slot)}/availability`, { available: false });
    expect(await env.desk.resize(option.id, group(12))).toMatchObject({ status: 'rejected', code: 'SLOT_UNAVAILABLE', alternatives: expect.any(Array) });
    expect(await env.desk.resize(option.id, group(9))).toMatchObject({ status: 'applied', option: { composition: group(9) } });
  });
});

describe('special visits', () => {
  const special = (slotId: string) => env.desk.mutate('option.place', { optionId: randomUUID(), slotId, composition: group(22, 0, 2), specialVisit: true });

  it('refuses a special visit at the Sainte-Chapelle, which takes them only on request', async () => {
    const result = await special('sainte-chapelle:2025-04-15T08:00:00.000Z');
    expect(result).toMatchObject({ status: 'rejected', code: 'GROUP_RULE' });
    expect(result.violations).toEqual([{ code: 'SPECIAL_VISIT_NOT_ALLOWED' }]);
  });

  it('places a special visit at the Arc de triomphe', async () => {
    expect(await special('arc-de-triomphe:2025-04-15T08:00:00.000Z')).toMatchObject({ status: 'applied', option: { composition: group(22, 0, 2) } });
  });

  it('places an ordinary group at the Sainte-Chapelle, with or without the flag', async () => {
    const slotId = 'sainte-chapelle:2025-04-15T08:15:00.000Z';
    expect(await env.desk.mutate('option.place', { optionId: randomUUID(), slotId, composition: group(10), specialVisit: false })).toMatchObject({ status: 'applied' });
    expect(await env.desk.place(slotId, group(10))).toMatchObject({ status: 'applied' });
  });
});
