// The demo catalogue's slots should look like a real season: some already taken by
// other offices, a few unavailable for groups. Derived from the slot id so the demo is
// the same on every machine and in every test run.
export interface DemoOccupancy {
  remaining: number;
  status: 'open' | 'unavailable';
}

function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x1_0000_0000;
}

export function demoOccupancy(slotId: string, capacity: number): DemoOccupancy {
  const r = unitHash(slotId);
  if (r < 0.04) return { remaining: capacity, status: 'unavailable' };
  if (r < 0.14) return { remaining: 0, status: 'open' };
  if (r < 0.5) return { remaining: Math.max(1, Math.round(capacity * (r - 0.14) * 2.5)), status: 'open' };
  return { remaining: capacity, status: 'open' };
}
