// Paying for bookings (DOMAIN.md §3–§6): held options and "buy at once" purchases confirmed by
// card in one order, one signed ticket per person, every refusal leaving the options held and
// the office uncharged.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { admin, centralWithTwoOffices, group, signUp, signIn, Desk, slotIn } from './centralTestClient.node.ts';
import {
  acquirer, applyToAll, byCard, checkout, checkoutRequest, companion, pay, putsOf,
} from './orderTestKit.node.ts';

const start = new Date('2025-01-10T09:00:00Z');
const clock = { now: start };
const payments = acquirer(() => clock.now);
const env = centralWithTwoOffices(clock, { paymentProvider: payments.provider });

const ledgerOf = (orderId: string) => payments.ledger.ledger.filter((e) => e.reference === orderId).map((e) => [e.amountCents, e.state]);

/** A held option of `desk` on `slot`, with its companions designated. */
async function heldOption(desk: Desk, slot: string, composition = group(16, 1)) {
  const placed = await desk.place(slot, composition);
  if (placed.status !== 'applied') throw new Error(`place: ${JSON.stringify(placed)}`);
  const companionId = composition.guides + composition.leaders > 0 ? await companion(desk, 'guide') : randomUUID();
  return {
    option: placed.option!,
    item: { kind: 'option' as const, optionId: placed.option!.id, designations: applyToAll(composition, companionId) },
    companionId,
  };
}

/**
 * Runs `during` with the server clock at `at` and the desk signed in then; puts the clock back
 * and signs the desk in again (a token issued ahead of the server clock is not one it made).
 */
async function at<T>(when: string, desk: Desk, during: () => Promise<T>): Promise<T> {
  clock.now = new Date(when);
  try {
    await desk.signInAgain();
    return await during();
  } finally {
    clock.now = start;
    await desk.signInAgain();
  }
}

describe('checkout by card', () => {
  it("pays a held option: the order is paid, one signed ticket per person, the seats sold, all pulled by the office alone", async () => {
    const slot = 'sainte-chapelle:2025-04-08T08:00:00.000Z';
    const { option, item, companionId } = await heldOption(env.desk, slot);
    const { cookie } = await env.desk.pullAll(null);
    const otherCookie = (await env.other.pullAll(null)).cookie;

    const request = checkoutRequest([item]);
    const paid = await pay(env.desk, request);

    // The seed's order: 17,00 € × 16 = 272,00 € and a free tour guide; VAT 5.5 % inside.
    expect(paid.order).toMatchObject({
      id: request.orderId, number: expect.stringMatching(/^GCH-2025-\d{6}$/), state: 'paid',
      createdAt: start.toISOString(), paidAt: start.toISOString(), refundedAt: null,
      payment: { method: 'card', cardLast4: '4242', reference: expect.any(String) },
      totalCents: 27_200, discountCents: 0, refundCents: 0, vat: [{ rateBp: 550, baseCents: 25_782, vatCents: 1_418 }],
    });
    expect(paid.order.bookings).toEqual([{
      optionId: option.id, venueId: 'sainte-chapelle', venueName: 'Sainte-Chapelle', slotId: slot, startsAt: slot.split(':').slice(1).join(':'),
      composition: group(16, 1), cancelledByVenue: false,
      lines: [
        { productId: 'sainte-chapelle:visitor-reseller', label: expect.objectContaining({ fr: expect.stringContaining('Billet jumelé') }), unitCents: 1_700, quantity: 16, totalCents: 27_200, vatRateBp: 550 },
        { productId: 'sainte-chapelle:guide', label: expect.objectContaining({ en: 'Tour guide (valid professional guide card)' }), unitCents: 0, quantity: 1, totalCents: 0, vatRateBp: 550 },
      ],
      companions: [{
        kind: 'guide', index: 0, companionId, surname: 'Durand', firstName: 'Léa', email: 'durand@example.org', phone: '+33 6 12 34 56 78', placeholder: false,
      }],
    }]);

    expect(paid.tickets).toHaveLength(17);
    expect(new Set(paid.tickets.map((t) => t.number)).size).toBe(17);
    expect(paid.tickets.every((t) => /^\d{11}$/.test(t.number) && t.qr.length > 0 && t.state === 'valid' && t.assignedTo === null)).toBe(true);
    expect(paid.tickets.filter((t) => t.kind === 'visitor')).toHaveLength(16);
    expect(paid.tickets.filter((t) => t.kind === 'guide')).toHaveLength(1);
    // Valid for the slot booked only: 10:00 until the next quarter-hour slot.
    expect(paid.tickets[0]).toMatchObject({
      orderId: request.orderId, optionId: option.id, venueId: 'sainte-chapelle', slotId: slot,
      validFrom: '2025-04-08T08:00:00.000Z', validUntil: '2025-04-08T08:15:00.000Z',
    });
    expect(ledgerOf(request.orderId)).toEqual([[27_200, 'captured']]);

    const delta = (await env.desk.pull(cookie)).patch;
    expect(putsOf(delta, 'order')).toEqual([paid.order]);
    expect(putsOf(delta, 'ticket').sort((a, b) => a.number.localeCompare(b.number))).toEqual(paid.tickets);
    expect(putsOf(delta, 'option')).toEqual([expect.objectContaining({ id: option.id, state: 'confirmed' })]);
    expect(slotIn(delta, slot)).toMatchObject({ remaining: 26 - 17 });

    const seenByOther = (await env.other.pull(otherCookie)).patch;
    expect(seenByOther.filter((p) => ['order', 'ticket', 'option'].includes(p.entity))).toEqual([]);

    // Sold, not held: the option's expiry date passing frees nothing, and it can no longer be cancelled.
    clock.now = new Date(Date.parse(option.expiresAt) + 60_000);
    expect((await admin(env.central, '/admin/sweep', {})).body).toEqual({ expired: 0, unpaidCancelled: 0 });
    clock.now = start;
    expect(await env.desk.cancel(option.id)).toMatchObject({ status: 'rejected', code: 'NOT_ACTIVE' });
    expect(slotIn((await env.desk.pullAll(null)).patch, slot)).toMatchObject({ remaining: 9 });
  });

  it('gives the same order to a retry, and charges once, even when the retry races the original', async () => {
    const { item } = await heldOption(env.desk, 'sainte-chapelle:2025-04-08T09:00:00.000Z');
    const request = checkoutRequest([item]);
    const first = await pay(env.desk, request);
    const retried = await pay(env.desk, request);
    expect(retried).toEqual(first);
    expect(ledgerOf(request.orderId)).toEqual([[27_200, 'captured']]);

    // The retry arrives while the original is still at the acquirer: both get an authorization.
    const { item: racing } = await heldOption(env.desk, 'sainte-chapelle:2025-04-08T10:00:00.000Z');
    const raced = checkoutRequest([racing]);
    let arrived = 0;
    let bothThere = () => {};
    const barrier = new Promise<void>((resolve) => (bothThere = resolve));
    payments.whileAuthorizing.hook = () => {
      if (++arrived === 2) bothThere();
      return barrier;
    };
    let answers;
    try {
      answers = await Promise.all([pay(env.desk, raced), pay(env.desk, raced)]);
    } finally {
      payments.whileAuthorizing.hook = null;
    }
    expect(answers[0]).toEqual(answers[1]);
    // One captured, the other voided: charged once.
    expect(ledgerOf(raced.orderId).sort()).toEqual([[27_200, 'captured'], [27_200, 'voided']]);
  });

  it("refuses another office's order id", async () => {
    const { item } = await heldOption(env.desk, 'sainte-chapelle:2025-04-08T11:00:00.000Z');
    const request = checkoutRequest([item]);
    await pay(env.desk, request);
    const { item: theirs } = await heldOption(env.other, 'sainte-chapelle:2025-04-08T12:00:00.000Z');
    const answer = await checkout(env.other, { ...request, items: [theirs] });
    expect([answer.status, answer.body.error.code]).toEqual([409, 'ORDER_EXISTS']);
  });
});

describe('refusals that leave the options held and the office uncharged', () => {
  it('declines a card with the reason, and the option is still active and held', async () => {
    const slot = 'sainte-chapelle:2025-04-09T08:00:00.000Z';
    const { item } = await heldOption(env.desk, slot);
    const { cookie } = await env.desk.pullAll(null);
    for (const [number, expiry, reason] of [
      [TEST_CARDS.declined, '12/29', 'card_declined'],
      [TEST_CARDS.insufficientFunds, '12/29', 'insufficient_funds'],
      [TEST_CARDS.approved, '12/24', 'expired_card'],
      ['4242 4242 4242 4241', '12/29', 'invalid_number'],
    ] as const) {
      const answer = await checkout(env.desk, checkoutRequest([item], byCard(number, expiry)));
      expect([answer.status, answer.body.error.code, answer.body.error.declineReason]).toEqual([402, 'PAYMENT_DECLINED', reason]);
    }
    // Nothing changed on the server: no new version to pull, the option still active, its seats still held.
    expect((await env.desk.pull(cookie)).patch).toEqual([]);
    expect(putsOf((await env.desk.pullAll(null)).patch, 'option').find((o) => o.id === item.optionId)?.state).toBe('active');
    expect(slotIn((await env.desk.pullAll(null)).patch, slot)).toMatchObject({ remaining: 26 - 17 });
    // And the office can pay it with another card.
    expect((await pay(env.desk, checkoutRequest([item]))).order.state).toBe('paid');
  });

  it('refuses a checkout whose terms and conditions were not accepted', async () => {
    const { item } = await heldOption(env.desk, 'sainte-chapelle:2025-04-09T09:00:00.000Z');
    const request = { ...checkoutRequest([item]), termsAccepted: false };
    const answer = await checkout(env.desk, request);
    expect([answer.status, answer.body.error.code]).toEqual([422, 'TERMS_NOT_ACCEPTED']);
    expect(ledgerOf(request.orderId)).toEqual([]);
  });

  it('refuses guide and leader tickets that name nobody, counting them', async () => {
    const composition = group(16, 1, 2);
    const { item, companionId } = await heldOption(env.desk, 'sainte-chapelle:2025-04-09T10:00:00.000Z', composition);
    const request = checkoutRequest([{ ...item, designations: [{ kind: 'leader', index: 0, companionId }] }]);
    const answer = await checkout(env.desk, request);
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: 'COMPANIONS_MISSING', missingCount: 2, message: 'Not all accompanying leaders are designated.' });
    expect(ledgerOf(request.orderId)).toEqual([]);
  });

  it('counts a companion deleted from the registry since as missing', async () => {
    const { item, companionId } = await heldOption(env.desk, 'sainte-chapelle:2025-04-09T11:00:00.000Z');
    expect(await env.desk.mutate('companion.delete', { companionId })).toMatchObject({ status: 'applied' });
    const answer = await checkout(env.desk, checkoutRequest([item]));
    expect(answer.body.error).toMatchObject({ code: 'COMPANIONS_MISSING', missingCount: 1 });
    // Another office's companion is no companion of this office either.
    const theirs = await companion(env.other, 'guide');
    const borrowed = await checkout(env.desk, checkoutRequest([{ ...item, designations: applyToAll(group(16, 1), theirs) }]));
    expect(borrowed.body.error).toMatchObject({ code: 'COMPANIONS_MISSING', missingCount: 1 });
  });

  it('refuses an option expired by the server clock, swept or not, without authorizing the card', async () => {
    const { option, item } = await heldOption(env.desk, 'sainte-chapelle:2025-04-10T08:00:00.000Z');
    const request = checkoutRequest([item]);
    const answer = await at(option.expiresAt, env.desk, () => checkout(env.desk, request));
    expect([answer.status, answer.body.error.code, answer.body.error.itemIds]).toEqual([409, 'OPTIONS_NOT_HELD', [option.id]]);
    expect(ledgerOf(request.orderId)).toEqual([]);
  });

  it('voids the authorization when the option expires while the card is being authorized', async () => {
    const slot = 'sainte-chapelle:2025-04-10T09:00:00.000Z';
    const { option, item } = await heldOption(env.desk, slot);
    const { cookie } = await env.desk.pullAll(null);
    const request = checkoutRequest([item]);
    payments.whileAuthorizing.hook = () => {
      clock.now = new Date(option.expiresAt);
    };
    let answer;
    try {
      answer = await checkout(env.desk, request);
    } finally {
      payments.whileAuthorizing.hook = null;
      clock.now = start;
    }
    expect([answer.status, answer.body.error.code, answer.body.error.itemIds]).toEqual([409, 'OPTIONS_NOT_HELD', [option.id]]);
    expect(ledgerOf(request.orderId)).toEqual([[27_200, 'voided']]);
    // Nothing was written: the option lapses as any other, by the sweep.
    expect((await env.desk.pull(cookie)).patch).toEqual([]);
  });

  it("refuses another office's option as not held", async () => {
    const { item } = await heldOption(env.other, 'sainte-chapelle:2025-04-10T10:00:00.000Z', group(16));
    const answer = await checkout(env.desk, checkoutRequest([item]));
    expect([answer.status, answer.body.error.code, answer.body.error.itemIds]).toEqual([409, 'OPTIONS_NOT_HELD', [item.optionId]]);
  });

  it('refuses an office the platform has not validated yet', async () => {
    const { email } = await signUp(env.central.url, 'Voyages En Attente');
    const waiting = new Desk(env.central.url, await signIn(env.central.url, email), email);
    const answer = await checkout(waiting, checkoutRequest([{ kind: 'option', optionId: randomUUID(), designations: [] }]));
    expect([answer.status, answer.body.error.code]).toEqual([403, 'NOT_VALIDATED']);
  });
});

describe('buying at once, where no option is possible', () => {
  it('sells a Château de Vincennes slot in the same step as the payment', async () => {
    const slot = 'chateau-de-vincennes:2025-02-04T09:00:00.000Z';
    expect(await env.desk.place(slot, group(20))).toMatchObject({ code: 'NO_OPTION_POSSIBLE' });
    const { cookie } = await env.desk.pullAll(null);
    const itemId = randomUUID();
    const leaderId = await companion(env.desk, 'leader', 'Petit');
    const paid = await pay(env.desk, checkoutRequest([
      { kind: 'direct', itemId, slotId: slot, composition: group(22, 0, 1), designations: applyToAll(group(22, 0, 1), leaderId) },
    ]));
    // 22 visitors at 10,50 €, and their leader free (a group of more than 20).
    expect(paid.order).toMatchObject({ state: 'paid', totalCents: 23_100 });
    expect(paid.tickets.map((t) => t.kind).sort()).toEqual([...Array(1).fill('leader'), ...Array(22).fill('visitor')]);
    const delta = (await env.desk.pull(cookie)).patch;
    expect(putsOf(delta, 'option')).toEqual([expect.objectContaining({ id: itemId, slotId: slot, state: 'confirmed', composition: group(22, 0, 1) })]);
    expect(slotIn(delta, slot)).toMatchObject({ remaining: 35 - 23 });
    expect(putsOf(delta, 'ticket')).toHaveLength(23);
  });

  it('refuses a full slot with the item, charging nothing', async () => {
    const slot = 'chateau-de-vincennes:2025-02-04T10:00:00.000Z';
    await pay(env.other, checkoutRequest([{ kind: 'direct', itemId: randomUUID(), slotId: slot, composition: group(30), designations: [] }]));
    const itemId = randomUUID();
    const request = checkoutRequest([{ kind: 'direct', itemId, slotId: slot, composition: group(10), designations: [] }]);
    const answer = await checkout(env.desk, request);
    expect([answer.status, answer.body.error.code, answer.body.error.itemIds]).toEqual([409, 'SLOT_FULL', [itemId]]);
    expect(ledgerOf(request.orderId)).toEqual([]);
    expect(slotIn((await env.desk.pullAll(null)).patch, slot)).toMatchObject({ remaining: 5 });
  });

  it('refuses a slot the venue closed to groups, saying so', async () => {
    const slot = 'chateau-de-vincennes:2025-02-04T12:00:00.000Z';
    await admin(env.central, `/admin/slots/${encodeURIComponent(slot)}/availability`, { available: false });
    const itemId = randomUUID();
    const answer = await checkout(env.desk, checkoutRequest([{ kind: 'direct', itemId, slotId: slot, composition: group(10), designations: [] }]));
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'SLOT_UNAVAILABLE', itemIds: [itemId], message: expect.stringContaining('no longer on sale') });
  });

  it('refuses a slot that has already started, saying so rather than "not enough places", charging nothing', async () => {
    // The Arc de triomphe's 10:00 slot of 10 January 2025, with all its 35 places, at 20:10 in Paris.
    const slot = 'arc-de-triomphe:2025-01-10T09:00:00.000Z';
    const itemId = randomUUID();
    const request = checkoutRequest([{ kind: 'direct', itemId, slotId: slot, composition: group(10), designations: [] }]);
    const answer = await at('2025-01-10T19:10:00Z', env.desk, () => checkout(env.desk, request));
    expect([answer.status, answer.body.error.code, answer.body.error.itemIds]).toEqual([409, 'SLOT_STARTED', [itemId]]);
    expect(ledgerOf(request.orderId)).toEqual([]);
  });

  it("refuses a group the venue does not take, naming the item", async () => {
    const itemId = randomUUID();
    const answer = await checkout(env.desk, checkoutRequest([
      { kind: 'direct', itemId, slotId: 'chateau-de-vincennes:2025-02-04T11:00:00.000Z', composition: group(5), designations: [] },
    ]));
    expect([answer.status, answer.body.error.code, answer.body.error.itemIds]).toEqual([422, 'GROUP_RULE', [itemId]]);
  });

  it('pays options and direct purchases together in one order', async () => {
    const { item } = await heldOption(env.desk, 'conciergerie:2025-04-11T08:00:00.000Z', group(10));
    const paid = await pay(env.desk, checkoutRequest([
      item, { kind: 'direct', itemId: randomUUID(), slotId: 'chateau-de-vincennes:2025-02-05T09:00:00.000Z', composition: group(8), designations: [] },
    ]));
    expect(paid.order.bookings.map((b) => [b.venueId, b.lines[0]!.totalCents])).toEqual([['conciergerie', 10_000], ['chateau-de-vincennes', 8_400]]);
    expect(paid.order).toMatchObject({ totalCents: 18_400, vat: [{ rateBp: 550, baseCents: 17_441, vatCents: 959 }] });
    expect(paid.tickets).toHaveLength(18);
  });
});
