// DNS rebinding against the embedded demo service: a web page whose own name resolves to
// 127.0.0.1 would sign in with the public demo credentials. Only the Host header gives it away.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { embeddedCentral } from '../../src-main/host/embeddedCentral.node.ts';
import { tempDir } from '../support/tempCore.node.ts';

const dataDir = tempDir();
const central = embeddedCentral(dataDir, path.resolve(import.meta.dirname, '../..'));
const url = await central.start();
central.open();
afterAll(async () => {
  await central.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Signs in with the demo account, the request addressed to `host`, as a rebinding page's browser sends it. */
function signInAs(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/auth/signin`, { method: 'POST', headers: { host, 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
    request.on('error', reject);
    request.end(JSON.stringify({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password }));
  });
}

describe('the embedded demo central service under DNS rebinding', () => {
  it('refuses a request addressed to another name, and still serves the desk on loopback', async () => {
    expect(await signInAs('rebind.attacker.example')).toBe(403);
    expect(await signInAs(`localhost:${new URL(url).port}`)).toBe(200);
    expect(await signInAs(new URL(url).host)).toBe(200);
  });
});
