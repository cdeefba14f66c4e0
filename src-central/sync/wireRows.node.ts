// Database rows as the wire sends them (centralApi.std.ts).
import type { z } from 'zod';
import type { WireCompanion, WireOption, WireSlotSchema } from '../../src-main/contract/centralApi.std.ts';
import type { GroupComposition } from '../../src-main/core/domain/groupComposition.std.ts';
import type { companions, options, slots } from '../store/schema.node.ts';

export type SlotRow = typeof slots.$inferSelect;
export type OptionRow = typeof options.$inferSelect;
export type CompanionRow = typeof companions.$inferSelect;

export function wireSlot(row: SlotRow): z.infer<typeof WireSlotSchema> {
  return {
    id: row.id, venueId: row.venueId, startsAt: row.startsAt.toISOString(), localDate: row.localDate, localTime: row.localTime,
    capacity: row.capacity, remaining: row.capacity - row.held - row.sold, status: row.status,
  };
}

export function wireOption(row: OptionRow): WireOption {
  return {
    id: row.id, venueId: row.venueId, slotId: row.slotId, startsAt: row.startsAt.toISOString(),
    composition: row.composition as GroupComposition, totalCents: row.totalCents, state: row.state,
    expiresAt: row.expiresAt.toISOString(), groupBookingId: row.groupBookingId,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

export function wireCompanion(row: CompanionRow): WireCompanion {
  return {
    id: row.id, kind: row.kind, surname: row.surname, firstName: row.firstName, email: row.email, phone: row.phone,
    placeholder: row.placeholder, updatedAt: row.updatedAt.toISOString(),
  };
}
