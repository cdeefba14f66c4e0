// One office sending large ticket e-mails must not freeze the service for everyone (issue 11
// §6): the PDFs are drawn off the event loop, and an office can have only so many e-mails under
// way. Every render stops at a test-only hold in the thread drawing it, so "while a bundle is
// being drawn" is a fact the test controls, not a race it hopes to win.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignTicketsResponseSchema } from '../../src-main/contract/centralApi.std.ts';
import { createRenderHold, type RenderHold } from '../../src-central/mail/renderHold.node.ts';
import { TICKET_MAILS_RETRY_AFTER_SECONDS } from '../../src-central/mail/ticketMailSlots.node.ts';
import { TEST_SEED_MONTHS } from '../support/seedDemoCatalogue.node.ts';
import { startTestCentral, testDatabase } from '../support/testCentral.node.ts';
import { startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.node.ts';
import { Desk, group, validatedDesk } from './centralTestClient.node.ts';
import { applyToAll, checkoutRequest, companion, pay, putsOf } from './orderTestKit.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
/** Two bundles may be drawn at once, and an office may have two e-mails under way. */
const WORKERS = 2;
const PER_OFFICE = 2;

let inbox: SmtpInbox;
let hold: RenderHold;
let central: Awaited<ReturnType<typeof startTestCentral>>;
let busy: Desk;
let other: Desk;
/** Renders that have reached the hold since the service started. */
let arrivals = 0;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  hold = createRenderHold();
  central = await startTestCentral({
    now: () => clock.now, sweepEveryMs: 0,
    mail: { smtpUrl: inbox.url, from: '"Guichet" <billetterie@guichet.example>' },
    ticketPdfWorkers: WORKERS, ticketMailsPerOffice: PER_OFFICE, ticketPdfHold: hold.buffer,
  });
  busy = await validatedDesk(central, 'Voyages Pressés');
  other = await validatedDesk(central, 'Voyages Autres');
});
afterAll(async () => {
  hold.open();
  await central.close();
  await inbox.close();
});

let nextSlot = 0;
/** A free Conciergerie slot (26 people at most) for each group. */
const slot = () => `conciergerie:${new Date(Date.parse('2025-04-23T07:30:00Z') + 15 * 60_000 * nextSlot++).toISOString()}`;

/** A paid order of `groups` groups of 25 visitors and a guide: 26 tickets each. */
async function paidOrder(of: Desk, groups: number) {
  const guide = await companion(of, 'guide');
  const items = [];
  for (let i = 0; i < groups; i++) {
    const placed = await of.place(slot(), group(25, 1));
    if (placed.status !== 'applied') throw new Error(`place: ${placed.code}`);
    items.push({ kind: 'option' as const, optionId: placed.option!.id, designations: applyToAll(group(25, 1), guide) });
  }
  return pay(of, checkoutRequest(items));
}

const toOffice = { ticketIds: null, to: { kind: 'office' }, language: 'fr' };
const assign = (of: Desk, orderId: string) => of.authed('POST', `/orders/${orderId}/assign`, toOffice);
const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

/** A POST sent on a socket of its own, which the test can then drop. */
async function rawRequest(url: string, route: string, token: string, body: unknown): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  await once(socket, 'connect');
  const json = JSON.stringify(body);
  socket.write(`POST ${route} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\n`
    + `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
  return socket;
}

/** Resolves once `count` more renders have reached the hold. */
async function rendersStopped(count: number) {
  arrivals += count;
  await hold.arrived(arrivals);
}

describe('one office sending many tickets by e-mail', () => {
  it("a 52-ticket assignment by one office does not stall another office's requests", async () => {
    const { order, tickets } = await paidOrder(busy, 2);
    expect(tickets).toHaveLength(52);
    const sending = assign(busy, order.id);
    await rendersStopped(1);

    // While the 52 tickets are being drawn, the other office pulls, saves a contact and books.
    const { patch } = await other.pullAll(null);
    expect(putsOf(patch, 'venue').length).toBeGreaterThan(0);
    const saved = await other.mutate('contact.save', { contactId: randomUUID(), surname: 'Bernard', firstName: 'Chloé', email: 'chloe@example.org' });
    expect(saved.status).toBe('applied');
    expect((await other.place(slot(), group(12))).status).toBe('applied');
    expect(hold.stopped()).toBe(1);

    hold.letGo();
    const answer = await sending;
    expect(answer.status).toBe(200);
    expect(AssignTicketsResponseSchema.parse(answer.body).tickets).toHaveLength(52);
    const mail = inbox.mailTo(busy.email).find((m) => m.subject === `Vos billets — commande ${order.number}`);
    expect(pages(mail!.attachments[0]!.content)).toBe(52);
  });

  it('an office with too many ticket e-mails under way is answered 429 with Retry-After, while another office is still served', async () => {
    const orders: { id: string }[] = [];
    for (let i = 0; i < PER_OFFICE + 1; i++) orders.push((await paidOrder(busy, 1)).order);
    const theirs = (await paidOrder(other, 1)).order;
    const underWay = orders.slice(0, PER_OFFICE).map((order) => assign(busy, order.id));
    await rendersStopped(PER_OFFICE);

    const refused = await assign(busy, orders[PER_OFFICE]!.id);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(TICKET_MAILS_RETRY_AFTER_SECONDS));
    expect(refused.body.error).toMatchObject({ code: 'TICKET_MAILS_BUSY', retryAfterSeconds: TICKET_MAILS_RETRY_AFTER_SECONDS });
    expect(refused.body.error.message).toMatch(/already has 2 ticket e-mails under way.*Nothing was assigned/);
    // Nothing of the refused one was assigned.
    expect(putsOf((await busy.pullAll(null)).patch, 'ticket').filter((t) => t.orderId === orders[PER_OFFICE]!.id && t.assignedTo)).toEqual([]);

    // The other office's e-mail is taken, and drawn as soon as a thread is free.
    const theirSending = assign(other, theirs.id);
    expect((await other.pull(null)).patch.length).toBeGreaterThan(0);
    hold.letGo();
    await rendersStopped(1);
    hold.letGo(2);
    expect((await theirSending).status).toBe(200);
    expect((await Promise.all(underWay)).map((a) => a.status)).toEqual([200, 200]);

    // Once its e-mails have gone, the office may send again.
    const again = assign(busy, orders[PER_OFFICE]!.id);
    await rendersStopped(1);
    hold.letGo();
    expect((await again).status).toBe(200);
  });

  it('a bundle whose drawing thread dies assigns nothing, says so, and the same assignment then goes through', async () => {
    const { order } = await paidOrder(busy, 1);
    const { cookie } = await busy.pullAll(null);
    const failing = assign(busy, order.id);
    await rendersStopped(1);
    hold.letGo(1, 'crash');
    const answer = await failing;
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('MAIL_FAILED');
    expect(answer.body.error.message).toMatch(/could not be made into a PDF.*Nothing was assigned; try again/);
    expect((await busy.pull(cookie)).patch).toEqual([]);

    const retried = assign(busy, order.id);
    await rendersStopped(1);
    hold.letGo();
    expect((await retried).status).toBe(200);
    expect(AssignTicketsResponseSchema.parse((await retried).body).tickets).toHaveLength(26);
  });
});

describe('closing the service while bundles are being drawn', () => {
  it('waits for them: each e-mail goes and its assignment is recorded, even when the desk has hung up', async () => {
    // A database that outlives the service, to open it again afterwards.
    const database = await testDatabase(clock.now, TEST_SEED_MONTHS);
    const dataDir = database ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-closing-'));
    const closingHold = createRenderHold();
    const options = {
      databaseUrl: database?.url, dataDir, now: () => clock.now, sweepEveryMs: 0, mail: { smtpUrl: inbox.url, from: 'billetterie@guichet.example' },
    };
    const closing = await startTestCentral({ ...options, ticketPdfWorkers: 2, ticketPdfHold: closingHold.buffer });
    let reopened: Awaited<ReturnType<typeof startTestCentral>> | undefined;
    try {
      const office = await validatedDesk(closing, 'Voyages Tardifs');
      const waited = (await paidOrder(office, 1)).order;
      const hungUp = (await paidOrder(office, 1)).order;
      const answered = assign(office, waited.id);
      await closingHold.arrived(1);
      // The other desk's connection drops (reset) while its bundle is drawn: nobody waits for that answer.
      const dropped = await rawRequest(closing.url, `/orders/${hungUp.id}/assign`, office.session.accessToken, toOffice);
      await closingHold.arrived(2);
      dropped.resetAndDestroy();

      const closed = closing.close();
      // The answered one first: once it has gone, only the dropped one is left under way.
      closingHold.letGo();
      expect((await answered).status).toBe(200);
      closingHold.letGo();
      await closed;
      // The office's account e-mails (created, validated) came before; these are the tickets'.
      expect(inbox.mailTo(office.email).map((m) => m.subject).filter((subject) => subject?.startsWith('Vos billets')).sort())
        .toEqual([`Vos billets — commande ${hungUp.number}`, `Vos billets — commande ${waited.number}`].sort());

      reopened = await startTestCentral(options);
      const after = new Desk(reopened.url, office.session, office.email);
      const assigned = putsOf((await after.pullAll(null)).patch, 'ticket').filter((t) => t.assignedTo?.email === office.email);
      expect(new Set(assigned.map((t) => t.orderId))).toEqual(new Set([waited.id, hungUp.id]));
    } finally {
      closingHold.open();
      await closing.close();
      await reopened?.close();
      await database?.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
