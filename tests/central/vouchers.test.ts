// Vouchers ("contremarques", DOMAIN.md §7): museums and tariffs in the synced catalogue, bought
// in the same order as bookings, one unique code per voucher issued only at payment, and a
// museum's till redeeming each code once, the office's workstations pulling it as used.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WireVoucherSchema, type WireVoucher } from '../../src-main/contract/centralApi.std.ts';
import { readVoucherCode, VOUCHER_ALPHABET } from '../../src-main/core/domain/voucherCode.std.ts';
import { admin, call, centralWithTwoOffices, Desk, group, signIn, signUp } from './centralTestClient.node.ts';
import { acquirer, byTransfer, checkout, checkoutRequest, pay, putsOf } from './orderTestKit.node.ts';

const start = new Date('2025-01-10T09:00:00Z');
const clock = { now: start };
const payments = acquirer(() => clock.now);
const env = centralWithTwoOffices(clock, { paymentProvider: payments.provider });

const vouchersOf = (museum: string, tariff: string, quantity: number) => ({
  kind: 'voucher' as const, itemId: randomUUID(), tariffId: `${museum}:${tariff}`, quantity,
});
const charged = (orderId: string) => payments.ledger.ledger.filter((e) => e.reference === orderId).map((e) => [e.amountCents, e.state]);

function redeem(museumId: string, code: string, till?: string, token = env.central.tillToken(museumId)) {
  return call(env.central.url, 'POST', '/vouchers/redeem', { code, ...(till ? { till } : {}) }, { 'x-till-token': token });
}

async function boughtCodes(quantity: number, museum = 'mad-contremarques'): Promise<WireVoucher[]> {
  return (await pay(env.desk, checkoutRequest([vouchersOf(museum, 'plein', quantity)]))).vouchers;
}

/** A code that passes the check character but was never issued: its last character recomputed. */
function neverIssued(code: string): string {
  const first = code.slice(0, 4) === 'ZZZZ' ? 'YYYY' : 'ZZZZ';
  for (const c of VOUCHER_ALPHABET) {
    const candidate = `${first}${code.slice(4, 13)}${c}`;
    if (readVoucherCode(candidate).ok) return candidate;
  }
  throw new Error('no check character fits');
}

describe('the voucher catalogue', () => {
  it('reaches every office, validated or not, with each museum’s tariffs', async () => {
    const { patch } = await env.desk.pullAll(null);
    const museums = putsOf(patch, 'voucherMuseum');
    expect(museums.map((m) => m.name)).toEqual(['Musée des Arts Décoratifs – Contremarques', 'Musée Nissim de Camondo']);
    expect(museums[0]!.tariffs.map((t) => [t.label.fr, t.priceCents])).toEqual([['Contremarque plein tarif', 1500], ['Contremarque tarif réduit', 1000]]);

    const { email } = await signUp(env.central.url, 'Agence En Attente');
    const waiting = new Desk(env.central.url, await signIn(env.central.url, email), email);
    expect(putsOf((await waiting.pullAll(null)).patch, 'voucherMuseum')).toHaveLength(2);
  });
});

describe('buying vouchers', () => {
  it('pays vouchers and a booking in one order by card: one unique code each, on the receipt, pulled by the office alone', async () => {
    const { cookie } = await env.desk.pullAll(null);
    const otherCookie = (await env.other.pullAll(null)).cookie;
    const booking = { kind: 'direct' as const, itemId: randomUUID(), slotId: 'chateau-de-vincennes:2025-02-04T09:00:00.000Z', composition: group(10), designations: [] };
    const request = checkoutRequest([vouchersOf('mad-contremarques', 'plein', 3), vouchersOf('nissim-de-camondo', 'reduit', 2), booking]);

    const paid = await pay(env.desk, request);

    const bookingCents = paid.order.bookings[0]!.lines.reduce((n, l) => n + l.totalCents, 0);
    expect(paid.order.totalCents).toBe(3 * 1500 + 2 * 1100 + bookingCents);
    expect(charged(request.orderId)).toEqual([[paid.order.totalCents, 'captured']]);
    expect(paid.order.voucherLines.map((l) => [l.museumName, l.label.fr, l.unitCents, l.quantity, l.totalCents])).toEqual([
      ['Musée des Arts Décoratifs – Contremarques', 'Contremarque plein tarif', 1500, 3, 4500],
      ['Musée Nissim de Camondo', 'Contremarque tarif réduit', 1100, 2, 2200],
    ]);
    expect(paid.order.vat[0]!.baseCents + paid.order.vat[0]!.vatCents).toBe(paid.order.totalCents);
    expect(paid.vouchers).toHaveLength(5);
    expect(new Set(paid.vouchers.map((v) => v.code)).size).toBe(5);
    for (const v of paid.vouchers) expect(readVoucherCode(v.code)).toEqual({ ok: true, code: v.code });
    expect(paid.vouchers.filter((v) => v.museumId === 'nissim-de-camondo').map((v) => [v.state, v.validUntil]))
      .toEqual(Array(2).fill(['valid', '2025-07-10T21:59:59.999Z']));

    const pulled = putsOf((await env.desk.pullAll(cookie)).patch, 'voucher');
    expect(pulled.map((v) => v.code).sort()).toEqual(paid.vouchers.map((v) => v.code).sort());
    expect(putsOf((await env.other.pullAll(otherCookie)).patch, 'voucher')).toEqual([]);

    // A retry of the same checkout gets the same codes, and pays nothing more.
    const again = await pay(env.desk, request);
    expect(again.vouchers.map((v) => v.code).sort()).toEqual(paid.vouchers.map((v) => v.code).sort());
    expect(charged(request.orderId)).toHaveLength(1);
  });

  it('issues no code before a bank transfer is received, holds no unpaid place for them, and issues them all when it is', async () => {
    const request = checkoutRequest([vouchersOf('mad-contremarques', 'reduit', 1000)], byTransfer);
    const ordered = await pay(env.desk, request);
    expect(ordered.order).toMatchObject({ state: 'awaiting_transfer', totalCents: 1_000_000, paymentDueAt: expect.any(String) });
    expect(ordered.vouchers).toEqual([]);
    const { cookie } = await env.desk.pullAll(null);

    const received = await admin(env.central, `/admin/orders/${request.orderId}/transfer-received`, {});
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ order: { state: 'paid' }, vouchersIssued: 1000 });
    const pulled = putsOf((await env.desk.pullAll(cookie)).patch, 'voucher');
    expect(pulled.filter((v) => v.orderId === request.orderId)).toHaveLength(1000);
    expect(new Set(pulled.map((v) => v.code)).size).toBe(pulled.length);
  });

  it('refuses an office not yet validated, and a tariff no museum sells, charging nothing', async () => {
    const { email } = await signUp(env.central.url, 'Agence Pas Encore');
    const waiting = new Desk(env.central.url, await signIn(env.central.url, email), email);
    const early = await checkout(waiting, checkoutRequest([vouchersOf('mad-contremarques', 'plein', 2)]));
    expect([early.status, early.body.error.code]).toEqual([403, 'NOT_VALIDATED']);

    const request = checkoutRequest([vouchersOf('mad-contremarques', 'gratuit', 2)]);
    const unknown = await checkout(env.desk, request);
    expect([unknown.status, unknown.body.error.code, unknown.body.error.tariffIds]).toEqual([422, 'VOUCHER_TARIFF_UNKNOWN', ['mad-contremarques:gratuit']]);
    expect(charged(request.orderId)).toEqual([]);

    const tooMany = await checkout(env.desk, checkoutRequest([vouchersOf('mad-contremarques', 'plein', 1001)]));
    expect([tooMany.status, tooMany.body.error.code]).toEqual([400, 'INVALID_INPUT']);
  });
});

describe('redeeming a voucher at a museum’s till', () => {
  it('admits once; a second try says when and where it was used; the office pulls it as used', async () => {
    const [voucher] = await boughtCodes(1);
    const { cookie } = await env.desk.pullAll(null);
    clock.now = new Date('2025-01-12T14:30:00Z');
    try {
      const typed = voucher!.code.toLowerCase().replaceAll('-', ' ');
      const first = await redeem('mad-contremarques', typed, 'Caisse 2');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ code: voucher!.code, usedAt: '2025-01-12T14:30:00.000Z' });

      const second = await redeem('mad-contremarques', voucher!.code, 'Caisse 1');
      expect(second.status).toBe(409);
      expect(second.body.error).toMatchObject({
        code: 'VOUCHER_USED', usedAt: '2025-01-12T14:30:00.000Z', museumName: 'Musée des Arts Décoratifs – Contremarques', till: 'Caisse 2',
      });
    } finally {
      clock.now = start;
    }
    const pulled = putsOf((await env.desk.pullAll(cookie)).patch, 'voucher');
    expect(pulled.map((v) => WireVoucherSchema.parse(v))).toEqual([{
      ...voucher, state: 'used', used: { at: '2025-01-12T14:30:00.000Z', museumId: 'mad-contremarques', till: 'Caisse 2' },
    }]);
  });

  it('refuses a mistyped code before any lookup, an unknown one, another museum’s, a revoked one, and a till without its token', async () => {
    const [voucher, revoked] = await boughtCodes(2);
    const slip = `${voucher!.code.slice(0, 5)}${voucher!.code[6]}${voucher!.code[5]}${voucher!.code.slice(7)}`;
    const mistyped = await redeem('mad-contremarques', slip);
    expect([mistyped.status, mistyped.body.error.code, mistyped.body.error.problem]).toEqual([422, 'VOUCHER_CODE_MISTYPED', 'check']);

    const unknown = await redeem('mad-contremarques', neverIssued(voucher!.code));
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'VOUCHER_UNKNOWN']);

    const elsewhere = await redeem('nissim-de-camondo', voucher!.code);
    expect([elsewhere.status, elsewhere.body.error.code, elsewhere.body.error.museumName])
      .toEqual([409, 'VOUCHER_OTHER_MUSEUM', 'Musée des Arts Décoratifs – Contremarques']);

    expect((await admin(env.central, `/admin/vouchers/${revoked!.id}/revoke`, {})).status).toBe(200);
    const withdrawn = await redeem('mad-contremarques', revoked!.code);
    expect([withdrawn.status, withdrawn.body.error.code, withdrawn.body.error.since]).toEqual([410, 'VOUCHER_REVOKED', start.toISOString()]);

    const forged = await redeem('mad-contremarques', voucher!.code, undefined, 'mad-contremarques.forged');
    expect([forged.status, forged.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    // None of these used the voucher up.
    expect((await redeem('mad-contremarques', voucher!.code)).status).toBe(200);
  });

  it('gives the back office each museum’s till token', async () => {
    const tills = await admin(env.central, '/admin/voucher-tills');
    expect(tills.body.tills).toEqual([
      { museumId: 'mad-contremarques', token: env.central.tillToken('mad-contremarques') },
      { museumId: 'nissim-de-camondo', token: env.central.tillToken('nissim-de-camondo') },
    ]);
  });
});
