// What the renderer sees of ticket bundles, printers and the print history (issue: bundles
// at the desk, DOMAIN.md §6).
import { z } from 'zod';
import { IsoInstantSchema, LocalDateSchema } from './schemas.std.ts';

/** What to print: an order, a group booking (all its sub-groups, even across orders), a selection, a day's visits, or a client group's. */
export const BundleScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('order'), orderId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('groupBooking'), groupBookingId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('tickets'), ticketIds: z.array(z.string().min(1)).min(1).max(5000) }),
  z.strictObject({ kind: z.literal('day'), date: LocalDateSchema }),
  z.strictObject({ kind: z.literal('dossier'), dossierId: z.string().min(1) }),
]);
export type BundleScope = z.infer<typeof BundleScopeSchema>;

export const LeftOutTicketSchema = z.object({ number: z.string(), reason: z.literal('cancelled') });

export const BundleJobSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  state: z.enum(['queued', 'running', 'done', 'cancelled', 'failed']),
  pagesDone: z.int(),
  /** Tickets plus one cover per sub-group. */
  pagesTotal: z.int(),
  ticketCount: z.int(),
  /** Voided tickets of the scope, never printed. */
  leftOut: z.array(LeftOutTicketSchema),
  /** 1 for the next to start; null unless queued. */
  queuePosition: z.int().nullable(),
  createdAt: IsoInstantSchema,
  finishedAt: IsoInstantSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type BundleJob = z.infer<typeof BundleJobSchema>;

export const PrinterSchema = z.object({
  name: z.string(),
  description: z.string(),
  isDefault: z.boolean(),
  state: z.enum(['idle', 'printing', 'paused']),
  acceptingJobs: z.boolean(),
});

export const PrintHowSchema = z.enum(['file', 'opened', 'printer', 'csv']);

/** "Printed 2 times, last on 3 Dec 10:02": shown on a ticket and on its order. */
export const PrintSummarySchema = z.object({
  count: z.int(),
  lastAt: IsoInstantSchema,
  lastHow: PrintHowSchema,
  lastWorkstation: z.string(),
  lastPrinter: z.string().nullable(),
}).nullable();
export type PrintSummary = z.infer<typeof PrintSummarySchema>;
