// Placing and cancelling options through push, and what pull then shows (DOMAIN.md §2–§3).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { centralWithTwoOffices, group, slotIn } from './centralTestClient.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
const env = centralWithTwoOffices(clock);

describe('option.place and option.cancel', () => {
  // Conciergerie, Tuesday 15 April 2025, 14:00 in Paris.
  const slot = 'conciergerie:2025-04-15T12:00:00.000Z';

  it('holds seats until 60 days before the visit, priced from the catalogue, and pull shows both', async () => {
    const { cookie } = await env.desk.pullAll(null);
    const result = await env.desk.place(slot, group(21, 1, 1));
    expect(result).toMatchObject({
      status: 'applied',
      option: {
        slotId: slot, venueId: 'conciergerie', state: 'active', startsAt: '2025-04-15T12:00:00.000Z',
        // Same wall-clock time 60 days earlier (winter time: 14:00 in Paris is 13:00 UTC).
        expiresAt: '2025-02-14T13:00:00.000Z',
        // 21 paying visitors at 10,00 €; the guide and the one leader of a group over 20 travel free.
        totalCents: 21_000,
      },
    });
    const optionId = result.option!.id;

    const delta = await env.desk.pull(cookie);
    expect(slotIn(delta.patch, slot)).toMatchObject({ remaining: 26 - 23, capacity: 26 });
    expect(delta.patch).toContainEqual(expect.objectContaining({ entity: 'option', id: optionId }));

    // Another office sees the seats go, never the option.
    const seen = await env.other.pullAll(null);
    expect(slotIn(seen.patch, slot)?.remaining).toBe(3);
    expect(seen.patch.some((p) => p.entity === 'option')).toBe(false);
    expect(await env.other.cancel(optionId)).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });

    expect(await env.desk.cancel(optionId)).toMatchObject({ status: 'applied', option: { state: 'cancelled' } });
    expect(await env.desk.cancel(optionId)).toMatchObject({ status: 'rejected', code: 'NOT_ACTIVE' });
    const afterCancel = await env.desk.pull(delta.cookie);
    expect(slotIn(afterCancel.patch, slot)?.remaining).toBe(26);
    expect(afterCancel.patch).toContainEqual(expect.objectContaining({ entity: 'option', id: optionId, value: expect.objectContaining({ state: 'cancelled' }) }));
  });

  it('refuses Vincennes, which takes no options', async () => {
    const result = await env.desk.place('chateau-de-vincennes:2025-04-15T12:00:00.000Z', group(10));
    expect(result).toMatchObject({ status: 'rejected', code: 'NO_OPTION_POSSIBLE' });
  });

  it('refuses a visit closer than the holding period', async () => {
    // 1 February is 22 days away: inside the Conciergerie's 60 days.
    const result = await env.desk.place('conciergerie:2025-02-01T09:00:00.000Z', group(10));
    expect(result).toMatchObject({ status: 'rejected', code: 'NO_OPTION_POSSIBLE' });
  });

  it('refuses a group the venue would not take, naming the rule', async () => {
    const result = await env.desk.place('conciergerie:2025-04-15T12:00:00.000Z', group(30));
    expect(result).toMatchObject({ status: 'rejected', code: 'GROUP_RULE', violations: [{ code: 'ABOVE_SLOT_MAXIMUM', max: 26 }] });
  });

  it('refuses an unknown slot, a slot closed to groups, and an option id already used', async () => {
    expect(await env.desk.place('conciergerie:2030-01-01T09:00:00.000Z', group(10))).toMatchObject({ code: 'SLOT_UNAVAILABLE' });
    const optionId = randomUUID();
    expect(await env.desk.place('conciergerie:2025-04-16T12:00:00.000Z', group(10), optionId)).toMatchObject({ status: 'applied' });
    expect(await env.other.place('conciergerie:2025-04-16T12:15:00.000Z', group(10), optionId)).toMatchObject({ code: 'DUPLICATE_OPTION' });
  });

  it('refuses a slot that has already started with its own reason, not "too close" nor "full"', async () => {
    // 9:00 in Paris on 10 January 2025, when the server's clock reads 10:00 there.
    const started = 'sainte-chapelle:2025-01-10T08:00:00.000Z';
    expect(await env.desk.place(started, group(10))).toMatchObject({ status: 'rejected', code: 'SLOT_STARTED' });
  });

  it('answers a full slot with alternatives that take the whole group, the same day first by closeness', async () => {
    const full = 'conciergerie:2025-04-17T12:00:00.000Z';
    expect(await env.other.place(full, group(20))).toMatchObject({ status: 'applied' });
    // A neighbour with too few seats left is no alternative for 10 people.
    expect(await env.other.place('conciergerie:2025-04-17T11:45:00.000Z', group(20))).toMatchObject({ status: 'applied' });
    const result = await env.desk.place(full, group(10));
    expect(result).toMatchObject({ status: 'rejected', code: 'SLOT_FULL' });
    expect(result.alternatives!.map((a) => a.startsAt)).toEqual([
      '2025-04-17T12:15:00.000Z', '2025-04-17T11:30:00.000Z', '2025-04-17T12:30:00.000Z', '2025-04-17T11:15:00.000Z',
      '2025-04-17T12:45:00.000Z', '2025-04-17T11:00:00.000Z', '2025-04-17T13:00:00.000Z', '2025-04-17T10:45:00.000Z',
    ]);
    expect(result.alternatives!.every((a) => a.remaining >= 10)).toBe(true);
  });

  it('turns to the following days when the day has nothing left', async () => {
    // Carcassonne sells one dated ticket a day, 50 people at most.
    const day = 'carcassonne:2025-03-20T09:00:00.000Z';
    expect(await env.other.place(day, group(45))).toMatchObject({ status: 'applied' });
    const result = await env.desk.place(day, group(10));
    expect(result.code).toBe('SLOT_FULL');
    expect(result.alternatives!.slice(0, 3).map((a) => a.startsAt)).toEqual([
      '2025-03-21T09:00:00.000Z', '2025-03-22T09:00:00.000Z', '2025-03-23T09:00:00.000Z',
    ]);
  });

  it('binds a client id to the office that first used it', async () => {
    await env.desk.place('conciergerie:2025-04-18T12:00:00.000Z', group(10));
    const stolen = await env.other.push([{ id: 1, name: 'option.cancel', args: { optionId: randomUUID() } }], env.desk.clientId);
    expect(stolen.status).toBe(403);
    const peek = await env.other.authed('POST', '/sync/pull', { clientId: env.desk.clientId, cookie: null });
    expect(peek.status).toBe(403);
  });
});
