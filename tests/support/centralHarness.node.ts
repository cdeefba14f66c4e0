// A real central service in-process (on its own seeded database, see testCentral) on loopback, with
// a clock the test can move, and helpers to create and validate offices through its APIs.
import crypto from 'node:crypto';
import type { MailConfig } from '../../src-central/mail/mailer.node.ts';
import { startTestCentral } from './testCentral.node.ts';
import { signUpForm } from './signUpForm.std.ts';

export interface CentralHarness {
  url: string;
  /** Its PostgreSQL database, or null on PGlite. */
  databaseUrl: string | null;
  adminToken: string;
  clock: { now: Date };
  sweepExpired(): Promise<number>;
  close(): Promise<void>;
  /** Signs up an office, validates it in the back office, returns its credentials. */
  validatedOffice(company?: string, contactName?: string): Promise<{ email: string; password: string }>;
  admin(path: string, body?: unknown): Promise<Response>;
}

export async function startCentralHarness(
  start = new Date('2025-01-10T09:00:00Z'),
  /** mail: where assigned tickets are e-mailed (e.g. a test SMTP server). */
  options: { port?: number; dataDir?: string; mail?: MailConfig; seedMonths?: number } = {},
): Promise<CentralHarness> {
  const clock = { now: start };
  const central = await startTestCentral({ now: () => clock.now, sweepEveryMs: 3_600_000, ...options });
  const admin = (path: string, body?: unknown) =>
    fetch(new URL(path, central.url), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'x-admin-token': central.adminToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    url: central.url,
    databaseUrl: central.databaseUrl,
    adminToken: central.adminToken,
    clock,
    sweepExpired: central.sweepExpired,
    close: central.close,
    admin,
    async validatedOffice(company = 'Voyages Test', contactName = 'Test Agent') {
      const email = `office-${crypto.randomUUID()}@example.org`;
      const password = 'Secret!2025x';
      const signUp = await fetch(new URL('/auth/signup', central.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(signUpForm(email, password, { company, contactName })),
      });
      const { officeId } = (await signUp.json()) as { officeId: string };
      const validated = await admin(`/admin/offices/${officeId}/validate`, {});
      if (!validated.ok) throw new Error(`validation failed: ${validated.status}`);
      return { email, password };
    },
  };
}
