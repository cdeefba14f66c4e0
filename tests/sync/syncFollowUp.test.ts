// A change recorded while a sync is already on the network must not wait for the next poll:
// asking for a sync then runs one more cycle after the current one, and that one sends it.
import { afterEach, expect, it } from 'vitest';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { createCentralClient, type CentralClient } from '../../src-main/core/sync/centralClient.node.ts';
import { applyLocally } from '../../src-main/core/sync/localMutators.node.ts';
import { recordMutation } from '../../src-main/core/sync/outbox.node.ts';
import { createSyncEngine } from '../../src-main/core/sync/syncEngine.node.ts';
import { signedInDesk } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('a change recorded while a cycle is pulling is pushed by the sync asked for then, not ten seconds later', async () => {
  const central = await startCentralHarness();
  cleanups.push(central.close);
  const desk = await signedInDesk(central, cleanups);

  // The first pull waits on the network until the test lets it through.
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  let pulling!: () => void;
  const pullStarted = new Promise<void>((resolve) => { pulling = resolve; });
  const real = createCentralClient(central.url);
  let pulls = 0;
  const client: CentralClient = {
    ...real,
    async pull(token, request) {
      pulls += 1;
      if (pulls === 1) {
        pulling();
        await held;
      }
      return real.pull(token, request);
    },
  };
  const engine = createSyncEngine({ store: desk.store, client, now: () => new Date('2025-01-10T09:00:00Z'), onStatus: () => undefined });
  cleanups.push(() => engine.stop());

  const first = engine.syncNow();
  await pullStarted;
  const nowIso = new Date().toISOString();
  const mutation = {
    name: 'companion.save' as const,
    args: { companionId: crypto.randomUUID(), kind: 'guide' as const, surname: 'LAGO', firstName: 'Lola', email: null, phone: null, placeholder: false },
  };
  desk.store.sqlite.transaction(() => {
    recordMutation(desk.store.db, mutation, nowIso);
    applyLocally(desk.store.db, mutation, nowIso);
  })();
  const asked = engine.syncNow();
  release();
  await first;
  const status = await asked;

  expect(status.pendingChanges).toBe(0);
  expect(desk.store.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
});
