// A real SMTP server on loopback that keeps every message it receives, parsed, so a test
// can read the mail a contact would get and open its attachments.
import net, { type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  /** RCPT TO of the SMTP envelope: who the server was asked to deliver to. */
  envelopeTo: string[];
  mail: ParsedMail;
}

export interface SmtpInbox {
  url: string;
  received: Received[];
  /** The messages whose To header names `address`. */
  mailTo(address: string): ParsedMail[];
  /** Resolves with the first message to `address`, waiting for it if it has not come yet. */
  messageTo(address: string, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

const headerRecipients = (mail: ParsedMail) =>
  [mail.to].flat().flatMap((to) => to?.value ?? []).map((a) => a.address?.toLowerCase());

/**
 * `port`: a given one (a mail server that comes back where it was down); default any free port.
 * `refuses`: recipients the server rejects at RCPT TO (550), as a mailbox that does not exist.
 */
export async function startSmtpInbox(port = 0, refuses: (address: string) => boolean = () => false): Promise<SmtpInbox> {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuses(address.address)) {
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
        waiters.splice(0).forEach((wake) => wake());
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const listening = (server.server.address() as AddressInfo).port;
  const mailTo = (address: string) => received.map((r) => r.mail).filter((m) => headerRecipients(m).includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${listening}`,
    received,
    mailTo,
    async messageTo(address, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [found] = mailTo(address);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No mail to ${address}; received: ${received.map((r) => r.mail.subject).join(' | ')}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 500);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on: a mail server that is down. */
export async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server.address() as AddressInfo);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
