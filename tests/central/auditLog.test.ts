// Issue 11 §9, an audit log an administrator can read: who signed in (or tried), who paid what,
// and every change made from the back office — with how it ended and from where, never a
// password or a card number.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { admin, call, centralWithTwoOffices, group, PASSWORD } from './centralTestClient.node.ts';
import { byCard, checkout, checkoutRequest, pay } from './orderTestKit.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
const env = centralWithTwoOffices(clock);

type AuditEntry = { id: number; at: string; actor: string | null; action: string; subject: string | null; outcome: number; code: string | null; address: string; detail: unknown };

async function audit(query = ''): Promise<AuditEntry[]> {
  const answer = await admin(env.central, `/admin/audit${query}`);
  expect(answer.status).toBe(200);
  return answer.body.entries;
}

describe('the audit log', () => {
  it('records sign-ins tried and made, by e-mail and address, never the password', async () => {
    const wrong = await call(env.central.url, 'POST', '/auth/signin', { email: env.desk.email.toUpperCase(), password: 'Not!Thepassword1' });
    expect(wrong.status).toBe(401);
    expect((await call(env.central.url, 'POST', '/auth/signin', { email: env.desk.email, password: PASSWORD })).status).toBe(200);
    const [made, tried] = await audit(`?action=sign-in&actor=${encodeURIComponent(env.desk.email)}`);
    expect(tried).toMatchObject({ actor: env.desk.email, action: 'sign-in', outcome: 401, code: 'BAD_CREDENTIALS', address: '127.0.0.1' });
    expect(made).toMatchObject({ actor: env.desk.email, action: 'sign-in', outcome: 200, code: null });
    expect(JSON.stringify(await audit())).not.toMatch(/Not!Thepassword1|Secret!2025x/);
  });

  it('records checkouts paid and refused, with the office that made them, never the card', async () => {
    const slotId = 'chateau-de-vincennes:2025-02-04T10:00:00.000Z';
    const item = () => ({ kind: 'direct' as const, itemId: randomUUID(), slotId, composition: group(10), designations: [] });
    const paid = await pay(env.desk, checkoutRequest([item()]));
    const declined = checkoutRequest([item()], byCard(TEST_CARDS.declined));
    expect((await checkout(env.desk, declined)).status).toBe(402);
    const [refused, made] = await audit('?action=checkout');
    expect(made).toMatchObject({ actor: env.desk.officeId, subject: paid.order.id, outcome: 200, detail: { method: 'card' } });
    expect(refused).toMatchObject({ actor: env.desk.officeId, subject: declined.orderId, outcome: 402, code: 'PAYMENT_DECLINED' });
    expect(JSON.stringify(await audit())).not.toContain(TEST_CARDS.declined.replace(/ /g, '').slice(4));
  });

  it('records what the back office did, and refuses to be read without its token', async () => {
    const slotId = 'conciergerie:2025-04-15T08:30:00.000Z';
    await admin(env.central, `/admin/slots/${encodeURIComponent(slotId)}/availability`, { available: false });
    await admin(env.central, `/admin/slots/${encodeURIComponent(slotId)}/availability`, { available: true });
    expect((await call(env.central.url, 'POST', '/admin/sweep', {}, { 'x-admin-token': 'guessed' })).status).toBe(401);
    const [guess, reopened, closed] = await audit();
    expect(closed).toMatchObject({ actor: 'back office', action: 'POST /admin/slots/:id/availability', subject: slotId, outcome: 200, detail: { available: false } });
    expect(reopened).toMatchObject({ subject: slotId, detail: { available: true } });
    expect(guess).toMatchObject({ action: 'POST /admin/sweep', outcome: 401, code: 'UNAUTHORIZED' });
    // Older entries page in, newest first.
    const page = await audit(`?limit=2&before=${closed!.id}`);
    expect(page.map((e) => e.id)).toEqual([closed!.id - 1, closed!.id - 2]);
    expect((await call(env.central.url, 'GET', '/admin/audit')).status).toBe(401);
  });
});
