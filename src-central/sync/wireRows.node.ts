// Database rows as the wire sends them (centralApi.std.ts).
import type { z } from 'zod';
import type {
  WireCompanion, WireContact, WireDossier, WireGroupCode, WireOption, WireOrder, WireSlotSchema, WireTicket, WireVenueRequest, WireVoucher,
} from '../../src-main/contract/centralApi.std.ts';
import type { GroupComposition } from '../../src-main/core/domain/groupComposition.std.ts';
import type { companions, contacts, dossiers, groupCodes, options, orders, slots, tickets, venueRequests, vouchers } from '../store/schema.node.ts';

export type SlotRow = typeof slots.$inferSelect;
export type OptionRow = typeof options.$inferSelect;
export type CompanionRow = typeof companions.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type DossierRow = typeof dossiers.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;
export type VenueRequestRow = typeof venueRequests.$inferSelect;
export type GroupCodeRow = typeof groupCodes.$inferSelect;
export type OrderBooking = WireOrder['bookings'][number];
export type VoucherRow = typeof vouchers.$inferSelect;

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
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), dossierId: row.dossierId,
  };
}

export function wireCompanion(row: CompanionRow): WireCompanion {
  return {
    id: row.id, kind: row.kind, surname: row.surname, firstName: row.firstName, email: row.email, phone: row.phone,
    placeholder: row.placeholder, updatedAt: row.updatedAt.toISOString(),
  };
}

export function wireContact(row: ContactRow): WireContact {
  return { id: row.id, surname: row.surname, firstName: row.firstName, email: row.email, updatedAt: row.updatedAt.toISOString() };
}

export function wireDossier(row: DossierRow): WireDossier {
  return {
    id: row.id, name: row.name, clientReference: row.clientReference, contactName: row.contactName, contactEmail: row.contactEmail,
    contactPhone: row.contactPhone, expectedPeople: row.expectedPeople, travelFrom: row.travelFrom, travelTo: row.travelTo,
    notes: row.notes, updatedAt: row.updatedAt.toISOString(),
  };
}

export function wireOrder(row: OrderRow): WireOrder {
  return {
    id: row.id, number: row.number, state: row.state,
    createdAt: row.createdAt.toISOString(), paidAt: row.paidAt?.toISOString() ?? null, refundedAt: row.refundedAt?.toISOString() ?? null,
    paymentDueAt: row.paymentDueAt?.toISOString() ?? null, cancelledAt: row.cancelledAt?.toISOString() ?? null, cancelReason: row.cancelReason,
    payment: { method: row.paymentMethod, cardLast4: row.cardLast4, reference: row.paymentReference },
    bookings: row.bookings as OrderBooking[], voucherLines: row.voucherLines as WireOrder['voucherLines'], totalCents: row.totalCents, discountCents: row.discountCents,
    vat: row.vat as WireOrder['vat'], refundCents: row.refundCents,
  };
}

export function wireTicket(row: TicketRow): WireTicket {
  return {
    id: row.id, number: row.number, orderId: row.orderId, optionId: row.optionId, venueId: row.venueId, productId: row.productId,
    kind: row.kind, label: row.label as WireTicket['label'], slotId: row.slotId,
    validFrom: row.validFrom.toISOString(), validUntil: row.validUntil.toISOString(), qr: row.qr, state: row.state,
    assignedTo: row.assignedAt && row.assignedName !== null && row.assignedEmail !== null
      ? { contactId: row.assignedContactId, name: row.assignedName, email: row.assignedEmail, at: row.assignedAt.toISOString() }
      : null,
  };
}

export function wireGroupCode(row: GroupCodeRow): WireGroupCode {
  return { id: row.id, orderId: row.orderId, revision: row.revision, ticketNumbers: row.ticketNumbers as string[], qr: row.qr, state: row.state };
}

export function wireVenueRequest(row: VenueRequestRow): WireVenueRequest {
  return {
    id: row.id, venueId: row.venueId, visitDate: row.visitDate, headCount: row.headCount, state: row.state, notes: row.notes,
    sentAt: row.sentAt.toISOString(), confirmedAt: row.confirmedAt?.toISOString() ?? null,
    paidAt: row.paidAt?.toISOString() ?? null, doneAt: row.doneAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString(),
    dossierId: row.dossierId,
  };
}

export function wireVoucher(row: VoucherRow): WireVoucher {
  return {
    id: row.id, code: row.code, orderId: row.orderId, museumId: row.museumId, tariffId: row.tariffId,
    label: row.label as WireVoucher['label'], priceCents: row.priceCents, issuedAt: row.issuedAt.toISOString(),
    validUntil: row.validUntil.toISOString(), state: row.state,
    used: row.usedAt && row.usedMuseumId ? { at: row.usedAt.toISOString(), museumId: row.usedMuseumId, till: row.usedTill } : null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    assignedTo: row.assignedEmail && row.assignedAt ? { email: row.assignedEmail, name: row.assignedName, at: row.assignedAt.toISOString() } : null,
  };
}
