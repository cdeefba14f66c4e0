// contact.save: the people an office sends tickets to, pulled by every workstation of that
// office and by no other office (DOMAIN.md §6).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { centralWithTwoOffices, Desk, type Patch, signIn } from './centralTestClient.node.ts';

const start = new Date('2025-01-10T09:00:00Z');
const clock = { now: start };
const env = centralWithTwoOffices(clock);

const contact = { surname: 'Bernard', firstName: 'Chloé', email: 'chloe.bernard@example.org' };
const contactOps = (patch: Patch, id: string) => patch.filter((p) => p.entity === 'contact' && p.id === id);

describe('contacts', () => {
  it('saves a contact that every workstation of the office pulls, and updates it', async () => {
    const contactId = randomUUID();
    expect(await env.desk.mutate('contact.save', { contactId, ...contact })).toEqual({ mutationId: expect.any(Number), status: 'applied' });
    const workstation = new Desk(env.desk.url, await signIn(env.desk.url, env.desk.email), env.desk.email);
    const expected = [{ op: 'put', entity: 'contact', id: contactId, value: { id: contactId, ...contact, updatedAt: start.toISOString() } }];
    expect(contactOps((await env.desk.pullAll(null)).patch, contactId)).toEqual(expected);
    const { patch, cookie } = await workstation.pullAll(null);
    expect(contactOps(patch, contactId)).toEqual(expected);

    await env.desk.mutate('contact.save', { contactId, ...contact, email: 'chloe@example.org' });
    expect((await workstation.pull(cookie)).patch).toEqual([
      { op: 'put', entity: 'contact', id: contactId, value: { id: contactId, ...contact, email: 'chloe@example.org', updatedAt: start.toISOString() } },
    ]);
  });

  it("keeps an office's contacts from other offices, and refuses them another office's save", async () => {
    const contactId = randomUUID();
    await env.desk.mutate('contact.save', { contactId, ...contact });
    expect(await env.other.mutate('contact.save', { contactId, ...contact, surname: 'Pirate' })).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    expect((await env.other.pullAll(null)).patch.filter((p) => p.entity === 'contact')).toEqual([]);
    expect(contactOps((await env.desk.pullAll(null)).patch, contactId)).toMatchObject([{ value: { surname: 'Bernard' } }]);
  });

  it('refuses a contact without an e-mail: tickets are sent to it', async () => {
    expect(await env.desk.mutate('contact.save', { contactId: randomUUID(), ...contact, email: 'nope' }))
      .toMatchObject({ status: 'rejected', code: 'INVALID_INPUT', fields: [{ path: 'email', problem: 'invalid_format' }] });
  });
});
