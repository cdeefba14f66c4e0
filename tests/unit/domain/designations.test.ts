import { describe, expect, it } from 'vitest';
import { designationSlots, undesignatedSlots } from '../../../src-main/core/domain/designations.std.ts';

describe('companion designations', () => {
  it('asks for one companion per guide and per leader ticket, guides first', () => {
    expect(designationSlots({ visitors: 16, guides: 1, leaders: 2 })).toEqual([
      { kind: 'guide', index: 0 }, { kind: 'leader', index: 0 }, { kind: 'leader', index: 1 },
    ]);
    expect(designationSlots({ visitors: 25, guides: 0, leaders: 0 })).toEqual([]);
  });

  it('counts a ticket naming a companion deleted from the registry as undesignated', () => {
    const known = new Set(['lola']);
    const missing = undesignatedSlots({ visitors: 16, guides: 1, leaders: 1 }, [
      { kind: 'guide', index: 0, companionId: 'lola' },
      { kind: 'leader', index: 0, companionId: 'deleted-anna' },
    ], (id) => known.has(id));
    expect(missing).toEqual([{ kind: 'leader', index: 0 }]);
  });
});
