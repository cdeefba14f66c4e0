// A sub-group's group code: one QR, signed with the tickets' key, that admits the whole
// sub-group at the entrance. Issued with the tickets (card or transfer), pulled by the office's
// workstations only, replaced when its tickets are voided, and checked offline with the key.
import { describe, expect, it } from 'vitest';
import { TicketPublicKeySchema } from '../../src-main/contract/centralApi.std.ts';
import { verifyGroupQr, verifyTicketQr } from '../../src-central/tickets/ticketSignature.node.ts';
import { admin, centralWithTwoOffices, group } from './centralTestClient.node.ts';
import { applyToAll, byTransfer, checkoutRequest, companion, pay, putsOf } from './orderTestKit.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
const env = centralWithTwoOffices(clock);

async function publicKeyPem() {
  const response = await fetch(new URL('/tickets/public-key', env.central.url));
  return TicketPublicKeySchema.parse(await response.json()).publicKeyPem;
}

describe('group codes', () => {
  it('come with the tickets of a card payment: one per sub-group, naming its tickets and head-count', async () => {
    const key = await publicKeyPem();
    const first = await env.desk.place('conciergerie:2025-04-28T08:00:00.000Z', group(12, 1, 2));
    const second = await env.desk.place('conciergerie:2025-04-28T09:00:00.000Z', group(20, 0, 1));
    const guide = await companion(env.desk, 'guide');
    const { cookie } = await env.desk.pullAll(null);
    const paid = await pay(env.desk, checkoutRequest([
      { kind: 'option', optionId: first.option!.id, designations: applyToAll(group(12, 1, 2), guide) },
      { kind: 'option', optionId: second.option!.id, designations: applyToAll(group(20, 0, 1), guide) },
    ]));

    const patch = (await env.desk.pullAll(cookie)).patch;
    const codes = putsOf(patch, 'groupCode');
    const tickets = putsOf(patch, 'ticket');
    expect(codes.map((c) => c.id).sort()).toEqual([first.option!.id, second.option!.id].sort());
    for (const code of codes) {
      const own = tickets.filter((t) => t.optionId === code.id).map((t) => t.number).sort();
      expect(code).toMatchObject({ orderId: paid.order.id, revision: 1, state: 'valid', ticketNumbers: own });
      const check = verifyGroupQr(code.qr!, key);
      expect(check.valid && check.facts.ticketNumbers).toEqual(own);
      // A group code is not a ticket, and a ticket's check refuses it.
      expect(verifyTicketQr(code.qr!, key).valid).toBe(false);
    }
    const check = verifyGroupQr(codes.find((c) => c.id === first.option!.id)!.qr!, key);
    expect(check).toMatchObject({
      valid: true, facts: { groupId: first.option!.id, revision: 1, venueId: 'conciergerie', slotId: first.option!.slotId, people: { visitors: 12, guides: 1, leaders: 2 } },
    });
    // Another office pulls none of them.
    expect(putsOf((await env.other.pullAll(null)).patch, 'groupCode')).toEqual([]);
  });

  it('come only once a bank transfer is received, with the tickets', async () => {
    const placed = await env.desk.place('conciergerie:2025-04-29T08:00:00.000Z', group(15));
    const paid = await pay(env.desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: [] }], byTransfer));
    const codesOf = async () => putsOf((await env.desk.pullAll(null)).patch, 'groupCode').filter((c) => c.id === placed.option!.id);
    expect(await codesOf()).toEqual([]);
    expect((await admin(env.central, `/admin/orders/${paid.order.id}/transfer-received`, {})).status).toBe(200);
    const [code] = await codesOf();
    expect(code).toMatchObject({ revision: 1, state: 'valid' });
    expect(code!.ticketNumbers).toHaveLength(15);
  });

  it('are void, in a new revision, once the venue cancels the slot and its tickets', async () => {
    const placed = await env.desk.place('conciergerie:2025-04-30T08:00:00.000Z', group(10));
    await pay(env.desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: [] }]));
    const { cookie } = await env.desk.pullAll(null);
    expect((await admin(env.central, `/admin/slots/${encodeURIComponent(placed.option!.slotId)}/cancel`, {})).status).toBe(200);
    const [code] = putsOf((await env.desk.pullAll(cookie)).patch, 'groupCode');
    expect(code).toEqual({ id: placed.option!.id, orderId: expect.any(String), revision: 2, ticketNumbers: [], qr: null, state: 'void' });
  });
});
