import { afterAll, describe, expect, it } from 'vitest';
import { tempCore } from '../support/tempCore.node.ts';

const core = await tempCore(new Date('2025-01-10T09:00:00Z'));
afterAll(() => core.close());

describe('requests to monuments without online slots', () => {
  it('go sent → confirmed → paid → done, each step dated, and stop there', async () => {
    const created = await core.dispatch('requests.create', { venueId: 'pantheon', visitDate: '2025-04-02', headCount: 42, notes: 'Two coaches' });
    expect(created).toMatchObject({ ok: true, value: { state: 'sent', headCount: 42, notes: 'Two coaches', sentAt: '2025-01-10T09:00:00.000Z' } });
    const id = (created as { value: { id: string } }).value.id;
    for (const state of ['confirmed', 'paid', 'done']) {
      expect(await core.dispatch('requests.advance', { id })).toMatchObject({ ok: true, value: { state } });
    }
    const [done] = (await core.dispatch('requests.list', { venueId: 'pantheon' }) as { value: Record<string, unknown>[] }).value;
    expect(done).toMatchObject({ confirmedAt: '2025-01-10T09:00:00.000Z', paidAt: '2025-01-10T09:00:00.000Z', doneAt: '2025-01-10T09:00:00.000Z' });
    expect(await core.dispatch('requests.advance', { id })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'REQUEST_DONE' } } });
  });

  it('are refused for a monument booked online, and for a date that is not a date', async () => {
    expect(await core.dispatch('requests.create', { venueId: 'sainte-chapelle', visitDate: '2025-04-02', headCount: 20 }))
      .toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'BOOKED_ONLINE' } } });
    expect(await core.dispatch('requests.create', { venueId: 'pantheon', visitDate: '2025-04-31', headCount: 20 }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ path: 'visitDate', problem: 'not_a_date' }] } } });
  });
});
