// A dossier as the desk shows it: the client group with what it has booked across monuments,
// laid out as the trip's days, and what is still missing before the visit.
import { z } from 'zod';
import { DossierFieldsSchema, VENUE_REQUEST_STATES } from './centralApi.std.ts';
import { GroupCompositionSchema, IsoInstantSchema, LocalDateSchema } from './schemas.std.ts';

export const DossierRowSchema = DossierFieldsSchema.extend({
  id: z.string(),
  /** A change waiting to be sent to the central service. */
  pending: z.boolean(),
  /** Options held, paid or waiting to be sent, across monuments. */
  visits: z.int(),
  /** The first visit still to come, if any. */
  nextVisitAt: IsoInstantSchema.nullable(),
  /** How many things to do before the visits (see DossierDetail.missing). */
  missingCount: z.int(),
});
export type DossierRowDto = z.infer<typeof DossierRowSchema>;

export const DossierVisitSchema = z.object({
  optionId: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  startsAt: IsoInstantSchema,
  /** The visit's time where the monument is ("14:30"). */
  localTime: z.string(),
  composition: GroupCompositionSchema,
  headCount: z.int(),
  state: z.string(),
  expiresAt: IsoInstantSchema.nullable(),
  totalCents: z.int(),
  groupBookingId: z.string().nullable(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
});
export type DossierVisitDto = z.infer<typeof DossierVisitSchema>;

/** One thing to do before the visits, said by its kind and facts (the screen puts it in words). */
export const DossierMissingSchema = z.discriminatedUnion('kind', [
  /** A held option that lapses soon: pay it or lose the seats. */
  z.object({ kind: z.literal('optionExpiring'), optionId: z.string(), venueName: z.string(), expiresAt: IsoInstantSchema }),
  /** The service refused this option: place it on another slot or dismiss it. */
  z.object({ kind: z.literal('optionRefused'), optionId: z.string(), venueName: z.string(), startsAt: IsoInstantSchema }),
  /** Guide or leader places of held options with nobody named in the cart yet. */
  z.object({ kind: z.literal('companionsMissing'), optionId: z.string(), venueName: z.string(), count: z.int() }),
  /** Paid tickets never printed nor saved from this workstation. */
  z.object({ kind: z.literal('ticketsNotPrinted'), orderId: z.string(), orderNumber: z.string(), venueName: z.string(), count: z.int() }),
  /** The monument cancelled the visit: the client must be told. */
  z.object({ kind: z.literal('cancelledByVenue'), optionId: z.string(), venueName: z.string(), startsAt: IsoInstantSchema }),
]);
export type DossierMissingDto = z.infer<typeof DossierMissingSchema>;

export const DossierDetailSchema = z.object({
  dossier: DossierRowSchema,
  /** The trip day by day (in each monument's time zone), earliest first. */
  days: z.array(z.object({ localDate: LocalDateSchema, visits: z.array(DossierVisitSchema) })),
  totals: z.object({
    /** People of the visits held or paid, counted once per visit. */
    people: z.int(),
    paidCents: z.int(),
    /** Still held as options, not paid. */
    heldCents: z.int(),
  }),
  missing: z.array(DossierMissingSchema),
  /** Requests to monuments booked through their own department, with their step. */
  requests: z.array(z.object({
    id: z.string(), venueId: z.string(), venueName: z.string(), visitDate: LocalDateSchema, headCount: z.int(), state: z.enum(VENUE_REQUEST_STATES),
  })),
  /** The guides and leaders named for its visits (paid, or in the cart), each once per visit. */
  companions: z.array(z.object({
    companionId: z.string(), name: z.string(), kind: z.enum(['guide', 'leader']), phone: z.string().nullable(),
    optionId: z.string(), venueName: z.string(), startsAt: IsoInstantSchema,
  })),
});
export type DossierDetailDto = z.infer<typeof DossierDetailSchema>;
