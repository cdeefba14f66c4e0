import crypto from 'node:crypto';
import { TEST_CARDS, type WireVoucher } from '../../src-main/contract/centralApi.std.ts';
import type { CentralHarness } from '../support/centralHarness.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';

/** Calls a contract method and returns its value, failing the test with the error otherwise. */
export async function ok<T = unknown>(core: TempCore, method: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.value as T;
}

interface MonthDay { date: string; slots: { id: string; localTime: string; remaining: number; capacity: number; status: string; startsAt: string }[] }

export async function slotAt(core: TempCore, venueId: string, date: string, time: string) {
  const month = await ok<{ days: MonthDay[] }>(core, 'calendar.month', { venueId, month: date.slice(0, 7) });
  const slot = month.days.find((d) => d.date === date)?.slots.find((s) => s.localTime === time);
  if (!slot) throw new Error(`no slot ${venueId} ${date} ${time}`);
  return slot;
}

export interface OptionRow { id: string; state: string; expiresAt: string | null; slotId: string; headCount: number; rejection: { code: string; alternatives: { slotId: string; startsAt: string; remaining: number }[] } | null }

export const options = (core: TempCore) => ok<OptionRow[]>(core, 'options.list');

/**
 * A desk signed in as a new validated office of `central` and synced once; closed by the
 * caller's cleanups. `centralUrl` lets the desk reach the service through a cuttable cable.
 */
export async function signedInDesk(
  central: CentralHarness, cleanups: (() => Promise<void> | void)[], now = new Date('2025-01-10T09:00:00Z'), centralUrl = central.url,
): Promise<TempCore> {
  const desk = await tempCore(now, { centralUrl });
  cleanups.push(() => desk.close());
  await ok(desk, 'account.signIn', await central.validatedOffice());
  await desk.sync.syncNow();
  return desk;
}

/** The office buys vouchers by card through the service's API (the cart's part is the Vouchers screen's). */
export async function buyVouchers(central: CentralHarness, office: { email: string; password: string }, quantity: number): Promise<WireVoucher[]> {
  const post = async (route: string, body: unknown, token?: string) => {
    const response = await fetch(new URL(route, central.url), {
      method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${route} ${response.status}: ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const { accessToken } = await post('/auth/signin', office) as { accessToken: string };
  const paid = await post('/orders/checkout', {
    orderId: crypto.randomUUID(), termsAccepted: true,
    items: [{ kind: 'voucher', itemId: crypto.randomUUID(), tariffId: 'mad-contremarques:plein', quantity }],
    payment: { method: 'card', card: { number: TEST_CARDS.approved, expiry: '12/29', cvc: '123', holder: 'Camille Martin' } },
  }, accessToken);
  return paid.vouchers as WireVoucher[];
}
