// A page served from another port of 127.0.0.1 — the same site as the desk, so the browser sends
// the desk's cookie with it — tries to sign the desk out and to listen to its events, and fails.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, hostCall, test } from './fixtures.ts';

const attackPage = (desk: string) => `<!doctype html><title>attack</title><script>
  const result = {};
  const done = () => { if ('rpc' in result && 'events' in result) document.title = JSON.stringify(result); };
  fetch(${JSON.stringify(`${desk}/rpc/account.signOut`)}, { method: 'POST', mode: 'no-cors', credentials: 'include' })
    .then(() => { result.rpc = 'sent'; done(); }, () => { result.rpc = 'blocked'; done(); });
  const socket = new WebSocket(${JSON.stringify(`${desk.replace('http', 'ws')}/events`)});
  socket.onopen = () => { result.events = 'open'; done(); };
  socket.onerror = () => { result.events = 'refused'; done(); };
</script>`;

test('a page on another loopback port can neither sign the desk out nor listen to its events', async ({ page, host }) => {
  const server = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(attackPage(host.origin)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    // The agent has the desk open: the browser holds its cookie.
    await page.goto(host.launchUrl);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const attacker = await page.context().newPage();
    await attacker.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await expect.poll(() => attacker.title()).toContain('"events"');
    expect(JSON.parse(await attacker.title())).toMatchObject({ events: 'refused' });
    expect(await hostCall(host, 'account.status')).toMatchObject({ signedIn: true });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
