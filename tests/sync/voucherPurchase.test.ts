// Buying vouchers at the desk against a real central service on loopback: through the same cart
// as options, by card (codes at once) or by transfer (codes once the back office receives it),
// listed with museum, tariff, order and status, and exported for an order or a selection.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { methods } from '../../src-main/contract/methods.std.ts';
import type { OrderDetailDto } from '../../src-main/contract/orderSchemas.std.ts';
import type { CartDto, VoucherRowDto } from '../../src-main/contract/schemas.std.ts';
import { signUpForm } from '../support/signUpForm.std.ts';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { startSmtpInbox } from '../support/smtpInbox.node.ts';
import { tempCore, tempDir, type TempCore } from '../support/tempCore.node.ts';
import { ok } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = new Date('2025-01-10T09:00:00Z');
const card = { method: 'card', card: { number: TEST_CARDS.approved, expiry: '12/29', cvc: '123', holder: 'Camille Martin' } };

async function setUp(options?: Parameters<typeof startCentralHarness>[1]) {
  const central = await startCentralHarness(NOW, options);
  cleanups.push(central.close);
  return central;
}

async function deskOn(central: CentralHarness, credentials?: { email: string; password: string }) {
  const desk = await tempCore(NOW, { centralUrl: central.url });
  cleanups.push(() => desk.close());
  await ok(desk, 'account.signIn', credentials ?? await central.validatedOffice());
  await desk.sync.syncNow();
  return desk;
}

const codes = (desk: TempCore) => ok<VoucherRowDto[]>(desk, 'vouchers.list');

describe('buying vouchers at the desk', () => {
  it('offers the synced museums with their tariffs, and puts vouchers in the cart beside nothing else', async () => {
    const desk = await deskOn(await setUp());
    const museums = await ok<{ name: string; tariffs: { id: string; priceCents: number; validityMonths: number }[] }[]>(desk, 'vouchers.catalogue');
    expect(museums.map((m) => m.name)).toEqual(['Musée des Arts Décoratifs – Contremarques', 'Musée Nissim de Camondo']);
    expect(museums[0]!.tariffs[0]).toMatchObject({ id: 'mad-contremarques:plein', priceCents: 1500, validityMonths: 12 });

    await ok(desk, 'cart.addVouchers', { tariffId: 'mad-contremarques:plein', quantity: 20 });
    const cart = await ok<CartDto>(desk, 'cart.addVouchers', { tariffId: 'mad-contremarques:plein', quantity: 10 });
    expect(methods['cart.get'].output.safeParse(cart).success).toBe(true);
    expect(cart.vouchers).toEqual([expect.objectContaining({
      museumName: 'Musée des Arts Décoratifs – Contremarques', label: { fr: 'Contremarque plein tarif', en: 'Voucher, full price' },
      unitCents: 1500, quantity: 30, totalCents: 45_000,
    })]);
    expect(cart.totalCents).toBe(45_000);

    const tooMany = await desk.dispatch('cart.addVouchers', { tariffId: 'mad-contremarques:plein', quantity: 971 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'TOO_MANY_VOUCHERS', inCart: 30 } } });
    expect(await desk.dispatch('cart.addVouchers', { tariffId: 'louvre:plein', quantity: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await ok<CartDto>(desk, 'cart.get')).vouchers[0]!.quantity).toBe(30);
  });

  it('pays by card: the order has its voucher line, the codes are listed at once and the cart is empty', async () => {
    const desk = await deskOn(await setUp());
    await ok(desk, 'cart.addVouchers', { tariffId: 'mad-contremarques:plein', quantity: 30 });
    await ok(desk, 'cart.addVouchers', { tariffId: 'nissim-de-camondo:reduit', quantity: 2 });
    const order = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: card });
    expect(order.row.state).toBe('paid');
    expect(order.order.voucherLines.map((l) => [l.museumName, l.quantity, l.totalCents]))
      .toEqual([['Musée des Arts Décoratifs – Contremarques', 30, 45_000], ['Musée Nissim de Camondo', 2, 2_200]]);
    expect(await ok<CartDto>(desk, 'cart.get')).toMatchObject({ groups: [], vouchers: [], totalCents: 0 });

    const listed = await codes(desk);
    expect(methods['vouchers.list'].output.safeParse(listed).success).toBe(true);
    expect(listed).toHaveLength(32);
    expect(new Set(listed.map((v) => v.code)).size).toBe(32);
    expect(listed.every((v) => v.status === 'unassigned' && v.orderNumber === order.row.number)).toBe(true);
    expect(listed.filter((v) => v.museumId === 'nissim-de-camondo').map((v) => v.label?.fr)).toEqual(['Contremarque tarif réduit', 'Contremarque tarif réduit']);

    // Pulled again by sync, the same codes, not twice.
    await desk.sync.syncNow();
    expect((await codes(desk)).map((v) => v.code).sort()).toEqual(listed.map((v) => v.code).sort());
  });

  it('reaches the other workstation of the office with each state, and no workstation of another office', async () => {
    const inbox = await startSmtpInbox();
    cleanups.push(inbox.close);
    const central = await setUp({ mail: { smtpUrl: inbox.url, from: '"Guichet" <billetterie@guichet.example>' } });
    const office = await central.validatedOffice('Voyages Lumière');
    const [buyer, colleague] = [await deskOn(central, office), await deskOn(central, office)];
    const stranger = await deskOn(central, await central.validatedOffice('Autre Agence'));
    await ok(buyer, 'cart.addVouchers', { tariffId: 'mad-contremarques:plein', quantity: 3 });
    await ok(buyer, 'cart.checkout', { termsAccepted: true, payment: card });
    const [toRedeem, toAssign] = await codes(buyer);
    expect(await ok(buyer, 'vouchers.assign', { assignments: [{ voucherId: toAssign!.id, email: 'lea@example.org' }] })).toMatchObject({ assigned: 1 });
    const { tills } = await (await central.admin('/admin/voucher-tills')).json() as { tills: { museumId: string; token: string }[] };
    const redeemed = await fetch(new URL('/vouchers/redeem', central.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-till-token': tills.find((t) => t.museumId === 'mad-contremarques')!.token },
      body: JSON.stringify({ code: toRedeem!.code, till: 'Caisse 1' }),
    });
    expect(redeemed.status).toBe(200);

    await colleague.sync.syncNow();
    await stranger.sync.syncNow();
    const seen = new Map((await codes(colleague)).map((v) => [v.code, v]));
    expect(seen.size).toBe(3);
    expect(seen.get(toRedeem!.code)).toMatchObject({ status: 'used', used: true });
    expect(seen.get(toAssign!.code)).toMatchObject({ status: 'assigned', assignedTo: 'lea@example.org' });
    expect(await codes(stranger)).toEqual([]);
    // The other office still sees the museums, and can buy its own.
    expect((await ok<unknown[]>(stranger, 'vouchers.catalogue')).length).toBeGreaterThan(0);
  });

  it('pays by transfer: no code until the back office receives it, then the codes come by sync', async () => {
    const central = await setUp();
    const desk = await deskOn(central);
    await ok(desk, 'cart.addVouchers', { tariffId: 'nissim-de-camondo:plein', quantity: 5 });
    const order = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: { method: 'transfer' } });
    expect(order.row.state).toBe('awaiting_transfer');
    expect(await ok<CartDto>(desk, 'cart.get')).toMatchObject({ vouchers: [] });
    await desk.sync.syncNow();
    expect(await codes(desk)).toEqual([]);

    expect((await central.admin(`/admin/orders/${order.row.id}/transfer-received`, {})).status).toBe(200);
    const announced: string[] = [];
    desk.on('vouchers.changed', () => announced.push('vouchers'));
    await desk.sync.syncNow();
    expect(announced).toEqual(['vouchers']);
    const listed = await codes(desk);
    expect(listed).toHaveLength(5);
    expect(listed.every((v) => v.museumId === 'nissim-de-camondo' && v.status === 'unassigned' && v.orderId === order.row.id)).toBe(true);
  });

  it('an office the platform has not validated sees the museums but is told why it cannot buy yet', async () => {
    const central = await setUp();
    const email = `office-${crypto.randomUUID()}@example.org`;
    const password = 'Secret!2025x';
    await fetch(new URL('/auth/signup', central.url), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signUpForm(email, password, { company: 'Nouvelle Agence', contactName: 'Léa' })),
    });
    const desk = await deskOn(central, { email, password });
    expect(await ok<unknown[]>(desk, 'vouchers.catalogue')).toHaveLength(2);
    expect(await desk.dispatch('cart.addVouchers', { tariffId: 'mad-contremarques:plein', quantity: 1 }))
      .toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'ACCOUNT_NOT_VALIDATED' } } });
    expect(await ok<CartDto>(desk, 'cart.get')).toMatchObject({ vouchers: [] });
  });

  it('sorts used codes below the others once a till redeemed one, and exports a selection and an order with exactly their codes', async () => {
    const central = await setUp();
    const desk = await deskOn(central);
    await ok(desk, 'cart.addVouchers', { tariffId: 'mad-contremarques:reduit', quantity: 4 });
    const order = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: card });
    const before = await codes(desk);
    const { tills } = await (await central.admin('/admin/voucher-tills')).json() as { tills: { museumId: string; token: string }[] };
    const till = tills.find((t) => t.museumId === 'mad-contremarques')!;
    const redeemed = await fetch(new URL('/vouchers/redeem', central.url), {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-till-token': till.token }, body: JSON.stringify({ code: before[0]!.code }),
    });
    expect(redeemed.status).toBe(200);
    await desk.sync.syncNow();
    const after = await codes(desk);
    expect(after.map((v) => v.status)).toEqual(['unassigned', 'unassigned', 'unassigned', 'used']);
    expect(after[3]).toMatchObject({ code: before[0]!.code, used: true, usedAt: expect.any(String) });

    const chosen = [after[1]!, after[3]!];
    const xlsx = await ok<{ fileName: string; base64: string; count: number }>(desk, 'vouchers.export', {
      scope: { kind: 'selection', voucherIds: chosen.map((v) => v.id) }, format: 'xlsx', language: 'fr',
    });
    expect(xlsx).toMatchObject({ fileName: 'contremarques-2.xlsx', count: 2 });
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(xlsx.base64, 'base64');
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const columnK = sheet.getColumn('K').values.slice(2);
    expect(columnK).toEqual(chosen.map((v) => v.code));
    expect(sheet.getRow(3).getCell('F').value).toBe('Utilisé');

    const pdf = await ok<{ fileName: string; base64: string; count: number }>(desk, 'vouchers.export', {
      scope: { kind: 'order', orderId: order.row.id }, format: 'pdf', language: 'en',
    });
    expect(pdf).toMatchObject({ fileName: `vouchers-${order.row.number}.pdf`, count: 4 });
    const file = path.join(tempDir(), 'vouchers.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+4\n/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const v of after) expect(text).toContain(v.code);

    expect(await desk.dispatch('vouchers.export', { scope: { kind: 'selection', voucherIds: ['nope'] }, format: 'pdf' }))
      .toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'VOUCHERS_NOT_HERE', count: 1 } } });
  });
});
