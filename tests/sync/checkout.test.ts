// Paying the cart against a real central service on loopback: refusals keep the cart and the
// held seats, a card payment turns the cart into an order with its tickets, a bank transfer
// waits for the back office, a lost connection loses nothing and never pays twice.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { methods } from '../../src-main/contract/methods.std.ts';
import type { OrderDetailDto, OrderRowDto, TicketRowDto } from '../../src-main/contract/orderSchemas.std.ts';
import type { CartDto } from '../../src-main/contract/schemas.std.ts';
import { readSetting } from '../../src-main/core/store/settingsRepo.node.ts';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { startCuttableProxy } from '../support/cuttableProxy.node.ts';
import { tempCore, tempDir, type TempCore } from '../support/tempCore.node.ts';
import { ok, options, slotAt } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = new Date('2025-01-10T09:00:00Z');
const card = (number: string) => ({ method: 'card', card: { number, expiry: '12/29', cvc: '123', holder: 'Camille Martin' } });
const cartOf = (desk: TempCore) => ok<CartDto>(desk, 'cart.get');

async function setUp(mailDropDir?: string) {
  const central = await startCentralHarness(NOW, mailDropDir ? { mail: { from: 'billetterie@guichet.example', dropDir: mailDropDir } } : {});
  cleanups.push(central.close);
  return central;
}

/** The e-mails the central service wrote to its drop folder, as raw text. */
const mailsIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : []);

async function deskOn(central: CentralHarness, centralUrl = central.url, credentials?: { email: string; password: string }) {
  const desk = await tempCore(NOW, { centralUrl });
  cleanups.push(() => desk.close());
  await ok(desk, 'account.signIn', credentials ?? await central.validatedOffice());
  await desk.sync.syncNow();
  return desk;
}

async function cuttableDesk(central: CentralHarness) {
  const proxy = await startCuttableProxy(central.url);
  cleanups.push(proxy.close);
  return { proxy, desk: await deskOn(central, proxy.url) };
}

/** Relays to the central service; while `loseAnswers` is set, a payment reaches it but its answer never comes back. */
async function lossyRelay(central: CentralHarness) {
  const relay = { url: '', loseAnswers: false };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(new URL(req.url!, central.url), {
      method: req.method, headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' },
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await answer.arrayBuffer());
    if (relay.loseAnswers && req.url === '/orders/checkout') return void res.socket?.destroy();
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  relay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return relay;
}

const companion = (desk: TempCore, surname: string, kind: 'guide' | 'leader' = 'guide') =>
  ok<{ id: string }>(desk, 'companions.save', { kind, surname, firstName: 'Anna', email: `${surname.toLowerCase()}@example.org`, phone: '+33 6 12 34 56 78', placeholder: false });

/** The seed's order: 16 visitors and their tour guide at the Sainte-Chapelle on 18 March 2025, 13:15 (272,00 €), held and in the cart. */
async function heldOptionInCart(desk: TempCore) {
  const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '13:15');
  const option = await ok<{ id: string }>(desk, 'options.place', { slotId: slot.id, composition: { visitors: 16, guides: 1, leaders: 0 } });
  await desk.sync.syncNow();
  const cart = await ok<CartDto>(desk, 'cart.add', { optionIds: [option.id] });
  expect(cart.totalCents).toBe(27200);
  return { optionId: option.id, slot, cart };
}

const optionState = async (desk: TempCore, id: string) => (await options(desk)).find((o) => o.id === id)?.state;

describe('paying the cart', () => {
  it('refused while a guide names nobody, and when a companion was deleted on another workstation: the cart and the option are kept', async () => {
    const central = await setUp();
    const credentials = await central.validatedOffice('Voyages Partagés');
    const desk = await deskOn(central, central.url, credentials);
    const colleague = await deskOn(central, central.url, credentials);
    const { optionId, cart } = await heldOptionInCart(desk);

    expect(await desk.dispatch('cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) })).toMatchObject({
      ok: false, error: { code: 'RULE_VIOLATION', message: 'Not all accompanying leaders are designated', details: { rule: 'COMPANIONS_MISSING', count: 1 } },
    });
    expect(await cartOf(desk)).toEqual(cart);

    const anna = await companion(desk, 'NDIAYE');
    await desk.sync.syncNow();
    await ok(desk, 'cart.applyToAll', { companionId: anna.id });
    await colleague.sync.syncNow();
    await ok(colleague, 'companions.delete', { id: anna.id });
    await colleague.sync.syncNow();
    // This workstation has not heard of the deletion yet: the central service refuses.
    const designated = await cartOf(desk);
    expect(designated.undesignated).toBe(0);
    expect(await desk.dispatch('cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) })).toMatchObject({
      ok: false, error: { code: 'CENTRAL_REFUSED', details: { reason: 'COMPANIONS_MISSING', missingCount: 1 } },
    });
    expect(await cartOf(desk)).toEqual(designated);
    await desk.sync.syncNow();
    expect(await optionState(desk, optionId)).toBe('active');
    expect((await cartOf(desk)).undesignated).toBe(1);
    expect(await ok(desk, 'orders.list')).toEqual([]);
  });

  it('Apply to all, then a card: an order with its tickets, the option confirmed, a Vincennes group bought at once, the cart empty', async () => {
    const central = await setUp();
    const desk = await deskOn(central);
    const { optionId } = await heldOptionInCart(desk);
    const vincennes = await slotAt(desk, 'chateau-de-vincennes', '2025-03-18', '14:00');
    const bought = await ok<CartDto>(desk, 'cart.buyNow', { slotId: vincennes.id, composition: { visitors: 10, guides: 0, leaders: 1 } });
    const directId = bought.groups.find((g) => g.kind === 'direct')!.itemId;
    const anna = await companion(desk, 'NDIAYE');
    expect((await ok<CartDto>(desk, 'cart.applyToAll', { companionId: anna.id })).undesignated).toBe(0);
    const announced: string[] = [];
    desk.on('orders.changed', () => announced.push('orders'));
    desk.on('cart.changed', ({ count }) => announced.push(`cart ${count}`));

    // The companion was created a moment ago: paying sends it first.
    const detail = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) });
    expect(methods['cart.checkout'].output.safeParse(detail).success).toBe(true);
    expect(announced).toEqual(expect.arrayContaining(['orders', 'cart 0']));
    expect(detail.row).toMatchObject({ state: 'paid', paymentMethod: 'card', totalCents: 27200 + 11 * 1050, ticketCount: 17 + 11 });
    expect(detail.row.venueNames.sort()).toEqual(['Château de Vincennes', 'Sainte-Chapelle']);
    expect(detail.order.bookings.map((b) => b.optionId).sort()).toEqual([optionId, directId].sort());
    expect(detail.order.bookings.flatMap((b) => b.companions.map((c) => c.surname))).toEqual(['NDIAYE', 'NDIAYE']);
    expect(await cartOf(desk)).toMatchObject({ groups: [], totalCents: 0, undesignated: 0 });
    expect(await optionState(desk, optionId)).toBe('confirmed');

    await desk.sync.syncNow();
    const [row] = await ok<OrderRowDto[]>(desk, 'orders.list', { from: '2025-01-10', to: '2025-01-10' });
    expect(row).toMatchObject({ id: detail.row.id, number: detail.row.number, ticketCount: 28 });
    const tickets = await ok<TicketRowDto[]>(desk, 'tickets.list');
    expect(tickets).toHaveLength(28);
    expect(tickets.every((t) => t.orderNumber === detail.row.number && t.state === 'valid')).toBe(true);
    expect(tickets.filter((t) => t.venueName === 'Sainte-Chapelle').map((t) => t.kind).sort()).toEqual(['guide', ...Array(16).fill('visitor')]);
    // What was bought at once is now a confirmed booking the service holds, not a cart item.
    expect(await optionState(desk, directId)).toBe('confirmed');
    expect(await cartOf(desk)).toMatchObject({ groups: [] });
    expect(readSetting(desk.store.db, 'cart.checkoutId')).toBeUndefined();
    // Each sub-group's group code is on the desk too, for covers printed offline.
    const codes = desk.store.sqlite.prepare('SELECT id, state, value FROM group_codes ORDER BY id').all() as { id: string; state: string; value: string }[];
    expect(codes.map((c) => c.id)).toEqual([optionId, directId].sort());
    expect(codes.every((c) => c.state === 'valid' && JSON.parse(c.value).qr.startsWith('GCG1.'))).toBe(true);
  });

  it('a declined card: CENTRAL_REFUSED PAYMENT_DECLINED, the cart and the held option kept; another card then pays', async () => {
    const central = await setUp();
    const desk = await deskOn(central);
    const { optionId } = await heldOptionInCart(desk);
    await ok(desk, 'cart.applyToAll', { companionId: (await companion(desk, 'NDIAYE')).id });
    const before = await cartOf(desk);

    expect(await desk.dispatch('cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.declined) })).toMatchObject({
      ok: false, error: { code: 'CENTRAL_REFUSED', details: { reason: 'PAYMENT_DECLINED', declineReason: 'card_declined' } },
    });
    expect(await cartOf(desk)).toEqual(before);
    await desk.sync.syncNow();
    expect(await optionState(desk, optionId)).toBe('active');
    expect(await cartOf(desk)).toEqual(before);

    const paid = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) });
    expect(paid.row.state).toBe('paid');
  });

  it('a bank transfer: awaiting the transfer with no tickets, until the back office receives it and the desktop syncs', async () => {
    const central = await setUp();
    const desk = await deskOn(central);
    const { optionId } = await heldOptionInCart(desk);
    await ok(desk, 'cart.applyToAll', { companionId: (await companion(desk, 'NDIAYE')).id });

    const ordered = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: { method: 'transfer' } });
    expect(ordered.row).toMatchObject({ state: 'awaiting_transfer', paymentMethod: 'transfer', ticketCount: 0 });
    expect(ordered.tickets).toEqual([]);
    expect(await cartOf(desk)).toMatchObject({ groups: [] });
    await desk.sync.syncNow();
    expect(await optionState(desk, optionId)).toBe('confirmed');
    expect(await ok(desk, 'orders.list', { state: 'awaiting_transfer' })).toHaveLength(1);

    const received = await central.admin(`/admin/orders/${ordered.row.id}/transfer-received`, {});
    expect(received.status).toBe(200);
    const announced: string[] = [];
    desk.on('orders.changed', () => announced.push('orders'));
    await desk.sync.syncNow();
    expect(announced).toEqual(['orders']);
    const paid = await ok<OrderDetailDto>(desk, 'orders.get', { orderId: ordered.row.id });
    expect(paid.row).toMatchObject({ state: 'paid', ticketCount: 17 });
    expect(await ok(desk, 'orders.list', { state: 'awaiting_transfer' })).toEqual([]);
  });

  it('the receipt: a PDF named after the order, with its number and 272,00 €', async () => {
    const central = await setUp();
    const desk = await deskOn(central);
    await heldOptionInCart(desk);
    await ok(desk, 'cart.applyToAll', { companionId: (await companion(desk, 'NDIAYE')).id });
    const { row } = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) });

    const receipt = await ok<{ fileName: string; base64: string }>(desk, 'orders.receipt', { orderId: row.id });
    expect(methods['orders.receipt'].output.safeParse(receipt).success).toBe(true);
    expect(receipt.fileName).toBe(`justificatif-${row.number}.pdf`);
    const pdf = Buffer.from(receipt.base64, 'base64');
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const file = path.join(tempDir(), receipt.fileName);
    cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain(row.number);
    expect(text).toContain('272,00 €');
  });

  it('offline: refused with OFFLINE and nothing lost; back online, the same payment goes through once', async () => {
    const central = await setUp();
    const { proxy, desk } = await cuttableDesk(central);
    const { optionId } = await heldOptionInCart(desk);

    proxy.cut();
    // A companion created offline has not reached the service: paying would name someone it does not know.
    await ok(desk, 'cart.applyToAll', { companionId: (await companion(desk, 'NDIAYE')).id });
    const before = await cartOf(desk);
    const pay = () => desk.dispatch('cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) });
    expect(await pay()).toEqual({ ok: false, error: { code: 'OFFLINE', message: 'Payment needs the connection; your cart is kept.' } });
    expect(await cartOf(desk)).toEqual(before);
    expect((await ok<{ pendingChanges: number }>(desk, 'sync.status')).pendingChanges).toBe(1);

    proxy.restore();
    await desk.sync.syncNow();
    proxy.cut();
    // Everything has reached the service; only the payment call is lost on the way.
    expect(await pay()).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    const attempt = readSetting<string>(desk.store.db, 'cart.checkoutId');
    expect(attempt).toEqual(expect.any(String));
    expect(await cartOf(desk)).toEqual(before);
    expect(await optionState(desk, optionId)).toBe('active');

    proxy.restore();
    const paid = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) });
    expect(paid.row.id).toBe(attempt);
    await desk.sync.syncNow();
    expect(await ok(desk, 'orders.list')).toHaveLength(1);
    expect(await cartOf(desk)).toMatchObject({ groups: [] });
  });

  it('a payment whose answer was lost: the retry gets the order already paid, and nothing is paid twice', async () => {
    const central = await setUp();
    const relay = await lossyRelay(central);
    const desk = await deskOn(central, relay.url);
    const { optionId } = await heldOptionInCart(desk);
    await ok(desk, 'cart.applyToAll', { companionId: (await companion(desk, 'NDIAYE')).id });
    await desk.sync.syncNow();

    relay.loseAnswers = true;
    expect(await desk.dispatch('cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) }))
      .toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    expect((await cartOf(desk)).groups.map((g) => g.itemId)).toEqual([optionId]);
    const attempt = readSetting<string>(desk.store.db, 'cart.checkoutId');

    relay.loseAnswers = false;
    const paid = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) });
    expect(paid.row.id).toBe(attempt);
    expect(paid.row.ticketCount).toBe(17);
    await desk.sync.syncNow();
    expect(await ok(desk, 'orders.list')).toHaveLength(1);
    expect(await optionState(desk, optionId)).toBe('confirmed');
    expect(await cartOf(desk)).toMatchObject({ groups: [] });
  });

  it('tickets sent to a contact created a moment ago: the contact goes first, then the mail; the tickets say whom they went to', async () => {
    const mailDir = tempDir();
    cleanups.push(() => fs.rmSync(mailDir, { recursive: true, force: true }));
    const central = await setUp(mailDir);
    const desk = await deskOn(central);
    await heldOptionInCart(desk);
    await ok(desk, 'cart.applyToAll', { companionId: (await companion(desk, 'NDIAYE')).id });
    const { row } = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) });
    await desk.sync.syncNow();

    const lola = await ok<{ id: string; pending: boolean }>(desk, 'contacts.save', { surname: 'LAGO', firstName: 'Lola', email: 'lola@example.org' });
    expect(lola.pending).toBe(true);
    const announced: string[] = [];
    desk.on('orders.changed', () => announced.push('orders'));
    const sent = await ok<{ sentTo: string; count: number }>(desk, 'orders.assign', { orderId: row.id, ticketIds: null, to: { kind: 'contact', contactId: lola.id } });
    expect(methods['orders.assign'].output.safeParse(sent).success).toBe(true);
    expect(sent).toEqual({ sentTo: 'lola@example.org', count: 17 });
    expect(announced).toContain('orders');
    expect(await ok(desk, 'contacts.list')).toEqual([expect.objectContaining({ id: lola.id, pending: false })]);
    const tickets = await ok<TicketRowDto[]>(desk, 'tickets.list');
    expect(tickets.map((t) => t.assignedTo && [t.assignedTo.name, t.assignedTo.email])).toEqual(Array(17).fill(['Lola LAGO', 'lola@example.org']));
    expect(mailsIn(mailDir).filter((m) => m.includes('lola@example.org'))).toHaveLength(1);

    const [first] = tickets;
    const toOffice = await ok<{ sentTo: string; count: number }>(desk, 'orders.assign', { orderId: row.id, ticketIds: [first!.id], to: { kind: 'office' } });
    expect(toOffice).toMatchObject({ count: 1, sentTo: expect.stringMatching(/^office-.*@example\.org$/) });
    expect(await desk.dispatch('orders.assign', { orderId: 'no-such-order', ticketIds: null, to: { kind: 'office' } }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'order' } } });
  });

  it('a visit cancelled by the venue: the order owes a refund, its tickets are void, and the desktop lists the companions to call', async () => {
    const central = await setUp();
    const desk = await deskOn(central);
    const { slot } = await heldOptionInCart(desk);
    await ok(desk, 'cart.applyToAll', { companionId: (await companion(desk, 'NDIAYE')).id });
    const { row } = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) });
    await desk.sync.syncNow();

    expect((await central.admin(`/admin/slots/${slot.id}/cancel`, {})).status).toBe(200);
    const announced: string[] = [];
    desk.on('orders.changed', () => announced.push('orders'));
    await desk.sync.syncNow();
    expect(announced).toEqual(['orders']);
    const detail = await ok<OrderDetailDto>(desk, 'orders.get', { orderId: row.id });
    expect(detail.row.state).toBe('to_be_refunded');
    expect(detail.order.refundCents).toBe(27200);
    expect(detail.tickets.every((t) => t.state === 'cancelled')).toBe(true);
    expect(detail.companionsToCall).toEqual([{
      name: 'Anna NDIAYE', email: 'ndiaye@example.org', phone: '+33 6 12 34 56 78', venueName: 'Sainte-Chapelle', startsAt: slot.startsAt,
    }]);
    // Nothing to export any more, and the office is told why.
    expect(await desk.dispatch('tickets.csv', { orderId: row.id })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { rule: 'ALL_TICKETS_VOIDED' } } });
  });
});

describe('ticket numbers as CSV', () => {
  it('one line per ticket with its signed code, as a French spreadsheet reads it, from the local store with the service down', async () => {
    const central = await setUp();
    const cable = await startCuttableProxy(central.url);
    cleanups.push(cable.close);
    const desk = await deskOn(central, cable.url);
    const { optionId } = await heldOptionInCart(desk);
    await ok(desk, 'cart.applyToAll', { companionId: (await companion(desk, 'NDIAYE')).id });
    const { row } = await ok<OrderDetailDto>(desk, 'cart.checkout', { termsAccepted: true, payment: card(TEST_CARDS.approved) });
    await desk.sync.syncNow();
    cable.cut();

    const file = await ok<{ fileName: string; base64: string; count: number; leftOut: unknown[] }>(desk, 'tickets.csv', { orderId: row.id, language: 'fr' });
    expect(methods['tickets.csv'].output.safeParse(file).success).toBe(true);
    expect(file).toMatchObject({ fileName: `billets-${row.number}.csv`, count: 17, leftOut: [] });
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const [header, ...body] = lines.slice(0, -1).map((line) => line.split(';'));
    expect(header).toEqual(['Numéro de billet', 'Code signé', 'Monument', 'Date', 'Heure', 'Produit', 'Porteur', 'Commande', 'Valable jusqu’au']);
    expect(body).toHaveLength(17);
    const tickets = (await ok<OrderDetailDto>(desk, 'orders.get', { orderId: row.id })).tickets;
    const stored = new Map((desk.store.sqlite.prepare('SELECT number, value FROM tickets').all() as { number: string; value: string }[])
      .map((t) => [t.number, JSON.parse(t.value) as { qr: string; label: { fr: string } }]));
    for (const fields of body) {
      const [number, code, venue, date, time, product, holder, order] = fields;
      expect(tickets.map((t) => t.number)).toContain(number);
      expect(code).toBe(stored.get(number!)!.qr);
      expect(product).toBe(stored.get(number!)!.label.fr);
      expect([venue, date, time, holder, order]).toEqual(['Sainte-Chapelle', '18/03/2025', '13:15', '', row.number]);
    }
    expect(await optionState(desk, optionId)).toBe('confirmed');
  });
});
