// Talks to a running central service the way a desktop does: over HTTP, with the wire's
// own schemas checking every answer.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PullResponseSchema, PushResponseSchema, SessionSchema, type Mutation, type PullResponse, type Session,
} from '../../src-main/contract/centralApi.std.ts';
import type { GroupCompositionDto } from '../../src-main/contract/schemas.std.ts';
import { afterAll, beforeAll } from 'vitest';
import type { RunningCentral } from '../../src-central/central.node.ts';
import { startTestCentral, type TestCentralOptions } from '../support/testCentral.node.ts';
import { signUpForm } from '../support/signUpForm.std.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle/central');
export const PASSWORD = 'Secret!2025x';

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests inspect any answer
  headers: Headers;
}

export async function call(url: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(new URL(route, url), {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export function admin(central: { url: string; adminToken: string }, route: string, body?: unknown): Promise<Answer> {
  return call(central.url, body === undefined ? 'GET' : 'POST', route, body, { 'x-admin-token': central.adminToken });
}

/** How a desk sends a request: fetch by default; the benchmarks pass a leaner one. */
export type Call = typeof call;

export class Desk {
  readonly clientId = randomUUID();
  private nextMutationId = 1;

  constructor(readonly url: string, public session: Session, readonly email: string, private readonly send: Call = call) {}

  /** After the test clock jumped past the access and refresh tokens' lives. */
  async signInAgain(): Promise<void> {
    this.session = await signIn(this.url, this.email);
  }

  get officeId(): string {
    return this.session.office.id;
  }

  authed(method: string, route: string, body?: unknown): Promise<Answer> {
    return this.send(this.url, method, route, body, { authorization: `Bearer ${this.session.accessToken}` });
  }

  /** Sends raw mutations (ids chosen by the test). */
  push(mutations: unknown[], clientId = this.clientId): Promise<Answer> {
    return this.authed('POST', '/sync/push', { clientId, mutations });
  }

  /** Sends one mutation with the next id and returns its result. */
  async mutate(name: Mutation['name'], args: Record<string, unknown>) {
    const answer = await this.push([{ id: this.nextMutationId++, name, args }]);
    if (answer.status !== 200) throw new Error(`push ${answer.status}: ${JSON.stringify(answer.body)}`);
    return PushResponseSchema.parse(answer.body).results[0]!;
  }

  place(slotId: string, composition: GroupCompositionDto, optionId: string = randomUUID()) {
    return this.mutate('option.place', { optionId, slotId, composition });
  }

  resize(optionId: string, composition: GroupCompositionDto) {
    return this.mutate('option.resize', { optionId, composition });
  }

  cancel(optionId: string) {
    return this.mutate('option.cancel', { optionId });
  }

  async pull(cookie: string | null, extra: { limit?: number; resultsAfter?: number } = {}): Promise<PullResponse> {
    const answer = await this.authed('POST', '/sync/pull', { clientId: this.clientId, cookie, ...extra });
    if (answer.status !== 200) throw new Error(`pull ${answer.status}: ${JSON.stringify(answer.body)}`);
    return PullResponseSchema.parse(answer.body);
  }

  /** Pulls every page from `cookie` on. */
  async pullAll(cookie: string | null, limit = 20_000) {
    const patch: PullResponse['patch'] = [];
    let page: PullResponse;
    do {
      page = await this.pull(cookie, { limit });
      patch.push(...page.patch);
      cookie = page.cookie;
    } while (page.hasMore);
    return { patch, cookie, last: page };
  }
}

export async function signUp(url: string, company = 'Voyages Test'): Promise<{ email: string; officeId: string }> {
  const email = `office-${randomUUID()}@example.org`;
  const answer = await call(url, 'POST', '/auth/signup', signUpForm(email, PASSWORD, { company }));
  if (answer.status !== 201) throw new Error(`signup ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { email, officeId: answer.body.officeId };
}

export async function signIn(url: string, email: string, password = PASSWORD): Promise<Session> {
  const answer = await call(url, 'POST', '/auth/signin', { email, password });
  if (answer.status !== 200) throw new Error(`signin ${answer.status}: ${JSON.stringify(answer.body)}`);
  return SessionSchema.parse(answer.body);
}

/** A signed-up office the back office has validated, signed in on a fresh desktop. */
export async function validatedDesk(central: { url: string; adminToken: string }, company?: string): Promise<Desk> {
  const { email, officeId } = await signUp(central.url, company);
  const validated = await admin(central, `/admin/offices/${officeId}/validate`, {});
  if (validated.status !== 200) throw new Error(`validate ${validated.status}`);
  return new Desk(central.url, await signIn(central.url, email), email);
}

/** A slot id as the seed names it: `${venueId}:${UTC instant}`. */
export function slotId(venueId: string, startsAt: string): string {
  return `${venueId}:${new Date(startsAt).toISOString()}`;
}

export type Patch = Awaited<ReturnType<Desk['pull']>>['patch'];

/** The slot as a pull patch sends it, if the patch carries it. */
export function slotIn(patch: Patch, id: string) {
  const op = patch.find((p) => p.op === 'put' && p.entity === 'slot' && p.id === id);
  return op?.op === 'put' && op.entity === 'slot' ? op.value : undefined;
}

/**
 * For one test file: a central service on its own seeded database whose clock the tests move,
 * and two validated offices, each with its own workstation.
 */
export function centralWithTwoOffices(clock: { now: Date }, extra: TestCentralOptions = {}) {
  const env = {} as { central: RunningCentral; desk: Desk; other: Desk };
  beforeAll(async () => {
    env.central = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0, ...extra });
    env.desk = await validatedDesk(env.central, 'Voyages Desk');
    env.other = await validatedDesk(env.central, 'Voyages Autres');
  });
  afterAll(() => env.central.close());
  return env;
}

export const group = (visitors: number, guides = 0, leaders = 0): GroupCompositionDto => ({ visitors, guides, leaders });
