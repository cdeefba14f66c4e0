// Wire shapes shared by every side. Dates are ISO strings, money integer cents.
import { z } from 'zod';
import { InvalidFieldSchema } from './errors.std.ts';

export const LanguageSchema = z.enum(['fr', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const VenueIdSchema = z.string().min(1).max(80);
// PostgreSQL keeps no NUL in text and no year before 1 (and other controls are never typed,
// only pasted): refused here, the desk says so before anything is queued, and the service
// never meets them.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Typed text: no control characters but tab and line breaks. */
export const cleanText = <S extends z.ZodString>(schema: S) =>
  schema.refine((text) => !CONTROL_CHARACTERS.test(text), { params: { problem: 'control_character' }, message: 'contains a control character' });
const EVERY_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source, 'g');
/** Text with its control characters shown as � (where a refused value went wrong). */
export const showControlCharacters = (text: string) => text.replace(EVERY_CONTROL_CHARACTER, '\uFFFD');
/** Text with its control characters taken out: what the agent meant to type. */
export const dropControlCharacters = (text: string) => text.replace(EVERY_CONTROL_CHARACTER, '');
/** Dates from 1900 on: a booking office has nothing to say of earlier ones, and year 0 does not exist. */
const FIRST_DATE = '1900-01-01';
export const LocalDateSchema = z.iso.date().refine((d) => d >= FIRST_DATE, { params: { problem: 'not_a_date' }, message: 'not_a_date' });
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'not_a_date');
export const IsoInstantSchema = z.iso.datetime({ offset: true }).refine((d) => Date.parse(d) >= Date.parse(`${FIRST_DATE}T00:00:00Z`), { params: { problem: 'not_a_date' }, message: 'not_a_date' });

const headCount = z.int().min(0).max(500);
export const GroupCompositionSchema = z.strictObject({
  visitors: headCount,
  guides: headCount,
  leaders: headCount,
});
export type GroupCompositionDto = z.infer<typeof GroupCompositionSchema>;

export const BookingRulesSchema = z.object({
  slotMode: z.enum(['timed', 'dated', 'on-request']),
  minGroupSize: z.number().nullable(),
  guidedGroupAnySize: z.boolean(),
  maxPerSlot: z.number().nullable(),
  holdingDays: z.number().nullable(),
  specialVisits: z.boolean(),
});

export const VenueSchema = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string(),
  timeZone: z.string(),
  online: z.boolean(),
  rules: BookingRulesSchema,
  contact: z.object({ department: z.string(), email: z.string(), phone: z.string().nullable() }),
});
export type VenueDto = z.infer<typeof VenueSchema>;

/** past: the slot has started (by the server's clock as last measured), so it is sold no more. */
export const SlotStatusSchema = z.enum(['open', 'full', 'unavailable', 'past']);
export const SlotSchema = z.object({
  id: z.string(),
  startsAt: IsoInstantSchema,
  localTime: z.string(),
  capacity: z.int(),
  remaining: z.int(),
  status: SlotStatusSchema,
});
export type SlotDto = z.infer<typeof SlotSchema>;

export const CalendarDaySchema = z.object({
  date: LocalDateSchema,
  closed: z.boolean(),
  slots: z.array(SlotSchema),
});
export const CalendarMonthSchema = z.object({
  venueId: z.string(),
  month: MonthSchema,
  timeZone: z.string(),
  days: z.array(CalendarDaySchema),
});
export type CalendarMonthDto = z.infer<typeof CalendarMonthSchema>;

const ViolationSchema = z.object({ code: z.string(), min: z.number().optional(), max: z.number().optional() });

export const PriceLineSchema = z.object({
  productId: z.string(),
  label: z.object({ fr: z.string(), en: z.string() }),
  unitCents: z.int(),
  quantity: z.int(),
  totalCents: z.int(),
});

export const QuoteSchema = z.object({
  slotId: z.string(),
  headCount: z.int(),
  remaining: z.int(),
  breakdown: z.object({
    headCount: z.int(),
    paidVisitors: z.int(),
    freeGuides: z.int(),
    freeLeaders: z.int(),
    paidLeaders: z.int(),
  }),
  lines: z.array(PriceLineSchema),
  totalCents: z.int(),
  discountCents: z.int(),
  /** The slot has started: nothing can be placed or bought on it. */
  started: z.boolean(),
  option: z.union([
    z.object({ possible: z.literal(true), expiresAt: IsoInstantSchema }),
    z.object({ possible: z.literal(false), reason: z.enum(['NO_HOLDING_PERIOD', 'HOLDING_PERIOD_PASSED']) }),
  ]),
  violations: z.array(ViolationSchema),
});
export type QuoteDto = z.infer<typeof QuoteSchema>;

export const SplitPlanSchema = z.union([
  z.object({
    ok: z.literal(true),
    subGroups: z.array(z.object({
      slotId: z.string(),
      startsAt: IsoInstantSchema,
      composition: GroupCompositionSchema,
      warnings: z.array(z.object({ code: z.string() }).loose()),
    })),
  }),
  z.object({ ok: z.literal(false), code: z.literal('NOT_ENOUGH_CAPACITY'), missing: z.int() }),
]);
export type SplitPlanDto = z.infer<typeof SplitPlanSchema>;

export const SettingsSchema = z.object({
  language: LanguageSchema.nullable(),
  centralUrl: z.string().nullable(),
  /** Options expiring within this many days raise a warning. */
  expiringSoonDays: z.int(),
});

export const ExpiringOptionSchema = z.object({
  id: z.string(), venueName: z.string(), startsAt: IsoInstantSchema, expiresAt: IsoInstantSchema, dossierName: z.string().nullable().default(null),
});
export type SettingsDto = z.infer<typeof SettingsSchema>;

export const SyncStatusSchema = z.object({
  connection: z.enum(['signed-out', 'online', 'offline']),
  lastSyncAt: IsoInstantSchema.nullable(),
  pendingChanges: z.int(),
  /** Options the central service refused (shown on the Options screen). */
  rejectedChanges: z.int(),
  /** Changes the central service refused as malformed (shown on the Sync screen, see RefusedChangeSchema). */
  refusedChanges: z.int(),
  /** Server time minus this computer's time: countdowns follow the server's clock. */
  serverOffsetMs: z.number(),
});
export type SyncStatusDto = z.infer<typeof SyncStatusSchema>;

/** A change the central service refused as malformed: the service moved past it, the agent corrects or discards it. */
export const RefusedChangeSchema = z.object({
  mutationId: z.int(),
  /** The mutation's name as it was queued (an older Guichet may have queued one unknown today). */
  change: z.string(),
  /** Whom or what it was about, as the agent knows it ("Lola LAGO", a monument), control characters shown as �. */
  subject: z.string().nullable(),
  /** The visit's day, as sent, where the change has one. */
  date: z.string().nullable(),
  code: z.string(),
  fields: z.array(InvalidFieldSchema),
  refusedAt: IsoInstantSchema,
  /** What was sent: an edit starts from it, so nothing typed is lost. */
  args: z.record(z.string(), z.unknown()),
});
export type RefusedChangeDto = z.infer<typeof RefusedChangeSchema>;

export const RejectionSchema = z.object({
  code: z.string(),
  message: z.string().optional(),
  alternatives: z.array(z.object({ slotId: z.string(), startsAt: IsoInstantSchema, remaining: z.int() })),
  violations: z.array(z.object({ code: z.string() }).loose()),
  /** Set when what was refused is a change to a held option (it keeps its seats). */
  change: z.enum(['resize']).optional(),
});
export type RejectionDto = z.infer<typeof RejectionSchema>;

export const OptionRowSchema = z.object({
  id: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  composition: GroupCompositionSchema,
  groupBookingId: z.string().nullable(),
  rejection: RejectionSchema.nullable(),
  /** A change sent but not yet confirmed by the central service. */
  pendingChange: z.enum(['resize', 'cancel']).nullable(),
  pendingComposition: GroupCompositionSchema.nullable(),
  slotId: z.string(),
  startsAt: IsoInstantSchema,
  headCount: z.int(),
  totalCents: z.int(),
  state: z.string(),
  expiresAt: IsoInstantSchema.nullable(),
  /** The client group it is for, and its name. */
  dossierId: z.string().nullable(),
  dossierName: z.string().nullable(),
});
export type OptionRowDto = z.infer<typeof OptionRowSchema>;

export const CompanionRowSchema = z.object({
  id: z.string(),
  kind: z.enum(['guide', 'leader']),
  surname: z.string(),
  firstName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  placeholder: z.boolean(),
  /** A change waiting to be sent to the central service. */
  pending: z.boolean(),
  /** Visits still to come (paid, awaiting transfer, or in the cart) that name this companion. */
  futureBookings: z.int(),
});
export type CompanionRowDto = z.infer<typeof CompanionRowSchema>;

/** Why the central service did not e-mail a code (a refusal of one code, as the service words it). */
export const VOUCHER_SERVICE_REASONS = ['VOUCHER_UNKNOWN', 'VOUCHER_USED', 'VOUCHER_REVOKED', 'VOUCHER_EXPIRED', 'VOUCHER_NOT_FREE', 'MAIL_FAILED', 'RATE_LIMITED'] as const;
export const VOUCHER_ASSIGN_LINE_REASONS = ['not_an_address', 'duplicate', 'too_long', 'codes_missing', ...VOUCHER_SERVICE_REASONS] as const;
/**
 * A refusal kept next to its code: the service's reason for that code, or its refusal of the
 * whole request — NO_MAIL_SERVER (it has none configured) or OTHER (its message says why).
 */
export const VOUCHER_REFUSAL_REASONS = [...VOUCHER_SERVICE_REASONS, 'NO_MAIL_SERVER', 'OTHER'] as const;
export const VoucherRefusalSchema = z.object({
  email: z.string(),
  reason: z.enum(VOUCHER_REFUSAL_REASONS),
  /** The service's own words (English), for the log and for OTHER. */
  message: z.string(),
  at: IsoInstantSchema,
});
export type VoucherRefusalDto = z.infer<typeof VoucherRefusalSchema>;

export const VoucherRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** The voucher museum's id and name. */
  museumId: z.string(),
  venueName: z.string(),
  label: z.object({ fr: z.string(), en: z.string() }).nullable(),
  tariffId: z.string().nullable(),
  orderId: z.string().nullable(),
  /** The order's number ("GCH-2026-000042") once its order is on this workstation. */
  orderNumber: z.string().nullable(),
  state: z.enum(['valid', 'used', 'revoked']),
  /** What the screen shows and filters by: used and revoked win over assigned. */
  status: z.enum(['unassigned', 'assigned', 'used', 'revoked']),
  assignedTo: z.string().nullable(),
  /** When the service recorded the assignment (the mail server took the message), and the name given. */
  assignedAt: IsoInstantSchema.nullable(),
  assignedName: z.string().nullable(),
  /** An e-mail of this code asked for here and not yet sent (offline): the address it will go to. */
  pendingEmail: z.string().nullable(),
  /** The latest e-mail of this code the service refused (sent later by the sync cycle, say), until sent again or dismissed. */
  refusal: VoucherRefusalSchema.nullable(),
  used: z.boolean(),
  usedAt: IsoInstantSchema.nullable(),
  validUntil: IsoInstantSchema.nullable(),
});
export type VoucherRowDto = z.infer<typeof VoucherRowSchema>;

/**
 * What became of one voucher e-mail asked for: `assigned` (the mail server took it), `pending`
 * (kept here until the connection returns, then sent once), `refused` (with the reason, nothing
 * sent), or `not_sent` (a pasted list with too few free codes: nothing of it goes).
 */
export const VoucherAssignStatusSchema = z.enum(['assigned', 'pending', 'refused', 'not_sent']);
export const VoucherAssignLineSchema = z.object({
  /** The pasted line (1-based) for vouchers.assignList; null for vouchers.assign. */
  line: z.int().nullable(),
  /** The line as pasted, for a refused line of a paste. */
  text: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  voucherId: z.string().nullable(),
  code: z.string().nullable(),
  status: VoucherAssignStatusSchema,
  reason: z.enum(VOUCHER_ASSIGN_LINE_REASONS).nullable(),
  /** The service's own words for a refusal (English), for the log. */
  message: z.string().nullable(),
});
export type VoucherAssignLineDto = z.infer<typeof VoucherAssignLineSchema>;
export const VoucherAssignResultSchema = z.object({
  lines: z.array(VoucherAssignLineSchema),
  assigned: z.int(),
  pending: z.int(),
  refused: z.int(),
  /** More valid addresses than free codes: how many codes are missing (then nothing was sent). */
  missingCodes: z.int(),
  /** Pasted lines beyond the 5,000 read, left out. */
  overflow: z.int(),
});
export type VoucherAssignResultDto = z.infer<typeof VoucherAssignResultSchema>;

export const VenueRequestSchema = z.object({
  id: z.string(),
  venueId: z.string(),
  visitDate: LocalDateSchema,
  headCount: z.int(),
  state: z.enum(['sent', 'confirmed', 'paid', 'done']),
  notes: z.string(),
  sentAt: IsoInstantSchema,
  confirmedAt: IsoInstantSchema.nullable(),
  paidAt: IsoInstantSchema.nullable(),
  doneAt: IsoInstantSchema.nullable(),
  /** The client group it is for. */
  dossierId: z.string().nullable(),
});

/** A guide or leader ticket of a cart item that must name a companion before paying. */
export const CompanionLineSchema = z.object({
  /** `${itemId}:${kind}:${index}` */
  key: z.string(),
  kind: z.enum(['guide', 'leader']),
  index: z.int(),
  /** The ticket's product, as the cart shows it ("Guide conférencier", "Accompagnateur"). */
  label: z.object({ fr: z.string(), en: z.string() }),
  unitCents: z.int(),
  /** null: "Without accompanying". */
  companionId: z.string().nullable(),
});
export type CompanionLineDto = z.infer<typeof CompanionLineSchema>;

export const CartSchema = z.object({
  groups: z.array(z.object({
    /** The option's id, or the direct purchase's own id. */
    itemId: z.string(),
    /** option: a held option; direct: "buy at once", nothing is held until it is paid. */
    kind: z.enum(['option', 'direct']),
    venueName: z.string(),
    slotId: z.string(),
    startsAt: IsoInstantSchema,
    expiresAt: IsoInstantSchema.nullable(),
    /** The visit has started: it can no longer be paid, only removed. */
    started: z.boolean(),
    composition: GroupCompositionSchema,
    lines: z.array(PriceLineSchema),
    companionLines: z.array(CompanionLineSchema),
    totalCents: z.int(),
    /** The client group it is for. */
    dossierId: z.string().nullable(),
    dossierName: z.string().nullable(),
  })),
  /** Vouchers of one tariff each, priced from the mirrored catalogue; their codes come once paid. */
  vouchers: z.array(z.object({
    itemId: z.string(),
    museumId: z.string(),
    museumName: z.string(),
    tariffId: z.string(),
    label: z.object({ fr: z.string(), en: z.string() }),
    unitCents: z.int(),
    quantity: z.int(),
    totalCents: z.int(),
    validityMonths: z.int(),
  })),
  discountCents: z.int(),
  totalCents: z.int(),
  /** Guide/leader tickets still "Without accompanying": paying is refused while this is above 0. */
  undesignated: z.int(),
});
export type CartDto = z.infer<typeof CartSchema>;

export const AccountStatusSchema = z.object({
  centralUrl: z.string().nullable(),
  signedIn: z.boolean(),
  office: z.object({ id: z.string(), company: z.string(), status: z.enum(['awaiting_validation', 'validated']) }).nullable(),
  user: z.object({ email: z.string(), contactName: z.string() }).nullable(),
  /** Signed out at start because the sign-in kept on this computer could not be opened. */
  signInLost: z.enum(['keychain-refused', 'sealed-elsewhere']).nullable(),
});
export type AccountStatusDto = z.infer<typeof AccountStatusSchema>;
