// Handing voucher codes out from the desk (issue 12 §4), against a real central service and a
// real SMTP server on loopback: a pasted list of 2,000 lines with junk in it, each bad line
// refused on its own while the good ones get their code; too few codes sends nothing and says
// how many are missing; an assignment made offline is kept, shown pending, and sent once.
import { afterEach, describe, expect, it } from 'vitest';
import type { VoucherAssignResultDto } from '../../src-main/contract/schemas.std.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { startCuttableProxy } from '../support/cuttableProxy.node.ts';
import { startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { buyVouchers, ok } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = new Date('2025-01-10T09:00:00Z');

interface VoucherRow { id: string; code: string; assignedTo: string | null; assignedName: string | null; pendingEmail: string | null }

async function setUp() {
  const inbox = await startSmtpInbox();
  cleanups.push(inbox.close);
  const central = await startCentralHarness(NOW, { mail: { smtpUrl: inbox.url, from: '"Guichet" <billetterie@guichet.example>' } });
  cleanups.push(central.close);
  const office = await central.validatedOffice('Voyages Lumière');
  return { inbox, central, office };
}

async function deskOn(centralUrl: string, office: { email: string; password: string }) {
  const desk = await tempCore(NOW, { centralUrl });
  cleanups.push(() => desk.close());
  await ok(desk, 'account.signIn', office);
  await desk.sync.syncNow();
  return desk;
}

/** The voucher e-mails the server received (the office's own account e-mails left out). */
const voucherMails = (inbox: SmtpInbox) => inbox.received.filter((r) => /^(Votre contremarque|Your voucher)/.test(r.mail.subject ?? ''));
const listed = (desk: TempCore) => ok<VoucherRow[]>(desk, 'vouchers.list');

/** 2,000 lines: `good` addresses spread through them, and junk of every kind between. */
function pastedList(good: string[]): string {
  const lines: string[] = [];
  const every = Math.floor(2_000 / good.length);
  for (let i = 0; lines.length < 2_000; i++) {
    const at = Math.floor(i / every);
    if (i % every === 0 && at < good.length) lines.push(at % 2 === 0 ? `Élève ${at} <${good[at]}>` : good[at]!);
    else if (i % 7 === 0) lines.push('');
    else if (i % 5 === 0) lines.push(`${good[Math.min(at, good.length - 1)]}`.toUpperCase());
    else if (i % 11 === 0) lines.push(`${'x'.repeat(330)}@example.org`);
    else lines.push(`junk line ${i}; not an address`);
  }
  return lines.join('\n');
}

describe('assigning vouchers from the desk', () => {
  it('takes a pasted list of 2,000 lines with junk: each bad line refused with its reason, each good one e-mailed its code, seen by a colleague', async () => {
    const { inbox, central, office } = await setUp();
    const codes = await buyVouchers(central, office, 40);
    const desk = await deskOn(central.url, office);
    const colleague = await deskOn(central.url, office);
    const good = Array.from({ length: 40 }, (_, i) => `eleve${i}@ecole.example.org`);
    const pasted = pastedList(good);

    // One address more than the free codes: nothing is sent, and the agent is told how many are missing.
    const tooMany = await ok<VoucherAssignResultDto>(desk, 'vouchers.assignList', { pasted: `${pasted}\nun.de.plus@ecole.example.org`, language: 'fr' });
    expect([tooMany.missingCodes, tooMany.assigned, tooMany.pending]).toEqual([1, 0, 0]);
    expect(tooMany.lines.filter((l) => l.status === 'not_sent').every((l) => l.reason === 'codes_missing')).toBe(true);
    expect(voucherMails(inbox)).toEqual([]);

    const result = await ok<VoucherAssignResultDto>(desk, 'vouchers.assignList', { pasted, language: 'fr' });

    const junk = pasted.split('\n').map((text, i) => ({ text, line: i + 1 })).filter(({ text }) => text !== '' && !good.some((g) => text.endsWith(g) || text.endsWith(`<${g}>`)));
    expect(result.assigned).toBe(40);
    expect(result.refused).toBe(junk.length);
    expect(result.missingCodes).toBe(0);
    expect(result.lines.map((l) => l.line)).toEqual([...result.lines.map((l) => l.line!)].sort((a, b) => a - b));
    const reasons = new Set(result.lines.filter((l) => l.status === 'refused').map((l) => l.reason));
    expect(reasons).toEqual(new Set(['not_an_address', 'duplicate', 'too_long']));
    const assigned = result.lines.filter((l) => l.status === 'assigned');
    expect(assigned.map((l) => l.email)).toEqual(good);
    // In order: the oldest free codes, one each.
    expect(new Set(assigned.map((l) => l.code)).size).toBe(40);
    expect(assigned.every((l) => codes.some((c) => c.code === l.code))).toBe(true);
    for (const line of assigned) expect((await inbox.messageTo(line.email!)).text).toContain(line.code!);
    expect(voucherMails(inbox)).toHaveLength(40);
    expect(assigned[0]!.name).toBe('Élève 0');

    await colleague.sync.syncNow();
    const seen = new Map((await listed(colleague)).map((v) => [v.code, v]));
    for (const line of assigned) expect(seen.get(line.code!)!.assignedTo).toBe(line.email);
    expect(seen.get(assigned[0]!.code!)!.assignedName).toBe('Élève 0');
  });

  it('keeps an assignment made offline, shows it pending, and sends it once when the connection returns', async () => {
    const { inbox, central, office } = await setUp();
    const [voucher] = await buyVouchers(central, office, 1);
    const proxy = await startCuttableProxy(central.url);
    cleanups.push(proxy.close);
    const desk = await deskOn(proxy.url, office);

    proxy.cut();
    const result = await ok<VoucherAssignResultDto>(desk, 'vouchers.assign', {
      assignments: [{ voucherId: voucher!.id, email: 'Lea.Durand@example.org', name: 'Léa Durand' }], language: 'en',
    });
    expect(result.lines.map((l) => [l.status, l.email, l.code])).toEqual([['pending', 'lea.durand@example.org', voucher!.code]]);
    expect((await listed(desk))[0]).toMatchObject({ code: voucher!.code, assignedTo: null, pendingEmail: 'lea.durand@example.org' });
    expect((await desk.sync.syncNow()).pendingChanges).toBe(1);
    // Asking again while it waits is refused: the code is already on its way to someone.
    const again = await ok<VoucherAssignResultDto>(desk, 'vouchers.assign', { assignments: [{ voucherId: voucher!.id, email: 'tom@example.org' }] });
    expect(again.lines.map((l) => [l.status, l.reason])).toEqual([['refused', 'VOUCHER_NOT_FREE']]);
    expect(voucherMails(inbox)).toEqual([]);

    proxy.restore();
    expect((await desk.sync.syncNow()).pendingChanges).toBe(0);
    await desk.sync.syncNow();
    await desk.sync.syncNow();

    const mail = await inbox.messageTo('lea.durand@example.org');
    expect(mail.subject).toBe('Your voucher — Musée des Arts Décoratifs – Contremarques');
    expect(mail.text).toContain(voucher!.code);
    expect(voucherMails(inbox)).toHaveLength(1);
    expect((await listed(desk))[0]).toMatchObject({ assignedTo: 'lea.durand@example.org', assignedName: 'Léa Durand', pendingEmail: null });
  });

  it('refuses a code unknown to the office, or asked twice at once, on its own line', async () => {
    const { inbox, central, office } = await setUp();
    const [a] = await buyVouchers(central, office, 1);
    const desk = await deskOn(central.url, office);
    const result = await ok<VoucherAssignResultDto>(desk, 'vouchers.assign', { assignments: [
      { voucherId: a!.id, email: 'one@example.org' }, { voucherId: a!.id, email: 'two@example.org' }, { voucherId: 'no-such-voucher', email: 'three@example.org' },
    ] });
    expect(result.lines.map((l) => [l.email, l.status, l.reason])).toEqual([
      ['one@example.org', 'assigned', null], ['two@example.org', 'refused', 'VOUCHER_NOT_FREE'], ['three@example.org', 'refused', 'VOUCHER_UNKNOWN'],
    ]);
    expect(voucherMails(inbox)).toHaveLength(1);
  });
});
