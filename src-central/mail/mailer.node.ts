// How the central service sends e-mail (tickets to the contact they are assigned to, DOMAIN.md §6).
// A real deployment names an SMTP server. The embedded demo has none, so it drops each message
// as an .eml file in a folder instead: a demo user opens it and sees exactly what would have gone.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailConfig {
  /** smtp://user:pass@host:587, or smtps://user:pass@host:465 for TLS from the first byte. */
  smtpUrl?: string | null;
  /** The sender, e.g. `"Guichet" <billetterie@guichet.example>`. */
  from: string;
  /** Without smtpUrl: the folder each message is written to as an .eml file. */
  dropDir?: string | null;
}

export interface OutgoingMail {
  to: string;
  toName?: string;
  subject: string;
  text: string;
  /** The same message for mail readers that show HTML; the text part is always sent too. */
  html?: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

// A dead or unreachable server must fail the request within seconds (the office is told its
// tickets were not sent), not hang it for nodemailer's default two minutes.
const CONNECTION_TIMEOUT_MS = 5_000;
const GREETING_TIMEOUT_MS = 5_000;
/** Inactivity, not total time: a large ticket bundle still has time to upload. */
const SOCKET_TIMEOUT_MS = 30_000;

export function createMailer(config: MailConfig): Mailer {
  if (config.smtpUrl) return smtpMailer(config.smtpUrl, config.from);
  if (config.dropDir) return dropDirMailer(config.dropDir, config.from);
  throw new Error('Mail is not configured: give an SMTP URL (smtpUrl) to send e-mail, or a folder (dropDir) to write each message to as an .eml file.');
}

const message = (from: string, mail: OutgoingMail) => ({
  from,
  to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
  subject: mail.subject,
  text: mail.text,
  ...(mail.html ? { html: mail.html } : {}),
  attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
});

function smtpMailer(smtpUrl: string, from: string): Mailer {
  let server: URL;
  try {
    server = new URL(smtpUrl);
  } catch {
    throw new Error('The SMTP URL is not a valid URL (expected smtp://host:port or smtps://host:port).');
  }
  if (server.protocol !== 'smtp:' && server.protocol !== 'smtps:') {
    throw new Error(`The SMTP URL must start with smtp:// or smtps://, not ${server.protocol}//.`);
  }
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail(message(from, mail));
        return { messageId: info.messageId };
      } catch (error) {
        // The host only: the URL may carry the SMTP password.
        throw new Error(`Could not send the e-mail to ${mail.to} through ${server.host}: ${(error as Error).message}`, { cause: error });
      }
    },
    close: () => transport.close(),
  };
}

function dropDirMailer(dropDir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(from, mail));
      await fs.mkdir(dropDir, { recursive: true });
      // Sorted by time in a file manager, and never two with the same name.
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const recipient = mail.to.replace(/[^A-Za-z0-9@._-]/g, '_');
      await fs.writeFile(path.join(dropDir, `${stamp}-${recipient}-${randomUUID().slice(0, 8)}.eml`), info.message as Buffer);
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
