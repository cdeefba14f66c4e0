// An HTTP relay in front of the central service that can hold one request on the network
// until the test lets it through, to stand a desk exactly where a slow answer leaves it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gate, type Gate } from './interleaving.node.ts';

export interface HoldingRelay {
  url: string;
  /** The next request to `path` waits, once it has reached the relay, until the gate opens. */
  holdNext(path: string): Gate;
  close(): Promise<void>;
}

export async function startHoldingRelay(target: string): Promise<HoldingRelay> {
  const holds = new Map<string, Gate>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const held = holds.get(request.url ?? '');
      if (held) {
        holds.delete(request.url ?? '');
        await held.hold();
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      const answer = await fetch(new URL(request.url ?? '/', target), { method: request.method, headers, body });
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    holdNext(path) {
      const held = gate(`request to ${path}`);
      holds.set(path, held);
      return held;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
