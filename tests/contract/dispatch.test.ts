import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../src-main/contract/methods.std.ts';
import { handlers } from '../../src-main/core/rpc/handlers.node.ts';
import { createDispatch } from '../../src-main/core/rpc/dispatch.node.ts';
import { tempCore } from '../support/tempCore.node.ts';

const core = await tempCore(new Date('2025-01-10T09:00:00Z'));
afterAll(() => core.close());

const firstSlot = async (venueId: string, month: string, seats = 0) => {
  const result = await core.dispatch('calendar.month', { venueId, month });
  if (!result.ok) throw new Error(result.error.message);
  const { days } = result.value as { days: { slots: { id: string; startsAt: string; status: string; remaining: number }[] }[] };
  return days.flatMap((d) => d.slots).find((s) => seats === 0 || (s.status === 'open' && s.remaining >= seats))!;
};

describe('the contract', () => {
  it('has a handler for every method and no handler without a method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(methods).sort());
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const result = await core.dispatch('options.teleport', {});
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_METHOD' }) });
  });

  it('refuses a negative group size, naming the field and the limit', async () => {
    const slot = await firstSlot('sainte-chapelle', '2025-03');
    const result = await core.dispatch('booking.quote', { slotId: slot.id, composition: { visitors: -3, guides: 1, leaders: 0 } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { fields: [{ path: 'composition.visitors', problem: 'too_small', limit: 0 }] } },
    });
  });

  it('refuses an unknown venue with NOT_FOUND', async () => {
    const result = await core.dispatch('calendar.month', { venueId: 'tour-eiffel', month: '2025-03' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'venue', id: 'tour-eiffel' } } });
  });

  it.each([
    ['calendar.month', { venueId: 'sainte-chapelle', month: '2025-13' }, 'month'],
    ['booking.planSplit', { venueId: 'sainte-chapelle', date: '2025-02-30', composition: { visitors: 70, guides: 3, leaders: 2 } }, 'date'],
    ['booking.planSplit', { venueId: 'sainte-chapelle', date: 'next tuesday', composition: { visitors: 70, guides: 3, leaders: 2 } }, 'date'],
  ] as const)('says a date that is not a date is not a date (%s %j)', async (method, input, path) => {
    const result = await core.dispatch(method, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ path, problem: 'not_a_date' }] } } });
  });

  it('refuses a central service reached over plain http (tokens and tickets in clear), except on this computer', async () => {
    expect(await core.dispatch('settings.update', { centralUrl: 'http://central.example' }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ path: 'centralUrl', problem: 'insecure_url' }] } } });
    expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { centralUrl: null } });
    for (const url of ['https://central.example', 'http://127.0.0.1:4870', 'http://localhost:4870']) {
      expect(await core.dispatch('settings.update', { centralUrl: url })).toMatchObject({ ok: true, value: { centralUrl: url } });
    }
    await core.dispatch('settings.update', { centralUrl: null });
  });

  it('refuses a pasted invisible character or a year 0000 before anything is queued for the service', async () => {
    const before = (await core.dispatch('sync.status', {})) as { ok: true; value: { pendingChanges: number } };
    expect(await core.dispatch('companions.save', { kind: 'guide', surname: 'LA\u0000GO', firstName: 'Lola', email: null, phone: null, placeholder: false }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ path: 'surname', problem: 'control_character' }] } } });
    expect(await core.dispatch('requests.create', { venueId: 'pantheon', visitDate: '0000-01-01', headCount: 30 }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ path: 'visitDate', problem: 'not_a_date' }] } } });
    expect(await core.dispatch('sync.status', {})).toMatchObject({ ok: true, value: { pendingChanges: before.value.pendingChanges } });
  });

  it('refuses fields it does not know rather than ignoring them', async () => {
    const result = await core.dispatch('settings.update', { language: 'fr', theme: 'dark' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { fields: [{ problem: 'unknown_field', path: 'theme' }] } } });
  });

  it('turns a bug in a handler into INTERNAL without leaking its stack', async () => {
    const logged: unknown[] = [];
    const broken = createDispatch(
      { ...handlers, 'catalogue.venues': () => { throw new TypeError('cannot read x of undefined'); } },
      { store: core.store, now: () => new Date(), emit: () => undefined, appVersion: 't', dataDir: '/tmp', centralUrl: null, central: {} as never, sync: core.sync,
        bundles: {} as never, printer: {} as never, desktop: null, workstation: 't', migrationsDir: '/tmp', busyWith: () => null, logTail: () => '', updates: {} as never, windowShown: () => undefined },
      { error: (...args: unknown[]) => logged.push(args) },
    );
    const result = await broken('catalogue.venues', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('cannot read x');
    expect(logged).toHaveLength(1);
  });
});

const SKIP = Symbol('needs a central service');

describe('every method answers with its declared output shape', () => {
  let slotId = '';
  let vincennesSlotId = '';
  beforeAll(async () => {
    slotId = (await firstSlot('sainte-chapelle', '2025-03')).id;
    vincennesSlotId = (await firstSlot('chateau-de-vincennes', '2025-03', 18)).id;
  });

  const inputs = (): Record<MethodName, unknown> => ({
    'app.info': {},
    'app.shown': {},
    'localData.get': {},
    'localData.backUp': {},
    // Shape-checked in tests/store/backupRestore.test.ts.
    'localData.restore': SKIP,
    'localData.dismissRecovery': {},
    'diagnostics.export': {},
    'updates.status': {},
    'updates.check': {},
    'updates.restart': {},
    'settings.get': {},
    'settings.update': { language: 'en' },
    'catalogue.venues': {},
    'calendar.month': { venueId: 'sainte-chapelle', month: '2025-03' },
    'booking.quote': { slotId, composition: { visitors: 16, guides: 1, leaders: 0 } },
    'booking.planSplit': { venueId: 'sainte-chapelle', date: '2025-03-18', composition: { visitors: 70, guides: 3, leaders: 2 } },
    'account.status': {},
    'account.signUp': SKIP,
    'vouchers.assign': SKIP,
    'vouchers.assignList': SKIP,
    'vouchers.dismissRefusal': { voucherId: 'no-such-voucher' },
    'account.signIn': SKIP,
    'account.signOut': {},
    'options.list': {},
    'options.place': SKIP,
    'options.cancel': SKIP,
    'options.placeGroup': SKIP,
    'options.resize': SKIP,
    'options.replace': SKIP,
    'options.dismiss': SKIP,
    // Shape-checked in tests/sync/dossiers.test.ts.
    'options.moveToDossier': SKIP,
    'dossiers.get': SKIP,
    'dossiers.list': {},
    'dossiers.save': { name: 'Lycée Voltaire', clientReference: null, contactName: null, contactEmail: null, contactPhone: null, expectedPeople: 52, travelFrom: null, travelTo: null, notes: null },
    'sync.now': {},
    'requests.list': { venueId: 'pantheon' },
    'requests.create': { venueId: 'pantheon', visitDate: '2025-04-02', headCount: 30, notes: 'Coach at 9:30' },
    'requests.advance': SKIP,
    'cart.get': {},
    'cart.add': SKIP,
    'cart.addVouchers': SKIP,
    'cart.remove': { itemId: 'none' },
    'cart.buyNow': { slotId: vincennesSlotId, composition: { visitors: 16, guides: 1, leaders: 1 } },
    'cart.designate': SKIP,
    'cart.applyToAll': SKIP,
    'cart.checkout': SKIP,
    'companions.save': { kind: 'leader', surname: 'LAGO', firstName: 'Lola', email: 'lola@example.org', phone: '+33 6 12 34 56 78', placeholder: false },
    'companions.delete': SKIP,
    'companions.list': {},
    'orders.list': { from: '2025-01-01', to: '2025-01-31', state: 'paid' },
    'orders.get': SKIP,
    'orders.receipt': SKIP,
    'tickets.csv': SKIP,
    'orders.assign': SKIP,
    'contacts.list': {},
    'contacts.save': { surname: 'MARTIN', firstName: 'Camille', email: 'camille@example.org' },
    'tickets.list': {},
    'vouchers.list': {},
    'vouchers.catalogue': {},
    'vouchers.export': SKIP,
    'search.find': { query: 'sainte' },
    'sync.status': {},
    'sync.refused': {},
    'sync.discardRefused': SKIP,
    'sync.resendRefused': SKIP,
    'bundles.start': SKIP,
    'bundles.list': {},
    'bundles.cancel': SKIP,
    'bundles.export': SKIP,
    'bundles.print': SKIP,
    // Needs a print server: tests/print/cupsPrinter.test.ts starts one.
    'printers.list': SKIP,
  });

  // Methods that need a central service (or a paid order) are shape-checked in tests/sync and tests/contract/cart.test.ts.
  it.each((Object.keys(methods) as MethodName[]).filter((m) => inputs()[m] !== SKIP))('%s', async (method) => {
    const result = await core.dispatch(method, inputs()[method]);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    expect(methods[method].output.safeParse(result.value).success).toBe(true);
  });
});
