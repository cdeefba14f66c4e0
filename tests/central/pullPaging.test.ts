// Pull pages walk (version, entity, id): any page size reaches the same state, a cookie
// resumes where it stopped, and each office sees only what is its to see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatchOp } from '../../src-main/contract/centralApi.std.ts';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { admin, Desk, group, signIn, signUp, validatedDesk } from './centralTestClient.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
let central: RunningCentral;

beforeAll(async () => {
  // The demo's whole year: what a desktop's first pull carries, in pages.
  central = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0, seedMonths: 12 });
});
afterAll(() => central.close());

/** The state a desktop ends with: the last value put for each entity. */
function stateOf(patch: PatchOp[]): Map<string, unknown> {
  const state = new Map<string, unknown>();
  for (const op of patch) if (op.op === 'put') state.set(`${op.entity}/${op.id}`, op.value);
  return state;
}

describe('pull', () => {
  it('reaches the same catalogue in pages as in one page, each row once', async () => {
    const desk = await validatedDesk(central);
    await desk.place('arc-de-triomphe:2025-03-20T13:00:00.000Z', group(12));
    const whole = await desk.pullAll(null, 20_000);
    const paged = await desk.pullAll(null, 7_777);
    const counts = (patch: PatchOp[]) => Object.fromEntries(['venue', 'product', 'slot', 'closedDay', 'option'].map((e) => [e, patch.filter((p) => p.entity === e).length]));
    expect(counts(whole.patch)).toMatchObject({ venue: 13, product: 15, option: 1 });
    expect(counts(whole.patch).slot).toBeGreaterThan(50_000);
    expect(paged.patch.length).toBe(whole.patch.length);
    expect(stateOf(paged.patch)).toEqual(stateOf(whole.patch));
    // Online venues first.
    const venues = whole.patch.flatMap((p) => (p.op === 'put' && p.entity === 'venue' ? [p.value] : [])).sort((a, b) => a.sortOrder - b.sortOrder);
    expect(venues.slice(0, 4).every((v) => v.online)).toBe(true);
  });

  it('resumes from a cookie: nothing new, then only what changed', async () => {
    const desk = await validatedDesk(central);
    const { cookie } = await desk.pullAll(null);
    const quiet = await desk.pull(cookie);
    expect(quiet.patch).toEqual([]);
    expect(quiet.hasMore).toBe(false);

    const slot = 'arc-de-triomphe:2025-03-21T13:00:00.000Z';
    const other = await validatedDesk(central);
    await other.place(slot, group(9));
    const delta = await desk.pull(quiet.cookie);
    expect(delta.patch).toEqual([expect.objectContaining({ entity: 'slot', id: slot, value: expect.objectContaining({ remaining: 35 - 9 }) })]);
  });

  it('stops a page mid-catalogue and carries on from there', async () => {
    const desk = await validatedDesk(central);
    const first = await desk.pull(null, { limit: 100 });
    expect(first.patch).toHaveLength(100);
    expect(first.hasMore).toBe(true);
    const second = await desk.pull(first.cookie, { limit: 100 });
    const firstIds = new Set(first.patch.map((p) => `${p.entity}/${p.id}`));
    expect(second.patch.some((p) => firstIds.has(`${p.entity}/${p.id}`))).toBe(false);
  });

  it('shows an office awaiting validation only venues and the voucher museums, and the whole catalogue once validated', async () => {
    const { email, officeId } = await signUp(central.url);
    const desk = new Desk(central.url, await signIn(central.url, email), email);
    const before = await desk.pullAll(null);
    // The museums selling vouchers too: it sees what it will be able to buy (issue 12 §1).
    expect(new Set(before.patch.map((p) => p.entity))).toEqual(new Set(['venue', 'voucherMuseum']));

    await admin(central, `/admin/offices/${officeId}/validate`, {});
    // Its cookie only covered venues: the next pull starts the catalogue from the beginning.
    const after = await desk.pullAll(before.cookie);
    expect(after.patch.filter((p) => p.entity === 'slot').length).toBeGreaterThan(50_000);
  });

  it('refuses a cookie it did not issue', async () => {
    const desk = await validatedDesk(central);
    const answer = await desk.authed('POST', '/sync/pull', { clientId: desk.clientId, cookie: 'not-a-cookie' });
    expect([answer.status, answer.body.error.code]).toEqual([400, 'INVALID_INPUT']);
  });
});
