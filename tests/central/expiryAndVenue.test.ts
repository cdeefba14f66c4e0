// Server-side changes reach desktops through pull: expiry by the server clock, and a
// venue closing or cancelling a slot from the back office.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { admin, Desk, group, validatedDesk } from './centralTestClient.node.ts';

const start = new Date('2025-01-10T09:00:00Z');
const clock = { now: start };
let central: RunningCentral;
let desk: Desk;

beforeAll(async () => {
  central = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0 });
  desk = await validatedDesk(central);
});
afterAll(() => central.close());

function put(patch: Awaited<ReturnType<Desk['pull']>>['patch'], entity: 'slot' | 'option', id: string) {
  const op = patch.find((p) => p.op === 'put' && p.entity === entity && p.id === id);
  return op?.op === 'put' ? (op.value as { remaining?: number; state?: string; status?: string }) : undefined;
}

describe('expiry', () => {
  it('expires an option once the server clock passes its expiry, freeing its seats', async () => {
    const slot = 'sainte-chapelle:2025-04-01T08:00:00.000Z';
    const placed = await desk.place(slot, group(12));
    const optionId = placed.option!.id;
    const { cookie } = await desk.pullAll(null);

    clock.now = new Date(Date.parse(placed.option!.expiresAt) - 1_000);
    expect(await central.sweepExpired()).toBe(0);
    clock.now = new Date(placed.option!.expiresAt);
    expect((await admin(central, '/admin/sweep', {})).body).toEqual({ expired: 1, unpaidCancelled: 0 });

    try {
      await desk.signInAgain();
      const delta = await desk.pull(cookie);
      expect(put(delta.patch, 'option', optionId)?.state).toBe('expired');
      expect(put(delta.patch, 'slot', slot)?.remaining).toBe(26);
      expect(await desk.cancel(optionId)).toMatchObject({ code: 'NOT_ACTIVE' });
    } finally {
      clock.now = start;
      await desk.signInAgain();
    }
  });
});

describe('the venue from the back office', () => {
  it('cancels a slot: its options become cancelled_by_venue and no one can place there', async () => {
    const slot = 'sainte-chapelle:2025-04-02T08:00:00.000Z';
    const placed = await desk.place(slot, group(12));
    const { cookie } = await desk.pullAll(null);

    const answer = await admin(central, `/admin/slots/${encodeURIComponent(slot)}/cancel`, {});
    expect(answer.status).toBe(200);
    const delta = await desk.pull(cookie);
    expect(put(delta.patch, 'option', placed.option!.id)?.state).toBe('cancelled_by_venue');
    expect(put(delta.patch, 'slot', slot)).toMatchObject({ status: 'cancelled', remaining: 26 });
    expect(await desk.place(slot, group(10))).toMatchObject({ code: 'SLOT_UNAVAILABLE', alternatives: expect.any(Array) });
  });

  it('closes a slot to groups and opens it again', async () => {
    const slot = 'sainte-chapelle:2025-04-03T08:00:00.000Z';
    const closed = await admin(central, `/admin/slots/${encodeURIComponent(slot)}/availability`, { available: false });
    expect(closed.body.slot).toMatchObject({ status: 'unavailable' });
    expect(await desk.place(slot, group(10))).toMatchObject({ code: 'SLOT_UNAVAILABLE' });
    await admin(central, `/admin/slots/${encodeURIComponent(slot)}/availability`, { available: true });
    expect(await desk.place(slot, group(10))).toMatchObject({ status: 'applied' });
    expect((await admin(central, '/admin/slots/nope/availability', { available: true })).status).toBe(404);
  });
});
