// A change the central service refuses as malformed (a pasted NUL, a year 0000 queued by an
// older Guichet whose checks let them through) used to stay at the head of the outbox for
// ever: every later change was refused OUT_OF_ORDER and nothing reached the service again.
// It is now the refusal of that one change, agreed with the service; the agent sees it with
// its reason and corrects it or discards it; the changes behind it go on.
import crypto from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { NewMutation } from '../../src-main/contract/centralApi.std.ts';
import { methods } from '../../src-main/contract/methods.std.ts';
import type { CompanionRowDto, RefusedChangeDto } from '../../src-main/contract/schemas.std.ts';
import { applyLocally } from '../../src-main/core/sync/localMutators.node.ts';
import { createCentralClient, OfflineError } from '../../src-main/core/sync/centralClient.node.ts';
import { recordMutation } from '../../src-main/core/sync/outbox.node.ts';
import { createSyncEngine } from '../../src-main/core/sync/syncEngine.node.ts';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { ok } from './helpers.node.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Credentials = { email: string; password: string };

async function workstation(central: CentralHarness, credentials: Credentials): Promise<TempCore> {
  const desk = await tempCore(new Date('2025-01-10T09:00:00Z'), { centralUrl: central.url });
  cleanups.push(() => desk.close());
  await ok(desk, 'account.signIn', credentials);
  await desk.sync.syncNow();
  return desk;
}

async function office(): Promise<{ central: CentralHarness; credentials: Credentials; desk: TempCore }> {
  const central = await startCentralHarness();
  cleanups.push(central.close);
  const credentials = await central.validatedOffice();
  return { central, credentials, desk: await workstation(central, credentials) };
}

/** Queues a change past the desk's own checks, as an older Guichet that had none would have. */
function queueAsAnOlderGuichet(desk: TempCore, mutation: { name: string; args: Record<string, unknown> }): void {
  const nowIso = new Date().toISOString();
  desk.store.sqlite.transaction(() => {
    recordMutation(desk.store.db, mutation as NewMutation, nowIso);
    applyLocally(desk.store.db, mutation as NewMutation, nowIso);
  })();
}

const companionArgs = (fields: Partial<{ companionId: string; surname: string; phone: string | null }> = {}) => ({
  companionId: crypto.randomUUID(), kind: 'guide', surname: 'LAGO', firstName: 'Lola', email: null, phone: null, placeholder: false, ...fields,
});

const surnames = async (desk: TempCore) => (await ok<CompanionRowDto[]>(desk, 'companions.list')).map((c) => c.surname);

it('a change refused as malformed does not jam the outbox: later changes reach the service', async () => {
  const { central, credentials, desk } = await office();
  queueAsAnOlderGuichet(desk, { name: 'companion.save', args: companionArgs({ surname: 'LA\u0000GO' }) });
  queueAsAnOlderGuichet(desk, {
    name: 'venueRequest.save',
    args: {
      requestId: crypto.randomUUID(), venueId: 'pantheon', visitDate: '0000-03-12', headCount: 30, state: 'sent', notes: '',
      sentAt: '2025-01-10T09:00:00.000Z', confirmedAt: null, paidAt: null, doneAt: null,
    },
  });
  await ok(desk, 'companions.save', { kind: 'leader', surname: 'BERNARD', firstName: 'Chloé', email: null, phone: null, placeholder: false });

  expect(await desk.sync.syncNow()).toMatchObject({ connection: 'online', pendingChanges: 0, refusedChanges: 2 });
  // The change made after them is on the service: another workstation of the office has it.
  const other = await workstation(central, credentials);
  expect(await surnames(other)).toEqual(['BERNARD']);
  // This workstation holds what the service holds, not the refused values.
  expect(await surnames(desk)).toEqual(['BERNARD']);
  expect(await ok(desk, 'requests.list', { venueId: 'pantheon' })).toEqual([]);

  // And the next change is in order with the service too.
  await ok(desk, 'contacts.save', { surname: 'DURAND', firstName: 'Léa', email: 'lea@example.org' });
  expect(await desk.sync.syncNow()).toMatchObject({ connection: 'online', pendingChanges: 0, refusedChanges: 2 });
  await other.sync.syncNow();
  expect((await ok<{ surname: string }[]>(other, 'contacts.list')).map((c) => c.surname)).toEqual(['DURAND']);
});

it('the refused change is shown with its reason and can be discarded: the workstation keeps the service’s version', async () => {
  const { desk } = await office();
  const lola = await ok<CompanionRowDto>(desk, 'companions.save', { kind: 'guide', surname: 'LAGO', firstName: 'Lola', email: null, phone: '01 23 45 67 89', placeholder: false });
  await desk.sync.syncNow();
  queueAsAnOlderGuichet(desk, { name: 'companion.save', args: companionArgs({ companionId: lola.id, surname: 'LA\u0000GO', phone: '06 00 00 00 00' }) });

  expect(await desk.sync.syncNow()).toMatchObject({ pendingChanges: 0, refusedChanges: 1 });
  const listed = await ok<RefusedChangeDto[]>(desk, 'sync.refused');
  expect(methods['sync.refused'].output.safeParse(listed).success).toBe(true);
  const [refused, ...none] = listed;
  expect(none).toEqual([]);
  expect(refused).toMatchObject({
    change: 'companion.save', subject: 'Lola LA\uFFFDGO', code: 'INVALID_INPUT', fields: [{ path: 'surname', problem: 'control_character' }],
  });
  // Until the agent decides, the registry shows what the service holds.
  expect(await ok(desk, 'companions.list')).toMatchObject([{ id: lola.id, surname: 'LAGO', phone: '01 23 45 67 89', pending: false }]);

  await ok(desk, 'sync.discardRefused', { mutationId: refused!.mutationId });
  expect(await ok(desk, 'sync.refused')).toEqual([]);
  expect(await desk.sync.syncNow()).toMatchObject({ pendingChanges: 0, refusedChanges: 0 });
  expect(await ok(desk, 'companions.list')).toMatchObject([{ id: lola.id, surname: 'LAGO', phone: '01 23 45 67 89' }]);
});

it('the refused change can be edited and resent: nothing typed is lost, and the corrected change reaches the service', async () => {
  const { central, credentials, desk } = await office();
  const args = companionArgs({ surname: 'LA\u0000GO', phone: '06 11 22 33 44' });
  queueAsAnOlderGuichet(desk, { name: 'companion.save', args });
  await desk.sync.syncNow();
  const [refused] = await ok<RefusedChangeDto[]>(desk, 'sync.refused');
  expect(refused!.args).toEqual(args);

  // Still wrong: the desk says so itself, and keeps the refused change to correct again.
  const wrong = await desk.dispatch('sync.resendRefused', { mutationId: refused!.mutationId, corrections: { surname: 'LA\u0001GO' } });
  expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ path: 'surname', problem: 'control_character' }] } } });
  expect(await ok(desk, 'sync.refused')).toHaveLength(1);

  await ok(desk, 'sync.resendRefused', { mutationId: refused!.mutationId, corrections: { surname: 'LAGO' } });
  expect(await ok(desk, 'sync.refused')).toEqual([]);
  expect(await desk.sync.syncNow()).toMatchObject({ pendingChanges: 0, refusedChanges: 0 });
  const other = await workstation(central, credentials);
  expect(await ok(other, 'companions.list')).toMatchObject([{ id: args.companionId, surname: 'LAGO', firstName: 'Lola', phone: '06 11 22 33 44' }]);
});

it('refused changes discarded before the next pull: the workstation gets the service’s version back, and loses what the service never had', async () => {
  const { central, desk } = await office();
  const lola = await ok<CompanionRowDto>(desk, 'companions.save', { kind: 'guide', surname: 'LAGO', firstName: 'Lola', email: null, phone: null, placeholder: false });
  await desk.sync.syncNow();
  queueAsAnOlderGuichet(desk, { name: 'companion.save', args: companionArgs({ companionId: lola.id, surname: 'LA\u0000GO' }) });
  queueAsAnOlderGuichet(desk, { name: 'companion.save', args: companionArgs({ surname: 'NEW\u0000MAN' }) });
  // The push is answered, then the connection drops before the pull.
  const real = createCentralClient(central.url);
  const cut = createSyncEngine({
    store: desk.store, client: { ...real, pull: () => Promise.reject(new OfflineError('cable cut')) }, now: () => new Date(), onStatus: () => undefined,
  });
  cleanups.push(() => cut.stop());
  expect(await cut.syncNow()).toMatchObject({ connection: 'offline', pendingChanges: 0, refusedChanges: 2 });
  expect(await surnames(desk)).toEqual(['LA\u0000GO', 'NEW\u0000MAN']);

  for (const refused of await ok<RefusedChangeDto[]>(desk, 'sync.refused')) {
    await ok(desk, 'sync.discardRefused', { mutationId: refused.mutationId });
  }
  expect(await desk.sync.syncNow()).toMatchObject({ connection: 'online', refusedChanges: 0 });
  expect(await ok(desk, 'companions.list')).toMatchObject([{ id: lola.id, surname: 'LAGO' }]);
});

it('signing in as another office forgets the changes refused to the office before', async () => {
  const { central, desk } = await office();
  queueAsAnOlderGuichet(desk, { name: 'companion.save', args: companionArgs({ surname: 'LA\u0000GO' }) });
  expect(await desk.sync.syncNow()).toMatchObject({ refusedChanges: 1 });
  await ok(desk, 'account.signOut');
  await ok(desk, 'account.signIn', await central.validatedOffice('Voyages Autres'));
  expect(await ok(desk, 'sync.refused')).toEqual([]);
  expect(await desk.sync.syncNow()).toMatchObject({ refusedChanges: 0 });
});
