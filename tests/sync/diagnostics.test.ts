// "Export diagnostics" gives support what it needs and nothing that lets anyone act as the
// office or use its card: no password, no token, no card number, even one logged by mistake.
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { methods } from '../../src-main/contract/methods.std.ts';
import { redactSecrets } from '../../src-main/core/diagnostics/redactSecrets.std.ts';
import { syncState } from '../../src-main/core/sync/syncState.node.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { tempCore } from '../support/tempCore.node.ts';
import { ok, slotAt } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the diagnostics file', () => {
  it('holds versions, settings, sync state and the log tail, with every secret masked', async () => {
    const central = await startCentralHarness();
    cleanups.push(central.close);
    const credentials = await central.validatedOffice('Voyages Diagnostic');
    let logTail = '';
    const desk = await tempCore(undefined, { centralUrl: central.url, logTail: () => logTail });
    cleanups.push(() => desk.close());
    await ok(desk, 'account.signIn', credentials);
    await desk.sync.syncNow();
    const slot = await slotAt(desk, 'sainte-chapelle', '2025-03-18', '10:00');
    const option = await ok<{ id: string }>(desk, 'options.place', { slotId: slot.id, composition: { visitors: 16, guides: 1, leaders: 0 } });
    const session = syncState.session(desk.store.db)!;
    // What a careless log line might hold.
    logTail = [
      `2025-01-10T09:00:00.000Z info placed option ${option.id}`,
      `2025-01-10T09:00:01.000Z error refresh failed for ${session.refreshToken}`,
      `2025-01-10T09:00:02.000Z error request {"authorization":"Bearer ${session.accessToken}","password":"${credentials.password}"}`,
      `2025-01-10T09:00:03.000Z error card ${TEST_CARDS.approved} declined; also 4242424242424242`,
    ].join('\n');

    const exported = await ok<{ fileName: string; base64: string }>(desk, 'diagnostics.export');
    expect(methods['diagnostics.export'].output.safeParse(exported).success).toBe(true);
    expect(exported.fileName).toMatch(/^guichet-diagnostics-.*\.json$/);
    const text = Buffer.from(exported.base64, 'base64').toString('utf8');
    const report = JSON.parse(text);
    expect(report).toMatchObject({
      app: { version: '0.0.0-test' },
      runtime: { node: process.versions.node },
      sync: { connection: 'online', pendingChanges: 1, clientId: syncState.clientId(desk.store.db) },
      office: { company: 'Voyages Diagnostic', status: 'validated' },
      settings: { centralUrl: null },
    });
    expect(report.logTail).toContain(`placed option ${option.id}`);
    for (const secret of [session.accessToken, session.refreshToken, credentials.password, TEST_CARDS.approved, '4242424242424242']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('masking', () => {
  it('keeps ids, ticket and order numbers and times readable', () => {
    const line = 'order GCH-2025-000042 ticket 12345678903 option 0b6f7c1e-1f6a-4c3e-9d7a-2b8c9e0f1a2b at 2025-01-10T09:00:00.000Z';
    expect(redactSecrets(line)).toBe(line);
  });
});
