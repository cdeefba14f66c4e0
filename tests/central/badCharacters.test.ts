// One bad character used to jam a workstation for good: a NUL in a name, a year 0000 or an
// integer above 2³¹ reached PostgreSQL, which refused it, and the service answered 503 "try
// again" — so the desktop retried that change for ever and every change behind it waited.
// Such input is now refused by the shared schemas, and a value the database still refuses is
// a 400, never a 503. In a push, either is the refusal of that one mutation, recorded as its
// result: the desktop's next mutation id is in order, and the changes behind it go through.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { installErrorHandling } from '../../src-central/http/httpError.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { validatedDesk } from './centralTestClient.node.ts';
import { signUpForm } from '../support/signUpForm.std.ts';

let central: RunningCentral;
beforeAll(async () => {
  central = await startTestCentral({ now: () => new Date('2025-01-10T09:00:00Z'), sweepEveryMs: 0 });
});
afterAll(() => central.close());

const companion = (surname: string) => ({ companionId: randomUUID(), kind: 'guide', surname, firstName: 'Anna', email: null, phone: null, placeholder: false });

describe('one bad character', () => {
  it('a NUL in a name or a year 0000 is that change’s refusal, with its field; the change behind it in the push is applied', async () => {
    const desk = await validatedDesk(central);
    const nul = { id: 1, name: 'companion.save', args: companion('LA\u0000GO') };
    const yearZero = {
      id: 2, name: 'venueRequest.save', args: {
        requestId: randomUUID(), venueId: 'pantheon', visitDate: '0000-01-01', headCount: 30, state: 'sent', notes: '',
        sentAt: '2025-01-10T09:00:00.000Z', confirmedAt: null, paidAt: null, doneAt: null,
      },
    };
    const pushed = await desk.push([nul, yearZero, { id: 3, name: 'companion.save', args: companion('LAGO') }]);
    expect(pushed.status).toBe(200);
    expect(pushed.body).toMatchObject({
      lastMutationId: 3,
      results: [
        { mutationId: 1, status: 'rejected', code: 'INVALID_INPUT', fields: [{ path: 'surname', problem: 'control_character' }] },
        { mutationId: 2, status: 'rejected', code: 'INVALID_INPUT', fields: [{ path: 'visitDate', problem: 'not_a_date' }] },
        { mutationId: 3, status: 'applied' },
      ],
    });
    // Recorded as its outcome: sent again (its answer lost), it gets the same refusal.
    expect((await desk.push([nul])).body.results).toEqual([pushed.body.results[0]]);
  });

  it('a change of a kind the service does not know is refused as that change, and the next id is expected', async () => {
    const desk = await validatedDesk(central);
    const pushed = await desk.push([{ id: 1, name: 'companion.rename', args: { to: 'x' } }]);
    expect(pushed.body).toMatchObject({ lastMutationId: 1, results: [{ mutationId: 1, status: 'rejected', code: 'INVALID_INPUT', fields: [{ path: 'name' }] }] });
    expect((await desk.push([{ id: 3, name: 'companion.save', args: companion('LAGO') }])).body.error).toMatchObject({ code: 'OUT_OF_ORDER', expected: 2 });
  });

  it('an unknown field named with a NUL or half a surrogate pair is refused as that change, its name cleaned', async () => {
    const desk = await validatedDesk(central);
    const pushed = await desk.push([{ id: 1, name: 'contact.save', args: { contactId: randomUUID(), surname: 'X', firstName: 'Y', email: 'x@example.org', 'a\u0000\ud800': 1 } }]);
    expect(pushed.status).toBe(200);
    expect(pushed.body.results).toMatchObject([{ status: 'rejected', code: 'INVALID_INPUT', fields: [{ path: 'a\uFFFD\uFFFD', problem: 'unknown_field' }] }]);
  });

  it('a year 10000 the database refuses is that change’s refusal, and the service’s version of the row is sent to the desktop again', async () => {
    const desk = await validatedDesk(central);
    const request = {
      requestId: randomUUID(), venueId: 'pantheon', visitDate: '2025-03-12', headCount: 30, state: 'sent', notes: '',
      sentAt: '2025-01-10T09:00:00.000Z', confirmedAt: null, paidAt: null, doneAt: null,
    };
    await desk.mutate('venueRequest.save', request);
    const { cookie } = await desk.pullAll(null);
    // Valid to the schema, past what PostgreSQL's timestamps take once turned to UTC.
    const pushed = await desk.push([
      { id: 2, name: 'venueRequest.save', args: { ...request, state: 'confirmed', confirmedAt: '9999-12-31T23:59:59-14:00' } },
      { id: 3, name: 'companion.save', args: companion('LAGO') },
    ]);
    expect(pushed.status).toBe(200);
    expect(pushed.body.results).toMatchObject([{ mutationId: 2, status: 'rejected', code: 'INVALID_INPUT', fields: [] }, { mutationId: 3, status: 'applied' }]);
    const { patch } = await desk.pullAll(cookie);
    expect(patch.filter((p) => p.entity === 'venueRequest')).toMatchObject([{ op: 'put', id: request.requestId, value: { state: 'sent', confirmedAt: null } }]);
  });

  it('the same refusal when the change is pushed alone (the push without a savepoint, run again with one), nothing of it kept', async () => {
    const desk = await validatedDesk(central);
    const request = {
      requestId: randomUUID(), venueId: 'pantheon', visitDate: '2025-03-12', headCount: 30, state: 'sent', notes: '',
      sentAt: '2025-01-10T09:00:00.000Z', confirmedAt: null, paidAt: null, doneAt: null,
    };
    await desk.mutate('venueRequest.save', request);
    const { cookie } = await desk.pullAll(null);
    const pushed = await desk.push([{ id: 2, name: 'venueRequest.save', args: { ...request, state: 'confirmed', confirmedAt: '9999-12-31T23:59:59-14:00' } }]);
    expect(pushed.status).toBe(200);
    expect(pushed.body).toMatchObject({ lastMutationId: 2, results: [{ mutationId: 2, status: 'rejected', code: 'INVALID_INPUT' }] });
    const { patch } = await desk.pullAll(cookie);
    expect(patch.filter((p) => p.entity === 'venueRequest')).toMatchObject([{ op: 'put', id: request.requestId, value: { state: 'sent', confirmedAt: null } }]);
    const next = await desk.push([{ id: 3, name: 'companion.save', args: companion('LAGO') }]);
    expect(next.body.results).toMatchObject([{ mutationId: 3, status: 'applied' }]);
  });

  it('a NUL in a company name at sign-up and a mutation id past 2³¹ are refused as bad input', async () => {
    const signUp = await fetch(new URL('/auth/signup', central.url), {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signUpForm(`x-${randomUUID()}@example.org`, 'Secret!2025x', { company: 'Voyages\u0000', contactName: 'Anna' })),
    });
    expect(signUp.status).toBe(400);
    const desk = await validatedDesk(central);
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
