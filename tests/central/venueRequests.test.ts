// venueRequest.save: requests to monuments booked through their own booking department
// (DOMAIN.md §1), pulled by every workstation of the office and by no other office; a request
// only ever moves forward, whatever order the workstations' saves arrive in.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CentralContext } from '../../src-central/context.node.ts';
import { openStore } from '../../src-central/store/database.node.ts';
import { pullPage } from '../../src-central/sync/pullPage.node.ts';
import { centralWithTwoOffices, Desk, MIGRATIONS_DIR, type Patch, signIn, signUp, validatedDesk } from './centralTestClient.node.ts';

const start = new Date('2025-01-10T09:00:00Z');
const clock = { now: start };
const env = centralWithTwoOffices(clock);

const sent = {
  venueId: 'pantheon', visitDate: '2025-04-02', headCount: 42, state: 'sent', notes: 'Two coaches',
  sentAt: '2025-01-10T08:30:00.000Z', confirmedAt: null, paidAt: null, doneAt: null,
};
const confirmed = { ...sent, state: 'confirmed', notes: 'Confirmed by Mme Roux', confirmedAt: '2025-01-12T10:00:00.000Z' };
const paid = { ...confirmed, state: 'paid', notes: 'Paid by transfer', paidAt: '2025-01-15T16:00:00.000Z' };

const requestOps = (patch: Patch, id: string) => patch.filter((p) => p.entity === 'venueRequest' && p.id === id);
const put = (id: string, request: object, updatedAt = start.toISOString()) =>
  ({ op: 'put', entity: 'venueRequest', id, value: { id, dossierId: null, ...request, updatedAt } });

/** The same office on another workstation: its own client id, same requests. */
const secondWorkstation = async (of: Desk) => new Desk(of.url, await signIn(of.url, of.email), of.email);

describe('requests to monuments', () => {
  it('records a request that every workstation of the office pulls', async () => {
    const requestId = randomUUID();
    clock.now = new Date(start.getTime() + 60_000);
    try {
      expect(await env.desk.mutate('venueRequest.save', { requestId, ...sent })).toEqual({ mutationId: expect.any(Number), status: 'applied' });
    } finally {
      clock.now = start;
    }
    const workstation = await secondWorkstation(env.desk);
    const expected = [put(requestId, sent, '2025-01-10T09:01:00.000Z')];
    expect(requestOps((await env.desk.pullAll(null)).patch, requestId)).toEqual(expected);
    expect(requestOps((await workstation.pullAll(null)).patch, requestId)).toEqual(expected);
  });

  it('advances a request from another workstation: the next pull carries the new step only', async () => {
    const requestId = randomUUID();
    await env.desk.mutate('venueRequest.save', { requestId, ...sent });
    const workstation = await secondWorkstation(env.desk);
    const { cookie } = await env.desk.pullAll(null);
    expect(await workstation.mutate('venueRequest.save', { requestId, ...confirmed })).toMatchObject({ status: 'applied' });
    expect((await env.desk.pull(cookie)).patch).toEqual([put(requestId, confirmed)]);
  });

  it("keeps an office's requests from other offices, and refuses them another office's save", async () => {
    const requestId = randomUUID();
    await env.desk.mutate('venueRequest.save', { requestId, ...sent });
    const { patch, cookie } = await env.desk.pullAll(null);

    expect((await env.other.pullAll(null)).patch.filter((p) => p.entity === 'venueRequest')).toEqual([]);
    expect(await env.other.mutate('venueRequest.save', { requestId, ...confirmed })).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });

    // Nothing moved for the owner.
    expect((await env.desk.pull(cookie)).patch).toEqual([]);
    expect(requestOps((await env.desk.pullAll(null)).patch, requestId)).toEqual(requestOps(patch, requestId));
    expect((await env.other.pullAll(null)).patch.filter((p) => p.entity === 'venueRequest')).toEqual([]);
  });

  it('keeps the further step when a workstation that had not seen it saves an earlier one, and sends that step back to it', async () => {
    const requestId = randomUUID();
    const stale = await secondWorkstation(env.desk);
    await stale.mutate('venueRequest.save', { requestId, ...sent });
    const { cookie } = await stale.pullAll(null);
    await env.desk.mutate('venueRequest.save', { requestId, ...confirmed });
    await env.desk.mutate('venueRequest.save', { requestId, ...paid });

    // Offline, the stale workstation marked it confirmed with its own notes.
    const late = { ...confirmed, notes: 'Mme Roux called back', confirmedAt: '2025-01-13T09:00:00.000Z' };
    expect(await stale.mutate('venueRequest.save', { requestId, ...late })).toEqual({ mutationId: expect.any(Number), status: 'applied' });
    expect((await stale.pull(cookie)).patch).toEqual([put(requestId, paid)]);
    expect(requestOps((await env.desk.pullAll(null)).patch, requestId)).toEqual([put(requestId, paid)]);

    // The same step saved again is taken as it comes: the latest notes win.
    const noted = { ...paid, notes: 'Receipt filed' };
    expect(await stale.mutate('venueRequest.save', { requestId, ...noted })).toMatchObject({ status: 'applied' });
    expect(requestOps((await env.desk.pullAll(null)).patch, requestId)).toEqual([put(requestId, noted)]);
  });

  it('refuses a request to a venue the catalogue does not have', async () => {
    expect(await env.desk.mutate('venueRequest.save', { requestId: randomUUID(), ...sent, venueId: 'tour-eiffel' }))
      .toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
  });

  it('lets an office awaiting validation keep its requests', async () => {
    const { email } = await signUp(env.central.url, 'Voyages En Attente');
    const waiting = new Desk(env.central.url, await signIn(env.central.url, email), email);
    const requestId = randomUUID();
    expect(await waiting.mutate('venueRequest.save', { requestId, ...sent })).toMatchObject({ status: 'applied' });
    expect(requestOps((await waiting.pullAll(null)).patch, requestId)).toEqual([put(requestId, sent)]);
  });

  it('orders requests with the other entities by (version, entity, id) across pages', async () => {
    const pager = await validatedDesk(env.central, 'Voyages Pages');
    const { cookie } = await pager.pullAll(null);
    const ids = [randomUUID(), randomUUID(), randomUUID()].sort();
    for (const id of ids) await pager.mutate('venueRequest.save', { requestId: id, ...sent });
    await pager.mutate('companion.save', {
      companionId: randomUUID(), kind: 'guide', surname: 'Durand', firstName: 'Léa', email: null, phone: null, placeholder: false,
    });
    await pager.mutate('venueRequest.save', { requestId: ids[0], ...confirmed });
    const whole = (await pager.pullAll(cookie)).patch;
    expect(whole.map((p) => [p.entity, p.id])).toEqual([
      ['venueRequest', ids[1]], ['venueRequest', ids[2]], ['companion', expect.any(String)], ['venueRequest', ids[0]],
    ]);
    expect((await pager.pullAll(cookie, 1)).patch).toEqual(whole);
  });
});

// Several entities can share a version (one transaction changing them all): a page may end on
// any of them, and 'venue' sorts before 'venueRequest' as JavaScript compares strings.
describe('a pull page ending among entities of one version', () => {
  it('resumes after a venue, then after each request, skipping and repeating nothing', async () => {
    const store = await openStore({ migrationsDir: MIGRATIONS_DIR });
    try {
      const officeId = randomUUID();
      await store.db.execute(sql`INSERT INTO offices VALUES (${officeId}, 'Voyages', 'Agent', 'a@example.org', 'x', 'awaiting_validation', now())`);
      await store.db.execute(sql`INSERT INTO venues VALUES ('pantheon', 5, '{}', 7), ('sainte-chapelle', 1, '{}', 7)`);
      const ids = [randomUUID(), randomUUID()].sort();
      for (const id of ids) {
        await store.db.execute(sql`INSERT INTO venue_requests VALUES (${id}, ${officeId}, 'pantheon', '2025-04-02', 30, 'sent', '',
          '2025-01-10T09:00:00Z', NULL, NULL, NULL, '2025-01-10T09:00:00Z', 7)`);
      }
      await store.db.execute(sql`INSERT INTO companions VALUES (${randomUUID()}, ${officeId}, 'guide', 'DURAND', 'Léa', NULL, NULL, false, now(), false, 7)`);
      const ctx = { db: store.db, now: () => new Date('2025-01-10T09:00:00Z') } as CentralContext;
      const seen: string[] = [];
      let cookie: string | null = null;
      for (let more = true; more;) {
        const page = await pullPage(ctx, officeId, { clientId: randomUUID(), cookie, resultsAfter: 0, limit: 1 });
        seen.push(...page.patch.map((p) => `${p.entity} ${p.id}`));
        ({ cookie, hasMore: more } = page);
      }
      expect(seen).toEqual([
        expect.stringMatching(/^companion /), 'venue pantheon', 'venue sainte-chapelle', `venueRequest ${ids[0]}`, `venueRequest ${ids[1]}`,
      ]);
    } finally {
      await store.close();
    }
  });
});
