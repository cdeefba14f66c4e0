// How full a day is, for the month view's colour and legend.
export type Heat = 'plenty' | 'some' | 'few' | 'full' | 'none' | 'past';

export function dayHeat(slots: { remaining: number; capacity: number; status: string }[]): Heat {
  // Started slots are sold no more: their places say nothing of the day's room.
  const open = slots.filter((s) => s.status !== 'unavailable' && s.status !== 'past');
  if (open.length === 0) return slots.length > 0 && slots.every((s) => s.status === 'past') ? 'past' : 'none';
  const capacity = open.reduce((sum, s) => sum + s.capacity, 0);
  const remaining = open.reduce((sum, s) => sum + s.remaining, 0);
  if (remaining === 0) return 'full';
  const ratio = remaining / capacity;
  if (ratio >= 0.6) return 'plenty';
  if (ratio >= 0.3) return 'some';
  return 'few';
}
