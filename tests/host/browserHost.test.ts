import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/browserHost.node.ts';
import { tempCore, tempDir } from '../support/tempCore.node.ts';

const core = await tempCore();
const rendererDir = tempDir('guichet-renderer-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Guichet</title>');
let host: BrowserHost;

beforeAll(async () => {
  host = await startBrowserHost({ core, rendererDir });
});
afterAll(async () => {
  await host.close();
  await core.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

const rpc = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('answers 401 to a request without the token, for pages and for the API', async () => {
    expect((await fetch(`${host.url}/`)).status).toBe(401);
    expect((await rpc('catalogue.venues', {})).status).toBe(401);
    expect((await rpc('catalogue.venues', {}, { 'x-guichet-token': 'guessed' })).status).toBe(401);
  });

  it('answers 403 to a request for another host name (DNS rebinding)', async () => {
    // fetch() will not forge a Host header, so speak HTTP directly as a rebinding page's browser would.
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${host.url}/rpc/catalogue.venues`, {
        method: 'POST',
        headers: { host: 'evil.example', 'x-guichet-token': host.token, 'content-type': 'application/json' },
      }, (response) => resolve(response.statusCode ?? 0));
      request.on('error', reject);
      request.end('{}');
    });
    expect(status).toBe(403);
  });

  it('trades the launch link for a cookie, then serves the app with it', async () => {
    const launch = await fetch(host.launchUrl, { redirect: 'manual' });
    expect(launch.status).toBe(302);
    const cookie = launch.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const page = await fetch(`${host.url}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Guichet</title>');
  });

  it('runs the same dispatch: results and errors come back as JSON', async () => {
    const ok = await (await rpc('catalogue.venues', {}, { 'x-guichet-token': host.token })).json();
    expect(ok.ok).toBe(true);
    expect(ok.value.map((v: { id: string }) => v.id)).toContain('sainte-chapelle');
    const bad = await (await rpc('calendar.month', { venueId: 'x', month: 'soon' }, { 'x-guichet-token': host.token })).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('pushes events to the page over its WebSocket', async () => {
    const socket = new WebSocket(`${host.url.replace('http', 'ws')}/events`, { headers: { 'x-guichet-token': host.token } });
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
    const received = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    await rpc('settings.update', { language: 'fr' }, { 'x-guichet-token': host.token });
    expect(await received).toMatchObject({ event: 'settings.changed', payload: { language: 'fr' } });
    socket.close();
  });

  it('refuses a WebSocket without the token', async () => {
    const socket = new WebSocket(`${host.url.replace('http', 'ws')}/events`);
    const status = await new Promise<number>((resolve) => socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
  });
});

describe('a page served from another loopback port (same site, so the cookie goes with it)', () => {
  const otherOrigin = 'http://127.0.0.1:9';
  const cookie = () => `guichet_token=${host.token}`;

  it('cannot call the desk: /rpc answers 403 to a foreign Origin or a cross-site fetch, and nothing runs', async () => {
    const before = await rpc('settings.get', {}, { cookie: cookie() });
    expect(before.status).toBe(200);
    const foreign = await fetch(`${host.url}/rpc/settings.update`, {
      method: 'POST', headers: { cookie: cookie(), origin: otherOrigin, 'content-type': 'text/plain' }, body: JSON.stringify({ language: 'en' }),
    });
    expect(foreign.status).toBe(403);
    const crossSite = await fetch(`${host.url}/rpc/account.signOut`, { method: 'POST', headers: { cookie: cookie(), 'sec-fetch-site': 'same-site' } });
    expect(crossSite.status).toBe(403);
    // The desk's own window (same origin) still works.
    const own = await rpc('settings.get', {}, { cookie: cookie(), origin: host.url, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
  });

  it('cannot listen to the desk\'s events: the WebSocket is refused for a foreign Origin', async () => {
    const refused = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${host.url.replace('http', 'ws')}/events`, { headers: { cookie: cookie(), origin: otherOrigin } });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => {
        socket.close();
        resolve(101);
      });
    });
    expect(refused).toBe(403);
  });

  it('cannot frame the desk: its answers forbid framing and sniffing as real headers', async () => {
    const page = await fetch(`${host.url}/`, { headers: { cookie: cookie() } });
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('a desk still signing in as the demo office', () => {
  it('shows the calendar at once, and says whether it is signed in only once the sign-in is over', async () => {
    let signedIn!: () => void;
    const signingIn = new Promise<void>((resolve) => { signedIn = resolve; });
    const opening = await startBrowserHost({ core, rendererDir, signingIn });
    try {
      const call = (method: string) => fetch(`${opening.url}/rpc/${method}`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-guichet-token': opening.token }, body: '{}',
      }).then((r) => r.json());
      let answered = false;
      const status = call('account.status').then((body) => {
        answered = true;
        return body;
      });
      expect(await call('catalogue.venues')).toMatchObject({ ok: true });
      expect(answered).toBe(false);
      signedIn();
      expect(await status).toMatchObject({ ok: true, value: { signedIn: false } });
    } finally {
      await opening.close();
    }
  });
});
