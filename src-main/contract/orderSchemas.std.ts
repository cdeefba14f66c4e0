// What the renderer sees of orders, tickets and contacts (DOMAIN.md §5–§6).
import { z } from 'zod';
import { ORDER_STATES, WireOrderSchema } from './centralApi.std.ts';
import { IsoInstantSchema } from './schemas.std.ts';
import { PrintSummarySchema } from './printSchemas.std.ts';

export const OrderStateDtoSchema = z.enum(ORDER_STATES);
export const OrderRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  createdAt: IsoInstantSchema,
  state: OrderStateDtoSchema,
  paymentMethod: z.enum(['card', 'transfer']),
  totalCents: z.int(),
  /** "Sainte-Chapelle, Conciergerie": the venues of its bookings. */
  venueNames: z.array(z.string()),
  /** The first visit of the order. */
  firstVisitAt: IsoInstantSchema,
  /** Awaiting a transfer: when it must have been received. */
  paymentDueAt: IsoInstantSchema.nullable(),
  ticketCount: z.int(),
  /** The client groups its visits are for. */
  dossiers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type OrderRowDto = z.infer<typeof OrderRowSchema>;

export const TicketRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  /** The sub-group (option) the ticket belongs to. */
  optionId: z.string(),
  venueName: z.string(),
  kind: z.enum(['visitor', 'guide', 'leader']),
  label: z.object({ fr: z.string(), en: z.string() }),
  validFrom: IsoInstantSchema,
  validUntil: IsoInstantSchema,
  state: z.enum(['valid', 'cancelled']),
  /** "Lola Lago <lola@example.fr>" once assigned. */
  assignedTo: z.object({ name: z.string(), email: z.string(), at: IsoInstantSchema }).nullable(),
  printed: PrintSummarySchema,
  /** The client group of its visit. */
  dossier: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TicketRowDto = z.infer<typeof TicketRowSchema>;

export const OrderDetailSchema = z.object({
  row: OrderRowSchema,
  order: WireOrderSchema,
  tickets: z.array(TicketRowSchema),
  /** Venue cancellation: the designated companions of the cancelled bookings, to be called. */
  companionsToCall: z.array(z.object({
    name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), venueName: z.string(), startsAt: IsoInstantSchema,
  })),
  /** How often this order's tickets left the app, and the last time. */
  printed: PrintSummarySchema,
  /** Venue cancellation: the client groups hit, with their contacts, to be told. */
  clientsToCall: z.array(z.object({
    dossierId: z.string(), name: z.string(), contactName: z.string().nullable(), contactEmail: z.string().nullable(), contactPhone: z.string().nullable(),
    venueName: z.string(), startsAt: IsoInstantSchema,
  })),
  /** The group bookings (split groups) this order is part of: their bundle holds every sub-group, even from other orders. */
  groupBookings: z.array(z.object({ id: z.string(), subGroups: z.int() })),
});
export type OrderDetailDto = z.infer<typeof OrderDetailSchema>;

export const ContactRowSchema = z.object({
  id: z.string(),
  surname: z.string(),
  firstName: z.string(),
  email: z.string(),
  pending: z.boolean(),
});
export type ContactRowDto = z.infer<typeof ContactRowSchema>;
