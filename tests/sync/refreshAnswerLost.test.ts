// The network drops just as the service answers a token refresh: the service has exchanged the
// refresh token, the desk never heard the new one. Found by the soak (npm run soak), where such
// desks came back signed out with their changes unsent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { tempCore } from '../support/tempCore.node.ts';
import { ok, options, slotAt } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Relays to the service; the answers of the next `lose` refreshes reach the service and never come back. */
async function relayLosingRefreshAnswers(target: string) {
  const relay = { url: '', lose: 0, lost: 0 };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(new URL(req.url!, target), {
      method: req.method, headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' },
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await answer.arrayBuffer());
    if (req.url === '/auth/refresh' && relay.lose > 0) {
      relay.lose -= 1;
      relay.lost += 1;
      return void res.socket?.destroy();
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  relay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return relay;
}

describe('a refresh whose answer is lost', () => {
  it('leaves the desk signed in: it exchanges the same refresh token again and sends what waited', async () => {
    const central = await startCentralHarness();
    cleanups.push(central.close);
    const relay = await relayLosingRefreshAnswers(central.url);
    const desk = await tempCore(central.clock.now, { centralUrl: relay.url, now: () => central.clock.now });
    cleanups.push(() => desk.close());
    await ok(desk, 'account.signIn', await central.validatedOffice());
    await desk.sync.syncNow();

    const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '11:00');
    await ok(desk, 'options.place', { slotId: slot.id, composition: { visitors: 12, guides: 0, leaders: 0 } });
    // The access token has lapsed: the sync must refresh first, and that answer is lost.
    central.clock.now = new Date(central.clock.now.getTime() + 20 * 60_000);
    relay.lose = 1;
    await desk.sync.syncNow();
    expect(relay.lost).toBe(1);

    expect(await desk.sync.syncNow()).toMatchObject({ connection: 'online', pendingChanges: 0 });
    expect((await ok<{ signedIn: boolean }>(desk, 'account.status')).signedIn).toBe(true);
    expect((await options(desk)).map((o) => o.state)).toEqual(['active']);
  });
});
