// dossier.save and option.moveToDossier: an office's client groups, pulled by every workstation
// of that office and by no other office, with the options that belong to each.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { centralWithTwoOffices, Desk, group, type Patch, signIn } from './centralTestClient.node.ts';

const start = new Date('2025-01-10T09:00:00Z');
const clock = { now: start };
const env = centralWithTwoOffices(clock, { seedMonths: 3 });
const SLOT = 'arc-de-triomphe:2025-03-20T13:00:00.000Z';

const voltaire = {
  name: 'Lycée Voltaire — Paris', clientReference: 'LV-2025-03', contactName: 'Mme Durand', contactEmail: 'durand@lycee-voltaire.example',
  contactPhone: '+33 1 44 55 66 77', expectedPeople: 52, travelFrom: '2025-03-19', travelTo: '2025-03-21', notes: 'Deux classes de seconde.',
};
const ops = (patch: Patch, entity: string, id: string) => patch.filter((p) => p.entity === entity && p.id === id);
const optionIn = (patch: Patch, id: string) => ops(patch, 'option', id).map((p) => (p.op === 'put' ? p.value : null))[0] as { dossierId: string | null } | undefined;

describe('dossiers', () => {
  it('saves a dossier that every workstation of the office pulls, and updates it', async () => {
    const dossierId = randomUUID();
    expect(await env.desk.mutate('dossier.save', { dossierId, ...voltaire })).toEqual({ mutationId: expect.any(Number), status: 'applied' });
    const workstation = new Desk(env.desk.url, await signIn(env.desk.url, env.desk.email), env.desk.email);
    const { patch, cookie } = await workstation.pullAll(null);
    expect(ops(patch, 'dossier', dossierId)).toEqual([
      { op: 'put', entity: 'dossier', id: dossierId, value: { id: dossierId, ...voltaire, updatedAt: start.toISOString() } },
    ]);
    await env.desk.mutate('dossier.save', { dossierId, ...voltaire, expectedPeople: 55, notes: null });
    expect((await workstation.pull(cookie)).patch).toEqual([
      { op: 'put', entity: 'dossier', id: dossierId, value: { id: dossierId, ...voltaire, expectedPeople: 55, notes: null, updatedAt: start.toISOString() } },
    ]);
  });

  it("keeps an office's dossiers from other offices, and refuses them another office's save", async () => {
    const dossierId = randomUUID();
    await env.desk.mutate('dossier.save', { dossierId, ...voltaire });
    expect(await env.other.mutate('dossier.save', { dossierId, ...voltaire, name: 'Pirate' })).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    expect((await env.other.pullAll(null)).patch.filter((p) => p.entity === 'dossier')).toEqual([]);
    expect(ops((await env.desk.pullAll(null)).patch, 'dossier', dossierId)).toMatchObject([{ value: { name: voltaire.name } }]);
  });

  it('refuses a trip that ends before it starts, and a bad e-mail, naming the field', async () => {
    expect(await env.desk.mutate('dossier.save', { dossierId: randomUUID(), ...voltaire, travelTo: '2025-03-18' }))
      .toMatchObject({ status: 'rejected', code: 'INVALID_INPUT', fields: [{ path: 'travelTo', problem: 'before_start' }] });
    expect(await env.desk.mutate('dossier.save', { dossierId: randomUUID(), ...voltaire, contactEmail: 'durand' }))
      .toMatchObject({ status: 'rejected', code: 'INVALID_INPUT', fields: [{ path: 'contactEmail', problem: 'invalid_format' }] });
  });

  it('places an option in a dossier, and moves a split group to another one with all its sub-groups', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    await env.desk.mutate('dossier.save', { dossierId: first, ...voltaire });
    await env.desk.mutate('dossier.save', { dossierId: second, ...voltaire, name: 'Japan Tours 4471' });
    const groupBookingId = randomUUID();
    const [a, b, alone] = [randomUUID(), randomUUID(), randomUUID()];
    await env.desk.mutate('option.place', { optionId: a, slotId: SLOT, composition: group(20), groupBookingId, dossierId: first });
    await env.desk.mutate('option.place', { optionId: b, slotId: 'arc-de-triomphe:2025-03-20T13:30:00.000Z', composition: group(20), groupBookingId, dossierId: first });
    await env.desk.mutate('option.place', { optionId: alone, slotId: SLOT, composition: group(8), dossierId: first });
    const { patch, cookie } = await env.desk.pullAll(null);
    expect([a, b, alone].map((id) => optionIn(patch, id)?.dossierId)).toEqual([first, first, first]);

    expect(await env.desk.mutate('option.moveToDossier', { optionId: b, dossierId: second })).toMatchObject({ status: 'applied' });
    const moved = (await env.desk.pull(cookie)).patch;
    expect(moved.map((p) => p.id).sort()).toEqual([a, b].sort());
    expect([a, b].map((id) => optionIn(moved, id)?.dossierId)).toEqual([second, second]);

    expect(await env.desk.mutate('option.moveToDossier', { optionId: alone, dossierId: null })).toMatchObject({ status: 'applied' });
    expect(optionIn((await env.desk.pullAll(null)).patch, alone)?.dossierId).toBeNull();
  });

  it("never links an option to another office's dossier, nor moves another office's option", async () => {
    const theirs = randomUUID();
    await env.other.mutate('dossier.save', { dossierId: theirs, ...voltaire });
    const optionId = randomUUID();
    expect(await env.desk.mutate('option.place', { optionId, slotId: 'arc-de-triomphe:2025-03-21T13:00:00.000Z', composition: group(8), dossierId: theirs }))
      .toMatchObject({ status: 'applied' });
    expect(optionIn((await env.desk.pullAll(null)).patch, optionId)?.dossierId).toBeNull();
    expect(await env.desk.mutate('option.moveToDossier', { optionId, dossierId: theirs })).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    expect(await env.other.mutate('option.moveToDossier', { optionId, dossierId: theirs })).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
  });
});
