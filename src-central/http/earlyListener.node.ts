// A port bound before the service behind it is up. The embedded demo service opens its
// PGlite in about a second; bound at once, its address lets the desk start meanwhile, and each
// request that comes early waits for the service instead of finding no one listening.
import http, { type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EarlyListener {
  server: http.Server;
  url: string;
  /** From now on `handler` answers, beginning with the requests that waited. */
  serve(handler: RequestListener): void;
  /** The service will not come: those waiting, and any later, are told so (503, which a desk retries). */
  refuse(): void;
  close(): Promise<void>;
}

export async function listenEarly(host = '127.0.0.1'): Promise<EarlyListener> {
  let waiting: [IncomingMessage, ServerResponse][] = [];
  let answer: RequestListener = (req, res) => void waiting.push([req, res]);
  const server = http.createServer((req, res) => answer(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const release = (handler: RequestListener) => {
    answer = handler;
    const held = waiting;
    waiting = [];
    for (const [req, res] of held) handler(req, res);
  };
  return {
    server,
    url: `http://${host}:${port}`,
    serve: release,
    refuse: () => release((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'The embedded central service could not start.' } }));
    }),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }),
  };
}
