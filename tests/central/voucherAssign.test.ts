// Voucher assignment (issue 12 §4) through a real SMTP server on loopback: each recipient gets
// their code by e-mail, and the assignment is recorded — and pulled — only once the mail server
// took that message, per recipient; a retry of the same request sends nothing twice.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignVouchersResponseSchema, type WireVoucher } from '../../src-main/contract/centralApi.std.ts';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { deadPort, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.node.ts';
import { admin, call, Desk, signIn, validatedDesk } from './centralTestClient.node.ts';
import { checkoutRequest, pay, putsOf } from './orderTestKit.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
let inbox: SmtpInbox;
let central: RunningCentral;
let desk: Desk;
let colleague: Desk;
let other: Desk;

beforeAll(async () => {
  inbox = await startSmtpInbox(0, (address) => address.startsWith('nobody@'));
  central = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0, mail: { smtpUrl: inbox.url, from: '"Guichet" <billetterie@guichet.example>' } });
  desk = await validatedDesk(central, 'Voyages Lumière');
  // A second workstation of the same office.
  colleague = new Desk(central.url, await signIn(central.url, desk.email), desk.email);
  other = await validatedDesk(central, 'Voyages Autres');
});
afterAll(async () => {
  await central.close();
  await inbox.close();
});

async function bought(of: Desk, quantity: number, tariffId = 'mad-contremarques:plein'): Promise<WireVoucher[]> {
  return (await pay(of, checkoutRequest([{ kind: 'voucher', itemId: randomUUID(), tariffId, quantity }]))).vouchers;
}

const assign = (of: Desk, body: unknown) => of.authed('POST', '/vouchers/assign', body);
const address = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.org`;

async function assigned(of: Desk, body: { requestId: string; language?: 'fr' | 'en'; assignments: unknown[] }) {
  const answer = await assign(of, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return AssignVouchersResponseSchema.parse(answer.body);
}

describe('assigning vouchers by e-mail', () => {
  it('e-mails each recipient their code in their language, records the assignment, and every workstation of the office pulls it', async () => {
    const [a, b] = await bought(desk, 2);
    const { cookie } = await colleague.pullAll(null);
    const otherCookie = (await other.pullAll(null)).cookie;
    const lea = address('lea');
    const tom = address('tom');

    const { results } = await assigned(desk, { requestId: randomUUID(), language: 'fr', assignments: [
      { voucherId: a!.id, email: lea, name: 'Léa Durand' }, { voucherId: b!.id, email: tom },
    ] });

    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const [mail, ...more] = inbox.mailTo(lea);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Votre contremarque — Musée des Arts Décoratifs – Contremarques');
    expect(mail!.text).toContain('Bonjour Léa Durand,');
    expect(mail!.text).toContain(`Votre code : ${a!.code}`);
    expect(mail!.text).toContain('Voyages Lumière');
    expect(mail!.text).toContain('Contremarque plein tarif');
    expect(mail!.text).toMatch(/Valable jusqu’au \d+ \S+ \d{4} inclus/);
    expect(mail!.html).toContain(a!.code);
    expect(inbox.mailTo(tom)[0]!.text).toContain(b!.code);

    const pulled = putsOf((await colleague.pullAll(cookie)).patch, 'voucher');
    expect(pulled.find((v) => v.id === a!.id)!.assignedTo).toEqual({ email: lea, name: 'Léa Durand', at: clock.now.toISOString() });
    expect(pulled.find((v) => v.id === b!.id)!.assignedTo).toEqual({ email: tom, name: null, at: clock.now.toISOString() });
    expect(putsOf((await other.pullAll(otherCookie)).patch, 'voucher')).toEqual([]);
  });

  it('writes in English when asked, and in the office’s language otherwise', async () => {
    const [a, b] = await bought(desk, 2);
    const ann = address('ann');
    const sam = address('sam');
    await assigned(desk, { requestId: randomUUID(), language: 'en', assignments: [{ voucherId: a!.id, email: ann, name: 'Ann' }] });
    await assigned(desk, { requestId: randomUUID(), assignments: [{ voucherId: b!.id, email: sam }] });
    expect(inbox.mailTo(ann)[0]!.subject).toBe('Your voucher — Musée des Arts Décoratifs – Contremarques');
    expect(inbox.mailTo(ann)[0]!.text).toContain(`Your code: ${a!.code}`);
    expect(inbox.mailTo(sam)[0]!.subject).toMatch(/^Votre contremarque/);
  });

  it('with 3 good addresses and one the mail server refuses, assigns the 3 and refuses the fourth with the reason', async () => {
    const codes = await bought(desk, 4);
    const { cookie } = await desk.pullAll(null);
    const to = [address('a'), address('b'), `nobody@${randomUUID().slice(0, 8)}.example.org`, address('c')];

    const { results } = await assigned(desk, { requestId: randomUUID(), assignments: codes.map((v, i) => ({ voucherId: v.id, email: to[i] })) });

    expect(results.map((r) => (r.ok ? 'assigned' : r.reason))).toEqual(['assigned', 'assigned', 'MAIL_FAILED', 'assigned']);
    expect(results[2]).toMatchObject({ ok: false, voucherId: codes[2]!.id, email: to[2] });
    expect((results[2] as { message: string }).message).toContain('mailbox unavailable');
    const pulled = putsOf((await desk.pullAll(cookie)).patch, 'voucher');
    expect(pulled.map((v) => v.id).sort()).toEqual([codes[0]!.id, codes[1]!.id, codes[3]!.id].sort());
  });

  it('sends once when the same request comes again (its answer lost): the same results, no second mail', async () => {
    const [a] = await bought(desk, 1);
    const zoe = address('zoe');
    const request = { requestId: randomUUID(), assignments: [{ voucherId: a!.id, email: zoe }] };
    const first = await assigned(desk, request);
    const again = await assigned(desk, request);
    expect(again).toEqual(first);
    expect(inbox.mailTo(zoe)).toHaveLength(1);
    // Another office cannot read or reuse the id.
    expect((await assign(other, request)).status).toBe(422);
  });

  it('resends to the same person, and reassigns a code not yet used: the new recipient is told the same code', async () => {
    const [a] = await bought(desk, 1);
    const first = address('first');
    const second = address('second');
    await assigned(desk, { requestId: randomUUID(), assignments: [{ voucherId: a!.id, email: first }] });
    await assigned(desk, { requestId: randomUUID(), assignments: [{ voucherId: a!.id, email: first }] });
    expect(inbox.mailTo(first)).toHaveLength(2);

    clock.now = new Date(clock.now.getTime() + 60_000);
    const { results } = await assigned(desk, { requestId: randomUUID(), assignments: [{ voucherId: a!.id, email: second, name: 'Paul' }] });
    expect(results[0]).toMatchObject({ ok: true, voucher: { code: a!.code, assignedTo: { email: second, name: 'Paul', at: clock.now.toISOString() } } });
    expect(inbox.mailTo(second)[0]!.text).toContain(a!.code);
  });

  it('refuses a used, a revoked or an unknown code on its own line, sending nothing for them', async () => {
    const [used, revoked, good] = await bought(desk, 3);
    const redeemed = await call(central.url, 'POST', '/vouchers/redeem', { code: used!.code }, { 'x-till-token': central.tillToken('mad-contremarques') });
    expect(redeemed.status).toBe(200);
    expect((await admin(central, `/admin/vouchers/${revoked!.id}/revoke`, {})).status).toBe(200);
    const [foreign] = await bought(other, 1);
    const to = [address('u'), address('r'), address('f'), address('g')];

    const { results } = await assigned(desk, { requestId: randomUUID(), assignments: [
      { voucherId: used!.id, email: to[0] }, { voucherId: revoked!.id, email: to[1] }, { voucherId: foreign!.id, email: to[2] }, { voucherId: good!.id, email: to[3] },
    ] });

    expect(results.map((r) => (r.ok ? 'assigned' : r.reason))).toEqual(['VOUCHER_USED', 'VOUCHER_REVOKED', 'VOUCHER_UNKNOWN', 'assigned']);
    expect(to.slice(0, 3).flatMap((t) => inbox.mailTo(t))).toEqual([]);
  });

  it('refuses a request naming one voucher twice, or a bad address, before anything is sent', async () => {
    const [a] = await bought(desk, 1);
    const twice = await assign(desk, { requestId: randomUUID(), assignments: [{ voucherId: a!.id, email: address('x') }, { voucherId: a!.id, email: address('y') }] });
    expect([twice.status, twice.body]).toMatchObject([400, { error: { code: 'INVALID_INPUT' } }]);
    const bad = await assign(desk, { requestId: randomUUID(), assignments: [{ voucherId: a!.id, email: 'not an address' }] });
    expect([bad.status, bad.body]).toMatchObject([400, { error: { code: 'INVALID_INPUT' } }]);
    expect(inbox.received.filter((r) => r.mail.text?.includes(a!.code))).toEqual([]);
  });
});

describe('a mail server down', () => {
  it('assigns nothing, and says for each recipient that the mail could not go', async () => {
    const down = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0, mail: { smtpUrl: `smtp://127.0.0.1:${await deadPort()}`, from: 'x@guichet.example' } });
    try {
      const office = await validatedDesk(down, 'Voyages Panne');
      const codes = await bought(office, 2);
      const { cookie } = await office.pullAll(null);
      const { results } = await assigned(office, { requestId: randomUUID(), assignments: codes.map((v) => ({ voucherId: v.id, email: address('d') })) });
      expect(results.map((r) => !r.ok && r.reason)).toEqual(['MAIL_FAILED', 'MAIL_FAILED']);
      expect(putsOf((await office.pullAll(cookie)).patch, 'voucher')).toEqual([]);
    } finally {
      await down.close();
    }
  });
});
