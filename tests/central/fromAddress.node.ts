// Requests to a central service on loopback from a chosen loopback address (127.0.0.2,
// 127.0.0.3, …: all of 127/8 is this machine), so tests can be several clients, each with
// the address the service's rate limits count it under.
import http from 'node:http';
import type { Answer } from './centralTestClient.node.ts';

export interface AnswerWithRetry extends Answer {
  /** The Retry-After header, in seconds, when the service sent one. */
  retryAfter: number | null;
}

export function postFrom(localAddress: string, url: string, route: string, body: unknown, headers: Record<string, string> = {}): Promise<AnswerWithRetry> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(route, url), {
      method: 'POST',
      localAddress,
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const retryAfter = response.headers['retry-after'];
        const headers = new Headers(Object.entries(response.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]])));
        resolve({ status: response.statusCode!, body: text ? JSON.parse(text) : null, headers, retryAfter: retryAfter === undefined ? null : Number(retryAfter) });
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}
