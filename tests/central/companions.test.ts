// companion.save / companion.delete: an office's registry of guides and accompanying leaders,
// pulled by every workstation of that office and by no other office (DOMAIN.md §4).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { centralWithTwoOffices, Desk, group, type Patch, signIn, signUp, validatedDesk } from './centralTestClient.node.ts';

const start = new Date('2025-01-10T09:00:00Z');
const clock = { now: start };
const env = centralWithTwoOffices(clock);

const guide = { kind: 'guide', surname: 'Durand', firstName: 'Léa', email: 'lea.durand@example.org', phone: '+33 6 12 34 56 78', placeholder: false };

const companionOps = (patch: Patch, id: string) => patch.filter((p) => p.entity === 'companion' && p.id === id);

/** The same office on another workstation: its own client id, same registry. */
const secondWorkstation = async (of: Desk) => new Desk(of.url, await signIn(of.url, of.email), of.email);

describe('companions', () => {
  it('saves a companion that every workstation of the office pulls', async () => {
    const companionId = randomUUID();
    clock.now = new Date(start.getTime() + 60_000);
    try {
      expect(await env.desk.mutate('companion.save', { companionId, ...guide })).toEqual({ mutationId: expect.any(Number), status: 'applied' });
    } finally {
      clock.now = start;
    }
    const workstation = await secondWorkstation(env.desk);
    const expected = [{ op: 'put', entity: 'companion', id: companionId, value: { id: companionId, ...guide, updatedAt: '2025-01-10T09:01:00.000Z' } }];
    expect(companionOps((await env.desk.pullAll(null)).patch, companionId)).toEqual(expected);
    expect(companionOps((await workstation.pullAll(null)).patch, companionId)).toEqual(expected);
  });

  it('updates a companion: the next pull carries the new values only', async () => {
    const companionId = randomUUID();
    await env.desk.mutate('companion.save', { companionId, ...guide });
    const { cookie } = await env.desk.pullAll(null);
    const changed = { ...guide, kind: 'leader', surname: 'Martin', email: null, phone: null, placeholder: true };
    expect(await env.desk.mutate('companion.save', { companionId, ...changed })).toMatchObject({ status: 'applied' });
    const delta = await env.desk.pull(cookie);
    expect(delta.patch).toEqual([{ op: 'put', entity: 'companion', id: companionId, value: { id: companionId, ...changed, updatedAt: start.toISOString() } }]);
  });

  it("keeps an office's companions from env.other offices, and refuses them another office's save or delete", async () => {
    const companionId = randomUUID();
    await env.desk.mutate('companion.save', { companionId, ...guide });
    const { patch, cookie } = await env.desk.pullAll(null);

    expect((await env.other.pullAll(null)).patch.filter((p) => p.entity === 'companion')).toEqual([]);
    expect(await env.other.mutate('companion.save', { companionId, ...guide, surname: 'Pirate' })).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    expect(await env.other.mutate('companion.delete', { companionId })).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    expect(await env.other.mutate('companion.delete', { companionId: randomUUID() })).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });

    // Nothing moved for the owner.
    expect((await env.desk.pull(cookie)).patch).toEqual([]);
    expect(companionOps((await env.desk.pullAll(null)).patch, companionId)).toEqual(companionOps(patch, companionId));
    expect((await env.other.pullAll(null)).patch.filter((p) => p.entity === 'companion')).toEqual([]);
  });

  it('deletes a companion: pull tells every workstation to drop it', async () => {
    const companionId = randomUUID();
    await env.desk.mutate('companion.save', { companionId, ...guide });
    const workstation = await secondWorkstation(env.desk);
    const { cookie } = await workstation.pullAll(null);

    expect(await env.desk.mutate('companion.delete', { companionId })).toEqual({ mutationId: expect.any(Number), status: 'applied' });
    expect((await workstation.pull(cookie)).patch).toEqual([{ op: 'del', entity: 'companion', id: companionId }]);
    expect(companionOps((await env.desk.pullAll(null)).patch, companionId)).toEqual([{ op: 'del', entity: 'companion', id: companionId }]);
    // Deleted twice (two workstations offline): done, and nothing new to pull.
    const after = (await workstation.pullAll(null)).cookie;
    expect(await workstation.mutate('companion.delete', { companionId })).toMatchObject({ status: 'applied' });
    expect((await workstation.pull(after)).patch).toEqual([]);
  });

  it('lets an office awaiting validation keep its registry', async () => {
    const { email } = await signUp(env.central.url, 'Voyages En Attente');
    const waiting = new Desk(env.central.url, await signIn(env.central.url, email), email);
    const companionId = randomUUID();
    expect(await waiting.mutate('companion.save', { companionId, ...guide })).toMatchObject({ status: 'applied' });
    expect(companionOps((await waiting.pullAll(null)).patch, companionId)).toHaveLength(1);
    expect(await waiting.mutate('companion.delete', { companionId })).toMatchObject({ status: 'applied' });
    expect(companionOps((await waiting.pullAll(null)).patch, companionId)).toEqual([{ op: 'del', entity: 'companion', id: companionId }]);
  });

  it('orders companions with the env.other entities by (version, entity, id) across pages', async () => {
    const pager = await validatedDesk(env.central, 'Voyages Pages');
    const { cookie } = await pager.pullAll(null);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await pager.mutate('companion.save', { companionId: ids[0], ...guide });
    expect(await pager.place('conciergerie:2025-04-22T13:00:00.000Z', group(10))).toMatchObject({ status: 'applied' });
    await pager.mutate('companion.save', { companionId: ids[1], ...guide });
    await pager.mutate('companion.save', { companionId: ids[2], ...guide });
    await pager.mutate('companion.delete', { companionId: ids[0] });
    const whole = (await pager.pullAll(cookie)).patch;
    expect(whole.map((p) => [p.op, p.entity])).toEqual([
      ['put', 'option'], ['put', 'slot'], ['put', 'companion'], ['put', 'companion'], ['del', 'companion'],
    ]);
    expect(whole.filter((p) => p.entity === 'companion').map((p) => p.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect((await pager.pullAll(cookie, 1)).patch).toEqual(whole);
  });

  it('applies a save pushed twice once, replaying its stored result', async () => {
    const pusher = await validatedDesk(env.central, 'Voyages Retry');
    const companionId = randomUUID();
    const save = { id: 1, name: 'companion.save', args: { companionId, ...guide } };
    const first = await pusher.push([save]);
    expect(first.body).toEqual({ lastMutationId: 1, results: [{ mutationId: 1, status: 'applied' }] });
    const { cookie } = await pusher.pullAll(null);

    const again = await pusher.push([save]);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Not applied a second time: no new version to pull.
    expect((await pusher.pull(cookie)).patch).toEqual([]);
    const reused = await pusher.push([{ ...save, args: { ...save.args, surname: 'Autre' } }]);
    expect([reused.status, reused.body.error.code]).toEqual([409, 'MUTATION_ID_REUSED']);
  });
});
