// A checkout of held options by card is written in one statement, no transaction, from what
// it read before the card was authorized (checkoutWithoutTransaction.node.ts). Whatever
// changes in between — a second checkout, a cancel, a resize, a companion deleted or renamed
// — must end as the locked transaction would have ended it. A gate holds the checkout between
// its read and its write while the change is made, so the collision happens on every run.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RacePoints } from '../../src-central/context.node.ts';
import { barrier, gate } from '../support/interleaving.node.ts';
import { admin, call, centralWithTwoOffices, group, signIn, slotIn, type Desk } from './centralTestClient.node.ts';
import { acquirer, applyToAll, checkout, checkoutRequest, companion } from './orderTestKit.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
const payments = acquirer(() => clock.now);
const racePoints: RacePoints = {};
const env = centralWithTwoOffices(clock, { paymentProvider: payments.provider, racePoints });
const GROUP = group(16, 1);

const ledgerOf = (orderId: string) => payments.ledger.ledger.filter((e) => e.reference === orderId).map((e) => e.state);
const remainingOn = async (desk: Desk, slot: string) => slotIn((await desk.pullAll(null)).patch, slot)!.remaining;

async function heldOption(desk: Desk, slot: string) {
  const placed = await desk.place(slot, GROUP);
  if (placed.status !== 'applied') throw new Error(`place: ${JSON.stringify(placed)}`);
  const companionId = await companion(desk, 'guide');
  return { optionId: placed.option!.id, companionId, item: { kind: 'option' as const, optionId: placed.option!.id, designations: applyToAll(GROUP, companionId) } };
}

/** Pays `item` with the checkout held after its read while `meanwhile` runs; the answer. */
async function payWhile(item: Awaited<ReturnType<typeof heldOption>>['item'], meanwhile: () => Promise<void>) {
  const read = gate('checkout read');
  racePoints.optionsChecked = (ids) => (ids.includes(item.optionId) ? read.hold() : Promise.resolve());
  try {
    const request = checkoutRequest([item]);
    const paying = checkout(env.desk, request);
    await read.reached();
    await meanwhile();
    read.open();
    return { answer: await paying, orderId: request.orderId };
  } finally {
    delete racePoints.optionsChecked;
  }
}

describe('a checkout written without a transaction, raced', () => {
  it('pays one of two checkouts of the same option made at once, charges the other nothing, and sells the seats once', async () => {
    const slot = 'sainte-chapelle:2025-04-08T09:00:00.000Z';
    const { item } = await heldOption(env.desk, slot);
    const bothRead = barrier(2);
    racePoints.optionsChecked = (ids) => (ids.includes(item.optionId) ? bothRead.arrive() : Promise.resolve());
    const requests = [checkoutRequest([item]), checkoutRequest([item])];
    let answers;
    try {
      answers = await Promise.all(requests.map((r) => checkout(env.desk, r)));
    } finally {
      delete racePoints.optionsChecked;
    }
    expect(bothRead.arrived).toBe(2);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const paid = answers.findIndex((a) => a.status === 200);
    expect(answers[paid]!.body.tickets).toHaveLength(17);
    expect(answers[1 - paid]!.body.error.code).toBe('OPTIONS_NOT_HELD');
    expect(ledgerOf(requests[paid]!.orderId)).toEqual(['captured']);
    expect(ledgerOf(requests[1 - paid]!.orderId)).toEqual(['voided']);
    expect(await remainingOn(env.desk, slot)).toBe(26 - 17);
  });

  it('refuses a checkout whose option another workstation cancelled meanwhile: nothing charged, the seats back on sale', async () => {
    const slot = 'sainte-chapelle:2025-04-08T10:00:00.000Z';
    const { item, optionId } = await heldOption(env.desk, slot);
    const { answer, orderId } = await payWhile(item, async () => {
      expect((await env.desk.cancel(optionId)).status).toBe('applied');
    });
    expect([answer.status, answer.body.error.code]).toEqual([409, 'OPTIONS_NOT_HELD']);
    expect(ledgerOf(orderId)).toEqual(['voided']);
    expect(await remainingOn(env.desk, slot)).toBe(26);
  });

  it('refuses a checkout whose group was resized meanwhile, the price authorized being for the old group', async () => {
    const slot = 'sainte-chapelle:2025-04-08T11:00:00.000Z';
    const { item, optionId } = await heldOption(env.desk, slot);
    const { answer, orderId } = await payWhile(item, async () => {
      expect((await env.desk.resize(optionId, group(18, 1))).status).toBe('applied');
    });
    expect([answer.status, answer.body.error.code]).toEqual([409, 'OPTIONS_NOT_HELD']);
    expect(ledgerOf(orderId)).toEqual(['voided']);
    expect(await remainingOn(env.desk, slot)).toBe(26 - 19);
  });

  it('refuses a checkout whose guide was deleted from the registry meanwhile, charging nothing', async () => {
    const slot = 'sainte-chapelle:2025-04-08T12:00:00.000Z';
    const { item, companionId } = await heldOption(env.desk, slot);
    const { answer, orderId } = await payWhile(item, async () => {
      expect((await env.desk.mutate('companion.delete', { companionId })).status).toBe('applied');
    });
    expect([answer.status, answer.body.error.code]).toEqual([422, 'COMPANIONS_MISSING']);
    expect(ledgerOf(orderId)).toEqual(['voided']);
    expect(await remainingOn(env.desk, slot)).toBe(26 - 17);
  });

  it('pays a checkout whose guide was renamed meanwhile, the receipt naming the guide as saved last', async () => {
    const slot = 'sainte-chapelle:2025-04-08T13:00:00.000Z';
    const { item, companionId } = await heldOption(env.desk, slot);
    const { answer, orderId } = await payWhile(item, async () => {
      const renamed = await env.desk.mutate('companion.save', {
        companionId, kind: 'guide', surname: 'Lefèvre', firstName: 'Léa', email: 'lefevre@example.org', phone: '+33 6 12 34 56 78', placeholder: false,
      });
      expect(renamed.status).toBe('applied');
    });
    expect(answer.status).toBe(200);
    expect(answer.body.order.bookings[0].companions).toEqual([expect.objectContaining({ companionId, surname: 'Lefèvre' })]);
    expect(answer.body.tickets).toHaveLength(17);
    expect(ledgerOf(orderId)).toEqual(['captured']);
    expect(await remainingOn(env.desk, slot)).toBe(26 - 17);
  });

  it('gives a retry racing its original the same order, with one charge captured and one voided', async () => {
    const { item } = await heldOption(env.desk, 'sainte-chapelle:2025-04-08T14:00:00.000Z');
    const request = { ...checkoutRequest([item]), orderId: randomUUID() };
    const bothRead = barrier(2);
    racePoints.optionsChecked = (ids) => (ids.includes(item.optionId) ? bothRead.arrive() : Promise.resolve());
    let answers;
    try {
      answers = await Promise.all([checkout(env.desk, request), checkout(env.desk, request)]);
    } finally {
      delete racePoints.optionsChecked;
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]!.body).toEqual(answers[1]!.body);
    expect(answers[0]!.body.tickets).toHaveLength(17);
    expect(ledgerOf(request.orderId).sort()).toEqual(['captured', 'voided']);
  });

  it('audits each of two checkouts made at once exactly once: the one written directly with its order, the one refused by the transaction', async () => {
    const { item } = await heldOption(env.desk, 'sainte-chapelle:2025-04-09T09:00:00.000Z');
    const bothRead = barrier(2);
    racePoints.optionsChecked = (ids) => (ids.includes(item.optionId) ? bothRead.arrive() : Promise.resolve());
    const requests = [checkoutRequest([item]), checkoutRequest([item])];
    try {
      await Promise.all(requests.map((r) => checkout(env.desk, r)));
    } finally {
      delete racePoints.optionsChecked;
    }
    const entries = (await admin(env.central, '/admin/audit?action=checkout')).body.entries as { subject: string; outcome: number; actor: string; detail: unknown }[];
    const outcomes = requests.map((r) => entries.filter((e) => e.subject === r.orderId).map((e) => [e.outcome, e.actor, e.detail]));
    expect(outcomes.map((o) => o.length)).toEqual([1, 1]);
    expect(outcomes.flat().sort()).toEqual([[200, env.desk.officeId, { method: 'card' }], [409, env.desk.officeId, { method: 'card' }]]);
  });

  it('refuses a checkout from a session signed out, before the card is touched, the option still held', async () => {
    const slot = 'sainte-chapelle:2025-04-09T10:00:00.000Z';
    const { item } = await heldOption(env.desk, slot);
    const session = await signIn(env.central.url, env.desk.email);
    expect((await call(env.central.url, 'POST', '/auth/signout', { refreshToken: session.refreshToken })).status).toBe(204);
    const request = checkoutRequest([item]);
    const answer = await call(env.central.url, 'POST', '/orders/checkout', request, { authorization: `Bearer ${session.accessToken}` });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    expect(ledgerOf(request.orderId)).toEqual([]);
    expect(await remainingOn(env.desk, slot)).toBe(26 - 17);
    // The office's other workstations, signed in on their own sessions, still pay.
    expect((await checkout(env.desk, request)).status).toBe(200);
  });
});
