// The browser host: the same dispatch as Electron's IPC, over HTTP and a WebSocket
// on 127.0.0.1 only, behind a token minted at each launch.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { events, isEventName } from '../contract/methods.std.ts';
import { HOST_TOKEN_COOKIE, HOST_TOKEN_HEADER } from '../contract/transport.std.ts';
import type { GuichetCore } from '../core/guichetCore.node.ts';

export interface BrowserHostOptions {
  core: GuichetCore;
  rendererDir: string;
  port?: number;
  token?: string;
  /**
   * What the desk says of its sign-in waits for it: the demo office's first sign-in, which
   * waits for the embedded service's store, so a newcomer's window, already showing the
   * calendar, never says "signed out" for the second it takes.
   */
  signingIn?: Promise<unknown>;
}

const SIGN_IN_STATE: ReadonlySet<string> = new Set(['account.status', 'sync.status']);

export interface BrowserHost {
  url: string;
  /** The URL to open: it carries the token once, then a cookie takes over. */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

const sameSecret = (a: string | undefined, b: string) =>
  a !== undefined && a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startBrowserHost({
  core, rendererDir, port = 0, token = crypto.randomBytes(24).toString('base64url'), signingIn = Promise.resolve(),
}: BrowserHostOptions): Promise<BrowserHost> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (no ${rendererDir}/index.html). Run "npm run build:renderer" first.`);
  }
  // Closing must not wait for an open page's keep-alive or WebSocket connections.
  const app = Fastify({ logger: false, bodyLimit: 1_048_576, forceCloseConnections: true });
  const sockets = new Set<{ terminate(): void }>();
  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket);

  let allowedHosts = new Set<string>();
  let contentSecurityPolicy = '';
  let allowedOrigins = new Set<string>();
  // Another page on this machine — another port of 127.0.0.1 is the same site, so the cookie
  // goes with its requests — must not drive the desk: only the desk's own pages call the API.
  const fromAnotherPage = (request: FastifyRequest) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return true;
    const site = request.headers['sec-fetch-site'];
    return site !== undefined && site !== 'same-origin' && site !== 'none';
  };
  const presentedToken = (request: FastifyRequest) =>
    (request.headers[HOST_TOKEN_HEADER] as string | undefined) ?? request.cookies[HOST_TOKEN_COOKIE];

  app.addHook('onRequest', async (request, reply) => {
    // A page on another site could reach 127.0.0.1 through DNS rebinding; it cannot fake Host.
    if (!allowedHosts.has(request.headers.host ?? '')) return reply.code(403).send({ error: 'Forbidden host' });
    const url = new URL(request.url, 'http://local');
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (request.method === 'GET' && url.pathname === '/' && sameSecret(queryToken, token)) {
      reply.setCookie(HOST_TOKEN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict' });
      return reply.redirect('/');
    }
    if (!sameSecret(presentedToken(request), token)) {
      return reply.code(401).type('text/plain; charset=utf-8').send(
        'Guichet: this address needs the link printed when Guichet started (it carries a one-time token).',
      );
    }
    if ((url.pathname.startsWith('/rpc/') || url.pathname === '/events') && fromAnotherPage(request)) {
      return reply.code(403).send({ error: 'Only Guichet\'s own window may call the desk.' });
    }
  });

  // The page's CSP is also sent as a header, with framing refused: a meta tag cannot say frame-ancestors.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', contentSecurityPolicy);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  app.post<{ Params: { method: string } }>('/rpc/:method', async (request) => {
    if (SIGN_IN_STATE.has(request.params.method)) await signingIn;
    return core.dispatch(request.params.method, request.body);
  });

  app.get('/events', { websocket: true }, (socket) => {
    sockets.add(socket);
    const unsubscribe = (Object.keys(events) as (keyof typeof events)[]).filter(isEventName).map((event) =>
      core.on(event, (payload) => socket.send(JSON.stringify({ event, payload }))),
    );
    socket.on('close', () => {
      sockets.delete(socket);
      unsubscribe.forEach((off) => off());
    });
  });

  await app.register(fastifyStatic, { root: rendererDir, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/rpc/')) return reply.sendFile('index.html');
    return reply.code(404).send({ error: 'Not found' });
  });

  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  allowedHosts = new Set([`127.0.0.1:${boundPort}`, `localhost:${boundPort}`]);
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    + `connect-src 'self' ${[...allowedHosts].map((h) => `ws://${h}`).join(' ')}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;
  const url = `http://127.0.0.1:${boundPort}`;
  return {
    url,
    launchUrl: `${url}/?token=${token}`,
    token,
    close: () => {
      sockets.forEach((socket) => socket.terminate());
      return app.close();
    },
  };
}
