// THE API between the renderer and the main process: one table of methods and
// one of events. Every transport (Electron IPC, the browser host) carries exactly these.
import { z } from 'zod';
import {
  CalendarMonthSchema, CompanionRowSchema, GroupCompositionSchema, LocalDateSchema, MonthSchema,
  OptionRowSchema, OrderRowSchema, QuoteSchema, SettingsSchema, LanguageSchema, SplitPlanSchema,
  SyncStatusSchema, TicketRowSchema, VenueIdSchema, VenueSchema, VoucherRowSchema,
} from './schemas.std.ts';

const none = z.strictObject({});

export const methods = {
  'app.info': {
    input: none,
    output: z.object({ version: z.string(), schemaVersion: z.int(), dataDir: z.string() }),
  },
  'settings.get': { input: none, output: SettingsSchema },
  'settings.update': { input: z.strictObject({ language: LanguageSchema.optional() }), output: SettingsSchema },
  'catalogue.venues': { input: none, output: z.array(VenueSchema) },
  'calendar.month': {
    input: z.strictObject({ venueId: VenueIdSchema, month: MonthSchema }),
    output: CalendarMonthSchema,
  },
  'booking.quote': {
    input: z.strictObject({
      slotId: z.string().min(1),
      composition: GroupCompositionSchema,
      specialVisit: z.boolean().optional(),
    }),
    output: QuoteSchema,
  },
  'booking.planSplit': {
    input: z.strictObject({ venueId: VenueIdSchema, date: LocalDateSchema, composition: GroupCompositionSchema }),
    output: SplitPlanSchema,
  },
  'options.list': { input: none, output: z.array(OptionRowSchema) },
  'companions.list': { input: none, output: z.array(CompanionRowSchema) },
  'orders.list': { input: none, output: z.array(OrderRowSchema) },
  'tickets.list': { input: none, output: z.array(TicketRowSchema) },
  'vouchers.list': { input: none, output: z.array(VoucherRowSchema) },
  'sync.status': { input: none, output: SyncStatusSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'settings.changed': SettingsSchema,
  'sync.status': SyncStatusSchema,
} as const satisfies Record<string, z.ZodType>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(methods, name);
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);
