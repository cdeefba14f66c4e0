import type { TempCore } from '../support/tempCore.node.ts';

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
