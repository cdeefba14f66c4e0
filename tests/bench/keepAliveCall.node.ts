// The benchmarks' offices talk HTTP through node:http on kept-alive sockets instead of fetch.
// On this 2-core machine the load generator shares the CPU with the service it measures, and
// fetch cost a placement about 1 ms of client CPU (0.6 of a core at 580/s): time taken from the
// service and counted against it. Real offices are other machines.
import http from 'node:http';
import type { Answer } from '../central/centralTestClient.node.ts';

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export function keepAliveCall(url: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(route, url), {
      method, agent,
      headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }), ...headers },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) answerHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null, headers: answerHeaders });
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}
