// Issue 11 §3, personal data and password hashes in logs: a failed query's message carries its
// SQL and parameters, so the 503 path once logged the e-mail and scrypt hash of a failed
// sign-up, and the names and phones of companions. The database is made to refuse those writes
// here (a CHECK that fails, added NOT VALID), and the log is read: the failure's code and the
// request id, nothing the office typed.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresMissing } from '../support/postgres.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { call, PASSWORD, validatedDesk } from './centralTestClient.node.ts';
import { signUpForm } from '../support/signUpForm.std.ts';

const missing = postgresMissing();
const lines: string[] = [];
let central: Awaited<ReturnType<typeof startTestCentral>>;
let db: pg.Client;

describe.skipIf(missing !== null && !process.env.CI)('what the central service logs of a failure', () => {
  beforeAll(async () => {
    central = await startTestCentral({ now: () => new Date('2025-01-10T09:00:00Z'), sweepEveryMs: 0, logStream: { write: (line) => lines.push(line) } });
    db = new pg.Client({ connectionString: central.databaseUrl! });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await central?.close();
  });

  it('logs a failed sign-up by its code and request id, never its e-mail, password or hash', async () => {
    await db.query('ALTER TABLE offices ADD CONSTRAINT refuse_all CHECK (false) NOT VALID');
    try {
      const email = `leak-${randomUUID()}@example.org`;
      const answer = await call(central.url, 'POST', '/auth/signup', signUpForm(email, PASSWORD, { company: 'Voyages Fuite', contactName: 'Agent Fuite' }));
      expect(answer.status).toBe(503);
      const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'unexpected failure, answered 503');
      expect(failure).toMatchObject({ failure: { code: '23514' }, reqId: expect.any(String) });
      const log = lines.join('\n');
      for (const secret of [email, PASSWORD, 'Voyages Fuite', 'Agent Fuite', 'scrypt', 'insert into']) expect(log.toLowerCase()).not.toContain(secret.toLowerCase());
    } finally {
      await db.query('ALTER TABLE offices DROP CONSTRAINT refuse_all');
    }
  });

  it('logs a companion that could not be saved without its name or phone', async () => {
    const desk = await validatedDesk(central);
    lines.length = 0;
    await db.query('ALTER TABLE companions ADD CONSTRAINT refuse_all CHECK (false) NOT VALID');
    try {
      const answer = await desk.push([{ id: 1, name: 'companion.save', args: {
        companionId: randomUUID(), kind: 'guide', surname: 'CONFIDENTIEL', firstName: 'Zoé', email: 'zoe.secret@example.org', phone: '+33 6 99 88 77 66', placeholder: false,
      } }]);
      expect(answer.status).toBe(503);
      expect(lines.map((line) => JSON.parse(line))).toContainEqual(expect.objectContaining({ failure: expect.objectContaining({ code: '23514' }) }));
      const log = lines.join('\n');
      for (const secret of ['CONFIDENTIEL', 'Zoé', 'zoe.secret', '99 88 77 66']) expect(log).not.toContain(secret);
    } finally {
      await db.query('ALTER TABLE companions DROP CONSTRAINT refuse_all');
    }
  });
});
