// A voucher e-mail asked for offline goes with the next sync cycle, when no one waits for the
// answer: what the service refused then stays next to the code, with its reason and recipient,
// until the agent sends it again or dismisses it. And an assigned code can be e-mailed again to
// the same person, or given to someone else while unused.
import { afterEach, describe, expect, it } from 'vitest';
import type { VoucherAssignResultDto, VoucherRowDto } from '../../src-main/contract/schemas.std.ts';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { startCuttableProxy } from '../support/cuttableProxy.node.ts';
import { startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { buyVouchers, ok } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = new Date('2025-01-10T09:00:00Z');

async function centralWith(mail: boolean) {
  // A mailbox that does not exist, refused by the mail server.
  const inbox = await startSmtpInbox(0, (address) => address === 'nobody@example.org');
  cleanups.push(inbox.close);
  const central = await startCentralHarness(NOW, mail ? { mail: { smtpUrl: inbox.url, from: '"Guichet" <billetterie@guichet.example>' } } : {});
  cleanups.push(central.close);
  const office = await central.validatedOffice('Voyages Lumière');
  const proxy = await startCuttableProxy(central.url);
  cleanups.push(proxy.close);
  const desk = await tempCore(NOW, { centralUrl: proxy.url });
  cleanups.push(() => desk.close());
  await ok(desk, 'account.signIn', office);
  return { inbox, central, office, proxy, desk };
}

/** The museum's till scans the code. */
async function redeemAtTill(central: CentralHarness, code: string): Promise<void> {
  const { tills } = await (await central.admin('/admin/voucher-tills')).json() as { tills: { museumId: string; token: string }[] };
  const till = tills.find((t) => t.museumId === 'mad-contremarques')!;
  const redeemed = await fetch(new URL('/vouchers/redeem', central.url), {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-till-token': till.token }, body: JSON.stringify({ code }),
  });
  expect(redeemed.status).toBe(200);
}

const voucherMails = (inbox: SmtpInbox, to: string) => inbox.received.filter((r) => /^(Votre contremarque|Your voucher)/.test(r.mail.subject ?? '') && r.envelopeTo.includes(to));
const rowOf = async (desk: TempCore, id: string) => (await ok<VoucherRowDto[]>(desk, 'vouchers.list')).find((v) => v.id === id)!;
const assign = (desk: TempCore, voucherId: string, email: string) => ok<VoucherAssignResultDto>(desk, 'vouchers.assign', { assignments: [{ voucherId, email }], language: 'fr' });

describe('voucher e-mails the service refuses after the desk reconnects', () => {
  it('shows the code used meanwhile as not sent to its recipient, with the reason, until dismissed', async () => {
    const { central, office, proxy, desk, inbox } = await centralWith(true);
    const [voucher, other] = await buyVouchers(central, office, 2);
    await desk.sync.syncNow();

    proxy.cut();
    expect((await assign(desk, voucher!.id, 'lea@example.org')).pending).toBe(1);
    expect((await assign(desk, other!.id, 'tom@example.org')).pending).toBe(1);
    await redeemAtTill(central, voucher!.code);
    proxy.restore();
    await desk.sync.syncNow();

    expect(await rowOf(desk, voucher!.id)).toMatchObject({
      status: 'used', assignedTo: null, pendingEmail: null,
      refusal: { email: 'lea@example.org', reason: 'VOUCHER_USED', message: expect.stringContaining(voucher!.code), at: expect.any(String) },
    });
    expect(voucherMails(inbox, 'lea@example.org')).toEqual([]);
    // The other code of the same cycle went: nothing to say about it.
    expect(await rowOf(desk, other!.id)).toMatchObject({ assignedTo: 'tom@example.org', refusal: null });

    expect(await ok(desk, 'vouchers.dismissRefusal', { voucherId: voucher!.id })).toEqual({ dismissed: 1 });
    expect((await rowOf(desk, voucher!.id)).refusal).toBeNull();
  });

  it('keeps a refusal of the whole request (no mail server) on every code of it, and shows only the newer refusal when sent again', async () => {
    const { central, office, proxy, desk } = await centralWith(false);
    const [a, b] = await buyVouchers(central, office, 2);
    await desk.sync.syncNow();

    proxy.cut();
    const asked = await ok<VoucherAssignResultDto>(desk, 'vouchers.assign', {
      assignments: [{ voucherId: a!.id, email: 'lea@example.org' }, { voucherId: b!.id, email: 'tom@example.org' }],
    });
    expect(asked.pending).toBe(2);
    proxy.restore();
    await desk.sync.syncNow();

    for (const [v, email] of [[a!, 'lea@example.org'], [b!, 'tom@example.org']] as const) {
      expect(await rowOf(desk, v.id)).toMatchObject({
        status: 'unassigned', pendingEmail: null,
        refusal: { email, reason: 'NO_MAIL_SERVER', message: expect.stringContaining('no mail server') },
      });
    }
    // Sent again the same way, still refused: the newer refusal is the one shown, not two.
    const again = await assign(desk, a!.id, 'lea@example.org');
    expect(again.lines.map((l) => [l.status, l.reason])).toEqual([['refused', 'MAIL_FAILED']]);
    expect((await rowOf(desk, a!.id)).refusal).toMatchObject({ email: 'lea@example.org', reason: 'NO_MAIL_SERVER' });
    expect(await ok(desk, 'vouchers.dismissRefusal', { voucherId: a!.id })).toEqual({ dismissed: 2 });
  });
});

describe('resending and reassigning a code', () => {
  it('e-mails the same code twice to the same person, and to someone else while unused, which settles an earlier refusal', async () => {
    const { central, office, desk, inbox } = await centralWith(true);
    const [voucher] = await buyVouchers(central, office, 1);
    await desk.sync.syncNow();

    expect((await assign(desk, voucher!.id, 'lea@example.org')).assigned).toBe(1);
    expect((await assign(desk, voucher!.id, 'lea@example.org')).assigned).toBe(1);
    const toLea = voucherMails(inbox, 'lea@example.org');
    expect(toLea).toHaveLength(2);
    for (const mail of toLea) expect(mail.mail.text).toContain(voucher!.code);

    const bounced = await assign(desk, voucher!.id, 'nobody@example.org');
    expect(bounced.lines.map((l) => [l.status, l.reason])).toEqual([['refused', 'MAIL_FAILED']]);
    expect(await rowOf(desk, voucher!.id)).toMatchObject({ assignedTo: 'lea@example.org', refusal: { email: 'nobody@example.org', reason: 'MAIL_FAILED' } });

    // Reassigned while unused: Tom gets it, and the refusal it settles leaves the row.
    expect((await assign(desk, voucher!.id, 'tom@example.org')).assigned).toBe(1);
    expect(voucherMails(inbox, 'tom@example.org')).toHaveLength(1);
    expect(await rowOf(desk, voucher!.id)).toMatchObject({ status: 'assigned', assignedTo: 'tom@example.org', refusal: null });
  });
});
