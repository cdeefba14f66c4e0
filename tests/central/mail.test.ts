// Tickets by e-mail, against a real SMTP server on loopback: what the contact's mailbox
// receives, what happens when the server is down, and the demo's .eml drop folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src-central/mail/mailer.node.ts';
import { ticketMail } from '../../src-central/mail/ticketMail.node.ts';
import { renderTicketsPdf } from '../../src-main/core/print/ticketsPdf.node.ts';
import { simpleParser } from 'mailparser';
import { seedTickets } from '../print/printFixtures.node.ts';
import { startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.node.ts';

const FROM = '"Guichet" <billetterie@guichet.example>';

function pdfPages(pdf: Buffer): number {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-mail-')), 'attachment.pdf');
  fs.writeFileSync(file, pdf);
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

let bundle: Buffer;
beforeAll(async () => {
  bundle = await renderTicketsPdf(seedTickets(3), { language: 'fr' });
});

const annasTickets = (language: 'fr' | 'en') =>
  ticketMail({
    to: { name: 'Anna Ndiaye', email: 'anna.ndiaye@example.org' },
    officeCompany: 'Voyages Démo',
    orderNumber: 'GCH-2025-000042',
    ticketCount: 3,
    pdf: bundle,
    language,
  });

describe('tickets by e-mail through SMTP', () => {
  let smtp: SmtpInbox;
  beforeAll(async () => { smtp = await startSmtpInbox(); });
  afterAll(async () => { await smtp.close(); });

  it('delivers the ticket bundle to the contact, in French, with the PDF attached', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: FROM });
    try {
      const { messageId } = await mailer.send(annasTickets('fr'));
      expect(messageId).toMatch(/^<.+@.+>$/);
    } finally {
      mailer.close();
    }
    expect(smtp.received).toHaveLength(1);
    const { envelopeTo, mail } = smtp.received[0]!;
    expect(envelopeTo).toEqual(['anna.ndiaye@example.org']);
    expect(mail.to).toMatchObject({ value: [{ name: 'Anna Ndiaye', address: 'anna.ndiaye@example.org' }] });
    expect(mail.from).toMatchObject({ value: [{ name: 'Guichet', address: 'billetterie@guichet.example' }] });
    expect(mail.messageId).toBeTruthy();
    expect(mail.subject).toBe('Vos billets — commande GCH-2025-000042');
    expect(mail.text).toContain('Bonjour Anna Ndiaye,');
    expect(mail.text).toContain('Voyages Démo vous envoie vos 3 billets pour la commande GCH-2025-000042.');
    expect(mail.text).toContain('un billet par page');

    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf!.filename).toBe('billets-GCH-2025-000042.pdf');
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf!.content.equals(bundle)).toBe(true);
    expect(pdfPages(pdf!.content)).toBe(3);
  });

  it('writes in English when the tickets are sent in English', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: FROM });
    try {
      await mailer.send(annasTickets('en'));
    } finally {
      mailer.close();
    }
    const { mail } = smtp.received.at(-1)!;
    expect(mail.subject).toBe('Your tickets — order GCH-2025-000042');
    expect(mail.text).toContain('Hello Anna Ndiaye,');
    expect(mail.text).toContain('Voyages Démo is sending you your 3 tickets for order GCH-2025-000042.');
    expect(mail.attachments[0]!.filename).toBe('tickets-GCH-2025-000042.pdf');
  });

  it('says "your ticket" for a single one', () => {
    const one = ticketMail({ to: { name: 'Anna Ndiaye', email: 'a@example.org' }, officeCompany: 'Voyages Démo', orderNumber: 'GCH-1', ticketCount: 1, pdf: bundle, language: 'fr' });
    expect(one.text).toContain('vous envoie votre billet pour la commande GCH-1.');
  });
});

describe('when mail cannot go', () => {
  it('rejects, naming the recipient and server, when the SMTP server is down', async () => {
    const smtp = await startSmtpInbox();
    await smtp.close();
    const mailer = createMailer({ smtpUrl: smtp.url, from: FROM });
    try {
      await expect(mailer.send(annasTickets('fr'))).rejects.toThrow(/anna\.ndiaye@example\.org through 127\.0\.0\.1:\d+/);
    } finally {
      mailer.close();
    }
  });

  it('gives up on a server that accepts the connection but never answers, instead of hanging the request', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM });
    try {
      await expect(mailer.send(annasTickets('fr'))).rejects.toThrow(/anna\.ndiaye@example\.org/);
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('refuses to start with neither an SMTP server nor a drop folder, saying what to set', () => {
    expect(() => createMailer({ from: FROM })).toThrow(/smtpUrl.*dropDir/);
    expect(() => createMailer({ smtpUrl: null, dropDir: null, from: FROM })).toThrow(/not configured/);
    expect(() => createMailer({ smtpUrl: 'http://mail.example.org', from: FROM })).toThrow(/smtp:\/\/ or smtps:\/\//);
  });
});

describe('the demo without a mail server', () => {
  it('writes each message to the drop folder as an .eml a mail client opens, attachment included', async () => {
    const dropDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-outbox-')), 'outbox');
    const mailer = createMailer({ dropDir, from: FROM });
    const { messageId } = await mailer.send(annasTickets('fr'));
    await mailer.send(annasTickets('en'));
    mailer.close();

    const files = fs.readdirSync(dropDir);
    expect(files).toHaveLength(2);
    for (const file of files) expect(file).toMatch(/^\d{4}-\d\d-\d\dT.*anna\.ndiaye@example\.org.*\.eml$/);
    const raws = files.map((file) => fs.readFileSync(path.join(dropDir, file)));
    for (const raw of raws) expect(raw.toString('latin1')).toMatch(/\r\n/);
    const parsed = await Promise.all(raws.map((raw) => simpleParser(raw)));
    const mail = parsed.find((m) => m.messageId === messageId)!;
    expect(mail).toBeDefined();
    expect(mail.subject).toBe('Vos billets — commande GCH-2025-000042');
    expect(mail.to).toMatchObject({ value: [{ address: 'anna.ndiaye@example.org' }] });
    expect(mail.text).toContain('Bonjour Anna Ndiaye,');
    expect(mail.attachments[0]!.filename).toBe('billets-GCH-2025-000042.pdf');
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(pdfPages(mail.attachments[0]!.content)).toBe(3);
  });
});
