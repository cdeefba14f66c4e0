// Ticket assignment ("Attribution de billets", DOMAIN.md §6) through a real SMTP server on
// loopback: the contact receives the tickets as a PDF, and the assignment is recorded — and
// pulled — only once the mail server has taken the message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignTicketsResponseSchema } from '../../src-main/contract/centralApi.std.ts';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { startCentral } from '../../src-central/central.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { group, MIGRATIONS_DIR, validatedDesk, type Desk } from './centralTestClient.node.ts';
import { simpleParser } from 'mailparser';
import { deadPort, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.node.ts';
import { applyToAll, byTransfer, checkoutRequest, companion, pay, putsOf } from './orderTestKit.node.ts';

const clock = { now: new Date('2025-01-10T09:00:00Z') };
let inbox: SmtpInbox;
let central: RunningCentral;
let desk: Desk;
let other: Desk;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  central = await startTestCentral({
    now: () => clock.now, sweepEveryMs: 0,
    mail: { smtpUrl: inbox.url, from: '"Guichet" <billetterie@guichet.example>' },
  });
  desk = await validatedDesk(central, 'Voyages Lumière');
  other = await validatedDesk(central, 'Voyages Autres');
});
afterAll(async () => {
  await central.close();
  await inbox.close();
});

/** An order of 10 visitors and a guide on the Conciergerie, paid by card unless told otherwise. */
async function paidOrder(of: Desk, slot: string, payment?: typeof byTransfer) {
  const placed = await of.place(slot, group(10, 1));
  const guide = await companion(of, 'guide');
  return pay(of, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: applyToAll(group(10, 1), guide) }], payment));
}

async function newContact(of: Desk) {
  const contactId = randomUUID();
  await of.mutate('contact.save', { contactId, surname: 'Bernard', firstName: 'Chloé', email: `chloe-${contactId.slice(0, 8)}@example.org` });
  return { contactId, email: `chloe-${contactId.slice(0, 8)}@example.org` };
}

const assign = (of: Desk, orderId: string, body: unknown) => of.authed('POST', `/orders/${orderId}/assign`, body);
const mailTo = (address: string) => inbox.mailTo(address);

describe('assigning tickets', () => {
  it("e-mails every ticket of the order to a contact as one PDF, then records the assignment the office pulls", async () => {
    const { order, tickets } = await paidOrder(desk, 'conciergerie:2025-04-23T08:00:00.000Z');
    const contact = await newContact(desk);
    const { cookie } = await desk.pullAll(null);

    const answer = await assign(desk, order.id, { ticketIds: null, to: { kind: 'contact', contactId: contact.contactId }, language: 'fr' });
    expect(answer.status).toBe(200);
    const body = AssignTicketsResponseSchema.parse(answer.body);
    expect(body.sentTo).toBe(contact.email);
    expect(body.tickets).toHaveLength(11);
    expect(body.tickets.every((t) => t.assignedTo?.contactId === contact.contactId && t.assignedTo.name === 'Chloé Bernard'
      && t.assignedTo.email === contact.email && t.assignedTo.at === clock.now.toISOString())).toBe(true);

    const [mail, ...more] = mailTo(contact.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`Vos billets — commande ${order.number}`);
    expect(mail!.text).toContain('Voyages Lumière');
    expect(mail!.attachments).toHaveLength(1);
    const pdf = mail!.attachments[0]!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    // One A4 page per ticket.
    expect(pdf.content.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(tickets.length);

    const pulled = putsOf((await desk.pull(cookie)).patch, 'ticket');
    expect(pulled.sort((a, b) => a.number.localeCompare(b.number))).toEqual(body.tickets);
  });

  it("sends chosen tickets to the office's own e-mail, in English", async () => {
    const { order, tickets } = await paidOrder(desk, 'conciergerie:2025-04-23T09:00:00.000Z');
    const chosen = tickets.slice(0, 2).map((t) => t.id);
    const answer = await assign(desk, order.id, { ticketIds: chosen, to: { kind: 'office' }, language: 'en' });
    expect(answer.status).toBe(200);
    expect(answer.body.sentTo).toBe(desk.email);
    expect(answer.body.tickets.map((t: { id: string }) => t.id).sort()).toEqual([...chosen].sort());
    expect(answer.body.tickets[0].assignedTo).toMatchObject({ contactId: null, name: 'Test Agent', email: desk.email });
    const mail = mailTo(desk.email).find((m) => m.subject === `Your tickets — order ${order.number}`);
    expect(mail?.attachments[0]?.content.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
  });

  it('refuses what cannot be sent: an order awaiting its transfer, tickets of another order, an unknown contact, another office', async () => {
    const { order: awaiting } = await paidOrder(desk, 'conciergerie:2025-04-23T10:00:00.000Z', byTransfer);
    const everyone = { ticketIds: null, to: { kind: 'office' } };
    expect((await assign(desk, awaiting.id, everyone)).body.error).toMatchObject({ code: 'INVALID_INPUT' });
    const { order, tickets } = await paidOrder(desk, 'conciergerie:2025-04-23T11:00:00.000Z');
    const { tickets: elsewhere } = await paidOrder(desk, 'conciergerie:2025-04-23T12:00:00.000Z');
    const mixed = await assign(desk, order.id, { ticketIds: [tickets[0]!.id, elsewhere[0]!.id], to: { kind: 'office' } });
    expect([mixed.status, mixed.body.error.code]).toEqual([422, 'INVALID_INPUT']);
    expect(mixed.body.error.message).toContain(elsewhere[0]!.id);
    const theirContact = await newContact(other);
    expect((await assign(desk, order.id, { ticketIds: null, to: { kind: 'contact', contactId: theirContact.contactId } })).status).toBe(404);
    expect((await assign(other, order.id, everyone)).status).toBe(404);
  });
});

describe('assigning tickets while the mail server is down', () => {
  it('answers MAIL_FAILED and records nothing', async () => {
    const down = await startTestCentral({
      now: () => clock.now, sweepEveryMs: 0,
      mail: { smtpUrl: `smtp://127.0.0.1:${await deadPort()}`, from: 'billetterie@guichet.example' },
    });
    try {
      const office = await validatedDesk(down, 'Voyages Sans Courrier');
      const { order } = await paidOrder(office, 'conciergerie:2025-04-24T08:00:00.000Z');
      const contact = await newContact(office);
      const { cookie } = await office.pullAll(null);
      const answer = await assign(office, order.id, { ticketIds: null, to: { kind: 'contact', contactId: contact.contactId } });
      expect(answer.status).toBe(422);
      expect(answer.body.error.code).toBe('MAIL_FAILED');
      expect(answer.body.error.message).toMatch(new RegExp(`could not be e-mailed to ${contact.email}.*Nothing was assigned`));
      expect((await office.pull(cookie)).patch).toEqual([]);
      expect(putsOf((await office.pullAll(null)).patch, 'ticket').every((t) => t.assignedTo === null)).toBe(true);
    } finally {
      await down.close();
    }
  });
});

describe('assigning tickets with no mail server configured', () => {
  it('writes the message as an .eml file in the data folder, and records the assignment', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-mail-'));
    const demo = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir: path.join(dataDir, 'db'), now: () => clock.now, sweepEveryMs: 0 });
    try {
      expect(demo.mailDropDir).toBe(path.join(dataDir, 'db', 'mail'));
      const office = await validatedDesk(demo, 'Voyages Démo');
      const { order } = await paidOrder(office, 'conciergerie:2025-04-24T09:00:00.000Z');
      const contact = await newContact(office);
      const answer = await assign(office, order.id, { ticketIds: null, to: { kind: 'contact', contactId: contact.contactId } });
      expect(answer.status).toBe(200);
      // The office's own account e-mails are written there too; the contact's is the tickets'.
      const files = fs.readdirSync(demo.mailDropDir!).filter((file) => file.includes(contact.email));
      expect(files).toEqual([expect.stringMatching(/\.eml$/)]);
      const mail = await simpleParser(fs.readFileSync(path.join(demo.mailDropDir!, files[0]!)));
      expect(mail.subject).toBe(`Vos billets — commande ${order.number}`);
      expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    } finally {
      await demo.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
