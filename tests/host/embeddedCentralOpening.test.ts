// The embedded demo service binds its port at once and opens its store only when told (or
// at the latest after a few seconds): a request that comes before waits and is answered.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { embeddedCentral } from '../../src-main/host/embeddedCentral.node.ts';
import { tempDir } from '../support/tempCore.node.ts';

const appRoot = path.resolve(import.meta.dirname, '../..');
const folders: string[] = [];
afterAll(() => folders.forEach((f) => fs.rmSync(f, { recursive: true, force: true })));

const signIn = (url: string) => fetch(`${url}/auth/signin`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password }),
});

describe('the embedded demo central service', () => {
  it('gives its address before its store is open, and answers a request that came early once it opens', async () => {
    const dataDir = tempDir();
    folders.push(dataDir);
    const central = embeddedCentral(dataDir, appRoot);
    try {
      const url = await central.start();
      expect(fs.existsSync(path.join(dataDir, 'central', 'PG_VERSION'))).toBe(false);
      let answered = false;
      const early = signIn(url).then((response) => {
        answered = true;
        return response;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
      central.open();
      expect((await early).status).toBe(200);
      expect((await central.started).url).toBe(url);
      expect(fs.existsSync(path.join(dataDir, 'central', 'PG_VERSION'))).toBe(true);
    } finally {
      await central.close();
    }
  });

  it('says why it could not start, and tells a desk waiting on it to try again later', async () => {
    const dataDir = tempDir();
    folders.push(dataDir);
    // An app folder without the service's migrations: its store cannot be made.
    const brokenApp = tempDir();
    folders.push(brokenApp);
    const central = embeddedCentral(dataDir, brokenApp);
    try {
      const url = await central.start();
      const early = signIn(url);
      central.open();
      await expect(central.started).rejects.toThrow(/could not start/);
      expect((await early).status).toBe(503);
    } finally {
      await central.close();
    }
  });
});
