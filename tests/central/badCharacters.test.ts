// One bad character used to jam a workstation for good: a NUL in a name, a year 0000 or an
// integer above 2³¹ reached PostgreSQL, which refused it, and the service answered 503 "try
// again" — so the desktop retried that change for ever and every change behind it waited.
// Such input is now refused by the shared schemas (400), and a value the database still
// refuses is a 400, never a 503.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { installErrorHandling } from '../../src-central/http/httpError.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { validatedDesk } from './centralTestClient.node.ts';

let central: RunningCentral;
beforeAll(async () => {
  central = await startTestCentral({ now: () => new Date('2025-01-10T09:00:00Z'), sweepEveryMs: 0 });
});
afterAll(() => central.close());

const companion = (surname: string) => ({ companionId: randomUUID(), kind: 'guide', surname, firstName: 'Anna', email: null, phone: null, placeholder: false });

describe('one bad character', () => {
  it('a NUL in a companion’s name is refused as bad input, and the next change goes through', async () => {
    const desk = await validatedDesk(central);
    const jammed = await desk.push([{ id: 1, name: 'companion.save', args: companion('LA\u0000GO') }]);
    expect(jammed.status).toBe(400);
    expect(jammed.body.error.code).toBe('INVALID_INPUT');
    const next = await desk.push([{ id: 1, name: 'companion.save', args: companion('LAGO') }]);
    expect(next.status).toBe(200);
  });

  it('a NUL in a company name at sign-up, a year 0000 visit and a mutation id past 2³¹ are refused as bad input', async () => {
    const signUp = await fetch(new URL('/auth/signup', central.url), {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ company: 'Voyages\u0000', contactName: 'Anna', email: `x-${randomUUID()}@example.org`, password: 'Secret!2025x' }),
    });
    expect(signUp.status).toBe(400);
    const desk = await validatedDesk(central);
    const yearZero = await desk.push([{
      id: 1, name: 'venueRequest.save', args: {
        requestId: randomUUID(), venueId: 'pantheon', visitDate: '0000-01-01', headCount: 30, state: 'sent', notes: '',
        sentAt: '2025-01-10T09:00:00.000Z', confirmedAt: null, paidAt: null, doneAt: null,
      },
    }]);
    expect(yearZero.status).toBe(400);
    const hugeId = await desk.push([{ id: 2 ** 31, name: 'companion.save', args: companion('LAGO') }]);
    expect(hugeId.status).toBe(400);
  });

  it('a value the database still refuses (its "data exception" class) is answered 400, anything else 503', async () => {
    const app = Fastify({ logger: false });
    installErrorHandling(app);
    app.get('/bad-data', async () => { throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }); });
    app.get('/down', async () => { throw Object.assign(new Error('terminating connection'), { code: '57P01' }); });
    expect((await app.inject('/bad-data')).statusCode).toBe(400);
    expect((await app.inject('/down')).statusCode).toBe(503);
    await app.close();
  });
});
