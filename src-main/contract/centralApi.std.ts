// The wire between a desktop (src-main/core/sync) and the central service (src-central):
// accounts, push/pull sync and the back office. Both sides validate with these schemas.
import { z } from 'zod';
import { InvalidFieldSchema } from './errors.std.ts';
import { cleanText, GroupCompositionSchema, IsoInstantSchema, LocalDateSchema, VenueIdSchema } from './schemas.std.ts';

// ---------- accounts (DOMAIN.md §8) ----------

export const PASSWORD_SPECIALS = '!%&@#$^*?_~';
export type PasswordProblem = 'length' | 'upper' | 'lower' | 'digit' | 'special';

/** What a password still lacks; [] when it meets the platform's policy. Used by both sides. */
export function passwordProblems(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < 8) problems.push('length');
  if (!/[A-Z]/.test(password)) problems.push('upper');
  if (!/[a-z]/.test(password)) problems.push('lower');
  if (!/[0-9]/.test(password)) problems.push('digit');
  if (![...password].some((c) => PASSWORD_SPECIALS.includes(c))) problems.push('special');
  return problems;
}

const requiredText = (max: number) => cleanText(z.string().trim().min(1).max(max));
/** Spaces typed to group digits ("123 456 789 00012") are not part of the number. */
const withoutSpaces = (schema: z.ZodString) => z.string().transform((s) => s.replace(/\s+/g, '').toUpperCase()).pipe(schema);

/** Civility, as French forms ask it: Madame / Monsieur. */
export const CIVILITIES = ['mme', 'm'] as const;
/** The countries the address form offers (ISO 3166-1 alpha-2), France first. */
export const SIGN_UP_COUNTRIES = ['FR', 'BE', 'CH', 'LU', 'MC', 'DE', 'IT', 'ES', 'NL', 'GB', 'IE', 'PT', 'AT', 'US', 'CA', 'JP', 'CN'] as const;

/**
 * A professional account's sign-up, in the platform's four sections (DOMAIN.md §8): the
 * company, its contact (the person creating the account), the login, the company's address.
 * Optional fields are absent rather than empty. `language` is the one its e-mails are written in.
 */
export const SignUpSchema = z.strictObject({
  company: requiredText(200),
  legalForm: requiredText(60).optional(),
  /** 14 digits; optional because agencies outside France have none. */
  siret: withoutSpaces(z.string().regex(/^\d{14}$/, 'invalid_format')).optional(),
  /** Intra-community VAT number: country code then 2 to 13 letters or digits (FR: 11 characters after FR). */
  vatNumber: withoutSpaces(z.string().regex(/^(FR[0-9A-Z]{2}\d{9}|(?!FR)[A-Z]{2}[0-9A-Z]{2,13})$/, 'invalid_format')).optional(),
  website: cleanText(z.string().trim().max(200).regex(/^(https?:\/\/)?[\p{L}\d-]+(\.[\p{L}\d-]+)+(\/\S*)?$/iu, 'invalid_format')).optional(),

  civility: z.enum(CIVILITIES).optional(),
  firstName: requiredText(100),
  surname: requiredText(100),
  /** International or French format: digits, spaces, dots, dashes, an optional leading +. */
  phone: z.string().trim().regex(/^\+?[0-9][0-9 .\-]{5,19}$/, 'invalid_format'),
  jobTitle: requiredText(100).optional(),

  email: z.email().max(254),
  password: z.string().max(200),

  street: requiredText(200),
  postcode: cleanText(z.string().trim().min(1).max(10)),
  city: requiredText(100),
  country: z.enum(SIGN_UP_COUNTRIES),
  language: z.enum(['fr', 'en']).default('fr'),
}).superRefine((input, ctx) => {
  // A French postcode is five digits; elsewhere letters, digits, spaces and dashes.
  const format = input.country === 'FR' ? /^\d{5}$/ : /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/;
  if (!format.test(input.postcode)) ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'invalid_format', params: { problem: 'invalid_format' } });
});
export type SignUp = z.input<typeof SignUpSchema>;

export const SignInSchema = z.strictObject({ email: z.email(), password: z.string().min(1).max(200) });

export const OfficeStatusSchema = z.enum(['awaiting_validation', 'validated']);
export const SessionSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token must be refreshed. */
  expiresIn: z.int(),
  office: z.object({ id: z.string(), company: z.string(), status: OfficeStatusSchema }),
  user: z.object({ email: z.string(), contactName: z.string() }),
});
export type Session = z.infer<typeof SessionSchema>;
/** GET /me: the signed-in office as the platform now sees it (validated since sign-in, say). */
export const MeSchema = SessionSchema.pick({ office: true, user: true });

// ---------- entities sent by pull ----------

export const WireVenueSchema = z.object({
  id: z.string(), name: z.string(), city: z.string(), timeZone: z.string(), online: z.boolean(), sortOrder: z.int(),
  rules: z.object({
    slotMode: z.enum(['timed', 'dated', 'on-request']), minGroupSize: z.int().nullable(), guidedGroupAnySize: z.boolean(),
    maxPerSlot: z.int().nullable(), holdingDays: z.int().nullable(), specialVisits: z.boolean(),
  }),
  contact: z.object({ department: z.string(), email: z.string(), phone: z.string().nullable() }),
  schedule: z.object({
    firstSlot: z.string(), lastSlot: z.string(), stepMinutes: z.int(), closedWeekdays: z.array(z.int()), closedDates: z.array(z.string()),
  }).nullable(),
});
export const WireProductSchema = z.object({
  id: z.string(), venueId: z.string(), kind: z.enum(['visitor', 'guide', 'leader']),
  label: z.object({ fr: z.string(), en: z.string() }), priceCents: z.int(),
});
export const WireSlotSchema = z.object({
  id: z.string(), venueId: z.string(), startsAt: IsoInstantSchema, localDate: z.string(), localTime: z.string(),
  capacity: z.int(), remaining: z.int(), status: z.enum(['open', 'unavailable', 'cancelled']),
});
export const WireClosedDaySchema = z.object({ venueId: z.string(), localDate: z.string() });
export const ServerOptionStateSchema = z.enum(['active', 'confirmed', 'cancelled', 'expired', 'cancelled_by_venue']);
export const WireOptionSchema = z.object({
  id: z.string(), venueId: z.string(), slotId: z.string(), startsAt: IsoInstantSchema,
  composition: GroupCompositionSchema, totalCents: z.int(), state: ServerOptionStateSchema,
  expiresAt: IsoInstantSchema, groupBookingId: z.string().nullable(),
  createdAt: IsoInstantSchema, updatedAt: IsoInstantSchema,
  /** The client group it is for; absent from a service older than dossiers. */
  dossierId: z.string().nullable().default(null),
});
export type WireOption = z.infer<typeof WireOptionSchema>;

/** A guide or accompanying leader in an office's registry (DOMAIN.md §4). */
export const CompanionFieldsSchema = z.strictObject({
  kind: z.enum(['guide', 'leader']),
  surname: cleanText(z.string().trim().min(1).max(100)),
  firstName: cleanText(z.string().trim().min(1).max(100)),
  email: z.email().max(254).nullable(),
  /** International or French format: digits, spaces, dots, dashes, an optional leading +. */
  phone: z.string().trim().regex(/^\+?[0-9][0-9 .\-]{5,19}$/, 'invalid_format').nullable(),
  /** "Standard tour guide" / "Standard accompanying leader": someone not known yet. */
  placeholder: z.boolean(),
});
export const WireCompanionSchema = CompanionFieldsSchema.extend({ id: z.string(), updatedAt: IsoInstantSchema });
export type WireCompanion = z.infer<typeof WireCompanionSchema>;

/** Someone an office sends tickets to: a customer, a colleague, a guide (DOMAIN.md §6). */
export const ContactFieldsSchema = z.strictObject({
  surname: cleanText(z.string().trim().min(1).max(100)),
  firstName: cleanText(z.string().trim().min(1).max(100)),
  email: z.email().max(254),
});
export const WireContactSchema = ContactFieldsSchema.extend({ id: z.string(), updatedAt: IsoInstantSchema });
export type WireContact = z.infer<typeof WireContactSchema>;

/**
 * A client group, the unit a booking agent works in ("the Lycée Voltaire trip on 6 March"): its
 * options, orders and tickets across monuments hang from it. Shared by the office's workstations.
 */
/** A trip's last day is not before its first (both optional). */
export const withTripInOrder = <S extends z.ZodType<{ travelFrom: string | null; travelTo: string | null }>>(schema: S) =>
  schema.refine((d) => !d.travelFrom || !d.travelTo || d.travelFrom <= d.travelTo, {
    path: ['travelTo'], params: { problem: 'before_start' }, message: 'before_start',
  });

export const DossierFieldsSchema = z.strictObject({
  name: cleanText(z.string().trim().min(1).max(120)),
  /** The client's own reference for the trip ("JT-4471"). */
  clientReference: cleanText(z.string().trim().min(1).max(60)).nullable(),
  contactName: cleanText(z.string().trim().min(1).max(120)).nullable(),
  contactEmail: z.email().max(254).nullable(),
  contactPhone: z.string().trim().regex(/^\+?[0-9][0-9 .\-]{5,19}$/, 'invalid_format').nullable(),
  expectedPeople: z.int().min(1).max(10_000).nullable(),
  travelFrom: LocalDateSchema.nullable(),
  travelTo: LocalDateSchema.nullable(),
  notes: z.string().trim().max(4_000).nullable(),
});
export type DossierFields = z.infer<typeof DossierFieldsSchema>;
export const WireDossierSchema = DossierFieldsSchema.extend({ id: z.string(), updatedAt: IsoInstantSchema });
export type WireDossier = z.infer<typeof WireDossierSchema>;

/** A request's steps, in the only order it moves through them. */
export const VENUE_REQUEST_STATES = ['sent', 'confirmed', 'paid', 'done'] as const;
/**
 * A request to a monument booked through its own booking department (DOMAIN.md §1), shared by
 * the office's workstations. Each step is dated when it is reached.
 */
export const VenueRequestFieldsSchema = z.strictObject({
  venueId: VenueIdSchema,
  visitDate: LocalDateSchema,
  headCount: z.int().min(1).max(500),
  state: z.enum(VENUE_REQUEST_STATES),
  notes: cleanText(z.string().max(2000)),
  sentAt: IsoInstantSchema,
  confirmedAt: IsoInstantSchema.nullable(),
  paidAt: IsoInstantSchema.nullable(),
  doneAt: IsoInstantSchema.nullable(),
  /** The client group it is for; absent from a desk or a service older than dossiers. */
  dossierId: z.string().min(1).max(200).nullable().default(null),
});
export const WireVenueRequestSchema = VenueRequestFieldsSchema.extend({ id: z.string(), updatedAt: IsoInstantSchema });
export type WireVenueRequest = z.infer<typeof WireVenueRequestSchema>;

// ---------- vouchers ("contremarques", DOMAIN.md §7) ----------

/** One way to buy a voucher of a museum: catalogue data, priced and dated by the service. */
export const WireVoucherTariffSchema = z.object({
  id: z.string(),
  label: z.object({ fr: z.string(), en: z.string() }),
  priceCents: z.int().min(0),
  /** A voucher is valid for so many months from the day it is paid. */
  validityMonths: z.int().min(1),
});
export type WireVoucherTariff = z.infer<typeof WireVoucherTariffSchema>;

/** A museum that sells vouchers, with its tariffs; sent to every office, validated or not. */
export const WireVoucherMuseumSchema = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string(),
  sortOrder: z.int(),
  /** How a holder uses the voucher, as the export prints it. */
  howToUse: z.object({ fr: z.string(), en: z.string() }),
  tariffs: z.array(WireVoucherTariffSchema),
});
export type WireVoucherMuseum = z.infer<typeof WireVoucherMuseumSchema>;

export const VOUCHER_STATES = ['valid', 'used', 'revoked'] as const;

/** One voucher of a paid order: its code gives its holder one free entry to the museum. */
export const WireVoucherSchema = z.object({
  id: z.string(),
  /** "XXXX-XXXX-XXXX" (core/domain/voucherCode.std.ts); unique across the platform. */
  code: z.string(),
  orderId: z.string(),
  museumId: z.string(),
  tariffId: z.string(),
  label: z.object({ fr: z.string(), en: z.string() }),
  priceCents: z.int(),
  issuedAt: IsoInstantSchema,
  validUntil: IsoInstantSchema,
  state: z.enum(VOUCHER_STATES),
  /** Where and when a till redeemed it. */
  used: z.object({ at: IsoInstantSchema, museumId: z.string(), till: z.string().nullable() }).nullable(),
  revokedAt: IsoInstantSchema.nullable(),
  /** Whom the office e-mailed the code to, once the mail server took the message; the latest one. */
  assignedTo: z.object({ email: z.string(), name: z.string().nullable(), at: IsoInstantSchema }).nullable().default(null),
});
export type WireVoucher = z.infer<typeof WireVoucherSchema>;

/** At most this many codes in one POST /vouchers/assign (the desk sends a longer list in parts). */
export const MAX_VOUCHER_ASSIGNMENTS = 500;

/**
 * E-mails each code to its recipient. `requestId` makes a retry safe: the same id answers the
 * first request's results and sends nothing again. The same voucher twice is refused.
 */
export const AssignVouchersRequestSchema = z.strictObject({
  requestId: z.uuid(),
  /** The mail's language; the office's own when left out. */
  language: z.enum(['fr', 'en']).optional(),
  assignments: z.array(z.strictObject({
    voucherId: z.string().min(1).max(200),
    email: z.email().max(254),
    name: z.string().trim().min(1).max(120).nullable().optional(),
  })).min(1).max(MAX_VOUCHER_ASSIGNMENTS)
    .refine((a) => new Set(a.map((x) => x.voucherId)).size === a.length, 'the same voucher is named twice'),
});
export type AssignVouchersRequest = z.infer<typeof AssignVouchersRequestSchema>;

/** Why one code was not e-mailed; nothing was recorded for it. */
export const VOUCHER_ASSIGN_REFUSALS = ['VOUCHER_UNKNOWN', 'VOUCHER_USED', 'VOUCHER_REVOKED', 'VOUCHER_EXPIRED', 'MAIL_FAILED', 'RATE_LIMITED'] as const;
export const VoucherAssignOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), voucherId: z.string(), voucher: WireVoucherSchema }),
  z.object({ ok: z.literal(false), voucherId: z.string(), email: z.string(), reason: z.enum(VOUCHER_ASSIGN_REFUSALS), message: z.string() }),
]);
export type VoucherAssignOutcome = z.infer<typeof VoucherAssignOutcomeSchema>;
/** One outcome per assignment, in the request's order. */
export const AssignVouchersResponseSchema = z.object({ requestId: z.string(), results: z.array(VoucherAssignOutcomeSchema) });
export type AssignVouchersResponse = z.infer<typeof AssignVouchersResponseSchema>;

/** A till's scan: the code as typed or read (case, spaces and dashes do not matter). */
export const RedeemVoucherRequestSchema = z.strictObject({
  code: z.string().min(1).max(64),
  /** The till's own name ("Caisse 2"), told to whoever tries the code again. */
  till: z.string().trim().min(1).max(60).optional(),
});
export const RedeemVoucherResponseSchema = z.object({
  code: z.string(), museumId: z.string(), label: z.object({ fr: z.string(), en: z.string() }), usedAt: IsoInstantSchema,
});

// ---------- orders, payment and tickets (DOMAIN.md §4–§6) ----------

export const ORDER_STATES = ['awaiting_transfer', 'paid', 'to_be_refunded', 'refunded', 'cancelled'] as const;
/** Why an order awaiting its transfer was cancelled: its payment deadline passed, or customer service did it. */
export const ORDER_CANCEL_REASONS = ['unpaid', 'back_office'] as const;
export type OrderCancelReason = (typeof ORDER_CANCEL_REASONS)[number];
export const OrderStateSchema = z.enum(ORDER_STATES);
export type OrderState = z.infer<typeof OrderStateSchema>;
export const PaymentMethodSchema = z.enum(['card', 'transfer']);

const LabelSchema = z.object({ fr: z.string(), en: z.string() });

/** One guide or leader ticket of a booking, and who holds it. `index` counts from 0 within its kind. */
export const DesignationSchema = z.strictObject({
  kind: z.enum(['guide', 'leader']),
  index: z.int().min(0).max(499),
  companionId: z.uuid(),
});
export type Designation = z.infer<typeof DesignationSchema>;

export const CheckoutItemSchema = z.discriminatedUnion('kind', [
  /** A held option: confirmed only if still held and unexpired when the payment goes through. */
  z.strictObject({ kind: z.literal('option'), optionId: z.uuid(), designations: z.array(DesignationSchema).max(1000) }),
  /**
   * "Buy at once" where no option is possible (Vincennes, or a visit closer than the holding
   * period): the seats are taken and sold in the same step as the payment. The server records
   * it as an option with id `itemId`, confirmed at once.
   */
  z.strictObject({
    kind: z.literal('direct'), itemId: z.uuid(), slotId: z.string().min(1), composition: GroupCompositionSchema,
    specialVisit: z.boolean().optional(), designations: z.array(DesignationSchema).max(1000),
    dossierId: z.uuid().nullable().optional(),
  }),
  /** Vouchers of one tariff: priced from the catalogue, their codes issued once the order is paid. */
  z.strictObject({ kind: z.literal('voucher'), itemId: z.uuid(), tariffId: z.string().min(1).max(200), quantity: z.int().min(1).max(1000) }),
]);
export type CheckoutItem = z.infer<typeof CheckoutItemSchema>;

export const CardSchema = z.strictObject({
  /** Digits, spaces allowed. */
  number: z.string().regex(/^[0-9 ]{12,23}$/, 'invalid_format'),
  /** MM/YY */
  expiry: z.string().regex(/^(0[1-9]|1[0-2])\/[0-9]{2}$/, 'invalid_format'),
  cvc: z.string().regex(/^[0-9]{3,4}$/, 'invalid_format'),
  holder: z.string().trim().min(1).max(100),
});
export type Card = z.infer<typeof CardSchema>;

export const PaymentRequestSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('card'), card: CardSchema }),
  z.strictObject({ method: z.literal('transfer') }),
]);

export const CheckoutRequestSchema = z.strictObject({
  /** Named by the desktop, so a checkout retried after a lost answer never pays twice. */
  orderId: z.uuid(),
  items: z.array(CheckoutItemSchema).min(1).max(50),
  /** The terms and conditions of sale (CGV) were accepted by the user. */
  termsAccepted: z.boolean(),
  payment: PaymentRequestSchema,
});
export type CheckoutRequest = z.infer<typeof CheckoutRequestSchema>;

/**
 * The test payment provider's documented cards (any future expiry, any CVC). Any other
 * number that passes the Luhn check is accepted too; one that fails it is declined.
 */
export const TEST_CARDS = {
  approved: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
} as const;
export const DECLINE_REASONS = ['card_declined', 'insufficient_funds', 'expired_card', 'invalid_number'] as const;

export const WireOrderLineSchema = z.object({
  productId: z.string(),
  label: LabelSchema,
  unitCents: z.int(),
  quantity: z.int(),
  totalCents: z.int(),
  /** VAT rate in basis points (550 = 5.5 %); prices include it. */
  vatRateBp: z.int(),
});

export const WireOrderBookingSchema = z.object({
  /** The option the booking confirmed (for a direct purchase: the itemId). */
  optionId: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  slotId: z.string(),
  startsAt: IsoInstantSchema,
  composition: GroupCompositionSchema,
  cancelledByVenue: z.boolean(),
  lines: z.array(WireOrderLineSchema),
  /** The designated companions as they were when the order was paid: the venue calls them if it closes. */
  companions: z.array(z.object({
    kind: z.enum(['guide', 'leader']), index: z.int(), companionId: z.string(),
    surname: z.string(), firstName: z.string(), email: z.string().nullable(), phone: z.string().nullable(), placeholder: z.boolean(),
  })),
});

/** A receipt's line of vouchers: one tariff, as it was priced when ordered. */
export const WireOrderVoucherLineSchema = z.object({
  /** The checkout item it came from. */
  itemId: z.string(),
  museumId: z.string(),
  museumName: z.string(),
  tariffId: z.string(),
  label: LabelSchema,
  unitCents: z.int(),
  quantity: z.int(),
  totalCents: z.int(),
  vatRateBp: z.int(),
  validityMonths: z.int(),
});
export type WireOrderVoucherLine = z.infer<typeof WireOrderVoucherLineSchema>;

export const WireOrderSchema = z.object({
  id: z.string(),
  /** The number printed on the receipt, e.g. "GCH-2026-000042". */
  number: z.string(),
  state: OrderStateSchema,
  createdAt: IsoInstantSchema,
  paidAt: IsoInstantSchema.nullable(),
  refundedAt: IsoInstantSchema.nullable(),
  /** A bank transfer: when it must have been received, or the seats go back on sale. */
  paymentDueAt: IsoInstantSchema.nullable(),
  cancelledAt: IsoInstantSchema.nullable(),
  cancelReason: z.enum(ORDER_CANCEL_REASONS).nullable(),
  payment: z.object({
    method: PaymentMethodSchema,
    /** Card: the last four digits. */
    cardLast4: z.string().nullable(),
    /** Card: the provider's authorisation; transfer: the reference to quote on the transfer. */
    reference: z.string(),
  }),
  bookings: z.array(WireOrderBookingSchema),
  /** Orders made before vouchers were sold have none. */
  voucherLines: z.array(WireOrderVoucherLineSchema).default([]),
  totalCents: z.int(),
  discountCents: z.int(),
  vat: z.array(z.object({ rateBp: z.int(), baseCents: z.int(), vatCents: z.int() })),
  /** What the venue's cancellations make the platform owe the office. */
  refundCents: z.int(),
});
export type WireOrder = z.infer<typeof WireOrderSchema>;

export const WireTicketSchema = z.object({
  id: z.string(),
  /** Unique across the platform; printed under the QR code. */
  number: z.string(),
  orderId: z.string(),
  optionId: z.string(),
  venueId: z.string(),
  productId: z.string(),
  kind: z.enum(['visitor', 'guide', 'leader']),
  label: LabelSchema,
  /** Dated tickets: the slot only. */
  slotId: z.string().nullable(),
  validFrom: IsoInstantSchema,
  validUntil: IsoInstantSchema,
  /** The QR code's text: the ticket's facts signed with the service's Ed25519 key. */
  qr: z.string(),
  state: z.enum(['valid', 'cancelled']),
  assignedTo: z.object({ contactId: z.string().nullable(), name: z.string(), email: z.string(), at: IsoInstantSchema }).nullable(),
});
export type WireTicket = z.infer<typeof WireTicketSchema>;

/** The code that admits a whole sub-group (an option's tickets) in one scan at the entrance. */
export const WireGroupCodeSchema = z.object({
  /** The sub-group's option id. */
  id: z.string(),
  orderId: z.string(),
  /** A new revision replaces the code when a ticket of the sub-group is voided. */
  revision: z.int().min(1),
  /** The tickets it admits: every valid one of the sub-group. */
  ticketNumbers: z.array(z.string()),
  /** The signed text of its QR code; null once no ticket of the sub-group is left. */
  qr: z.string().nullable(),
  state: z.enum(['valid', 'void']),
});
export type WireGroupCode = z.infer<typeof WireGroupCodeSchema>;

export const CheckoutResponseSchema = z.object({
  order: WireOrderSchema, tickets: z.array(WireTicketSchema), vouchers: z.array(WireVoucherSchema).default([]),
});

export const AssignTicketsRequestSchema = z.strictObject({
  /** null: every valid ticket of the order. */
  ticketIds: z.array(z.string().min(1)).min(1).max(2000).nullable(),
  to: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('contact'), contactId: z.uuid() }),
    /** The office's own e-mail (the account's). */
    z.strictObject({ kind: z.literal('office') }),
  ]),
  /** The language of the e-mail and of the tickets' PDF. */
  language: z.enum(['fr', 'en']).default('fr'),
});
export const AssignTicketsResponseSchema = z.object({ sentTo: z.string(), tickets: z.array(WireTicketSchema) });

export const TicketPublicKeySchema = z.object({
  algorithm: z.literal('Ed25519'),
  /** The key signing new codes now. */
  keyId: z.string(),
  publicKeyPem: z.string(),
  /** Every key a valid code may name: the one signing now first, then those retired by a rotation. */
  keys: z.array(z.object({ keyId: z.string(), publicKeyPem: z.string(), status: z.enum(['current', 'retired']) })),
});

export const PatchOpSchema = z.discriminatedUnion('entity', [
  z.object({ op: z.literal('put'), entity: z.literal('venue'), id: z.string(), value: WireVenueSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('product'), id: z.string(), value: WireProductSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('slot'), id: z.string(), value: WireSlotSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('closedDay'), id: z.string(), value: WireClosedDaySchema }),
  z.object({ op: z.literal('put'), entity: z.literal('option'), id: z.string(), value: WireOptionSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('companion'), id: z.string(), value: WireCompanionSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('contact'), id: z.string(), value: WireContactSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('order'), id: z.string(), value: WireOrderSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('ticket'), id: z.string(), value: WireTicketSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('groupCode'), id: z.string(), value: WireGroupCodeSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('venueRequest'), id: z.string(), value: WireVenueRequestSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('voucherMuseum'), id: z.string(), value: WireVoucherMuseumSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('voucher'), id: z.string(), value: WireVoucherSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('dossier'), id: z.string(), value: WireDossierSchema }),
]).or(z.object({
  op: z.literal('del'),
  entity: z.enum([
    'venue', 'product', 'slot', 'closedDay', 'option', 'companion', 'contact', 'order', 'ticket', 'groupCode', 'venueRequest', 'voucherMuseum', 'voucher', 'dossier',
  ]),
  id: z.string(),
}));
export type PatchOp = z.infer<typeof PatchOpSchema>;

// ---------- mutations (push) ----------

export const PlaceOptionArgsSchema = z.strictObject({
  optionId: z.uuid(),
  slotId: z.string().min(1),
  composition: GroupCompositionSchema,
  groupBookingId: z.uuid().nullable().optional(),
  /** School, extra-curricular or social group: bookable online only where the venue allows it. */
  specialVisit: z.boolean().optional(),
  /** The client group it is for (one of the office's dossiers). */
  dossierId: z.uuid().nullable().optional(),
});
export const CancelOptionArgsSchema = z.strictObject({ optionId: z.uuid() });
export const SaveCompanionArgsSchema = CompanionFieldsSchema.extend({ companionId: z.uuid() });
export const DeleteCompanionArgsSchema = z.strictObject({ companionId: z.uuid() });
export const SaveContactArgsSchema = ContactFieldsSchema.extend({ contactId: z.uuid() });
/** The whole request as the workstation holds it after the change: created, or moved a step on. */
export const SaveVenueRequestArgsSchema = VenueRequestFieldsSchema.extend({ requestId: z.uuid() });
/** Changes an active option's group in one step: the held seats are never given up midway. */
export const ResizeOptionArgsSchema = z.strictObject({ optionId: z.uuid(), composition: GroupCompositionSchema });
export const SaveDossierArgsSchema = withTripInOrder(DossierFieldsSchema.extend({ dossierId: z.uuid() }));
/** Moves an option, with the other sub-groups of its split group, to another client group (or none). */
export const MoveOptionArgsSchema = z.strictObject({ optionId: z.uuid(), dossierId: z.uuid().nullable() });

/** The service stores it as a 32-bit integer. */
export const MutationIdSchema = z.int().positive().max(2_147_483_647);
/** What each mutation carries; both sides read a mutation's args with these. */
export const MUTATION_ARGS = {
  'option.place': PlaceOptionArgsSchema,
  'option.cancel': CancelOptionArgsSchema,
  'option.resize': ResizeOptionArgsSchema,
  'companion.save': SaveCompanionArgsSchema,
  'companion.delete': DeleteCompanionArgsSchema,
  'contact.save': SaveContactArgsSchema,
  'venueRequest.save': SaveVenueRequestArgsSchema,
  'dossier.save': SaveDossierArgsSchema,
  'option.moveToDossier': MoveOptionArgsSchema,
} as const;
export const MutationSchema = z.discriminatedUnion('name', [
  z.object({ id: MutationIdSchema, name: z.literal('option.place'), args: PlaceOptionArgsSchema }),
  z.object({ id: MutationIdSchema, name: z.literal('option.cancel'), args: CancelOptionArgsSchema }),
  z.object({ id: MutationIdSchema, name: z.literal('option.resize'), args: ResizeOptionArgsSchema }),
  z.object({ id: MutationIdSchema, name: z.literal('companion.save'), args: SaveCompanionArgsSchema }),
  z.object({ id: MutationIdSchema, name: z.literal('companion.delete'), args: DeleteCompanionArgsSchema }),
  z.object({ id: MutationIdSchema, name: z.literal('contact.save'), args: SaveContactArgsSchema }),
  z.object({ id: MutationIdSchema, name: z.literal('venueRequest.save'), args: SaveVenueRequestArgsSchema }),
  z.object({ id: MutationIdSchema, name: z.literal('dossier.save'), args: SaveDossierArgsSchema }),
  z.object({ id: MutationIdSchema, name: z.literal('option.moveToDossier'), args: MoveOptionArgsSchema }),
]);
export type Mutation = z.infer<typeof MutationSchema>;
export type MutationName = Mutation['name'];
/** A mutation before the outbox numbers it (distributes over the union, unlike Omit). */
export type NewMutation = Mutation extends infer M ? (M extends Mutation ? Omit<M, 'id'> : never) : never;

/** The row each mutation is about (an entity of PatchOp), and the arg that names it. */
export const MUTATION_ROW = {
  'option.place': { entity: 'option', key: 'optionId' },
  'option.cancel': { entity: 'option', key: 'optionId' },
  'option.resize': { entity: 'option', key: 'optionId' },
  'companion.save': { entity: 'companion', key: 'companionId' },
  'companion.delete': { entity: 'companion', key: 'companionId' },
  'contact.save': { entity: 'contact', key: 'contactId' },
  'venueRequest.save': { entity: 'venueRequest', key: 'requestId' },
  'dossier.save': { entity: 'dossier', key: 'dossierId' },
  'option.moveToDossier': { entity: 'option', key: 'optionId' },
} as const satisfies Record<MutationName, { entity: PatchOp['entity']; key: string }>;
export type MutationRow = { entity: (typeof MUTATION_ROW)[MutationName]['entity']; id: string };

/** The row a mutation is about, read from args that may be malformed; null when they name none. */
export function mutationRow(name: string, args: unknown): MutationRow | null {
  if (!isMutationName(name) || args === null || typeof args !== 'object') return null;
  const { entity, key } = MUTATION_ROW[name];
  const id = (args as Record<string, unknown>)[key];
  return typeof id === 'string' ? { entity, id } : null;
}

export const isMutationName = (name: string): name is MutationName => Object.hasOwn(MUTATION_ARGS, name);

/**
 * A mutation as a push carries it: only its id and name are read with the push. Its args are
 * read on their own, in their turn: args the service cannot read (or store) are that
 * mutation's refusal, recorded like any other result, so the desktop's next id is in order and
 * no change behind it waits for ever. An older desktop may have queued what is refused today.
 */
export const PushedMutationSchema = z.strictObject({ id: MutationIdSchema, name: z.string().max(100), args: z.unknown() });
export type PushedMutation = z.infer<typeof PushedMutationSchema>;

export const PushRequestSchema = z.strictObject({ clientId: z.uuid(), mutations: z.array(PushedMutationSchema).max(100) })
  // Refused before anything is applied: applied one by one, the second of two would meet the
  // first's stored result and fail half-way through the push.
  .superRefine(({ mutations }, ctx) => {
    const seen = new Set<number>();
    mutations.forEach(({ id }, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['mutations', i, 'id'], message: `mutation id ${id} appears twice in this push` });
      seen.add(id);
    });
  });

export const AlternativeSlotSchema = z.object({ slotId: z.string(), startsAt: IsoInstantSchema, remaining: z.int() });
export type AlternativeSlot = z.infer<typeof AlternativeSlotSchema>;

export const REJECTION_CODES = [
  'SLOT_FULL', 'SLOT_UNAVAILABLE', 'SLOT_STARTED', 'NO_OPTION_POSSIBLE', 'GROUP_RULE', 'NOT_VALIDATED', 'NOT_FOUND', 'NOT_ACTIVE', 'DUPLICATE_OPTION',
  // The change cannot be read or stored as sent (see PushedMutationSchema).
  'INVALID_INPUT',
] as const;
export const MutationResultSchema = z.object({
  mutationId: z.int(),
  status: z.enum(['applied', 'rejected']),
  /** For rejections: why, in words the desktop translates by code. */
  code: z.enum(REJECTION_CODES).optional(),
  message: z.string().optional(),
  /** SLOT_FULL / SLOT_UNAVAILABLE: slots that can take the same group, same day first. */
  alternatives: z.array(AlternativeSlotSchema).optional(),
  /** GROUP_RULE: the violated rules, as groupViolations() returns them. */
  violations: z.array(z.object({ code: z.string() }).loose()).optional(),
  /** option.place applied: the option as the server holds it. */
  option: WireOptionSchema.optional(),
  /** INVALID_INPUT: which args were wrong and how (none when the database refused a value). */
  fields: z.array(InvalidFieldSchema).optional(),
});
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushResponseSchema = z.object({ lastMutationId: z.int(), results: z.array(MutationResultSchema) });

// ---------- pull ----------

/** The most rows a pull page may carry: what a desk asks for (a year of a catalogue in three round trips rather than eleven). */
export const PULL_PAGE_MAX = 20_000;
export const PullRequestSchema = z.strictObject({
  clientId: z.uuid(),
  /** Opaque; null on the first pull. */
  cookie: z.string().nullable(),
  /** The client wants the stored results of its mutations above this id (lost push responses). */
  resultsAfter: z.int().min(0).default(0),
  limit: z.int().min(1).max(PULL_PAGE_MAX).default(5_000),
});
export const PullResponseSchema = z.object({
  cookie: z.string(),
  patch: z.array(PatchOpSchema),
  lastMutationId: z.int(),
  results: z.array(MutationResultSchema),
  hasMore: z.boolean(),
  serverTime: IsoInstantSchema,
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

// ---------- errors ----------

export const CENTRAL_ERROR_CODES = [
  'INVALID_INPUT', 'WEAK_PASSWORD', 'EMAIL_TAKEN', 'BAD_CREDENTIALS', 'UNAUTHORIZED', 'TOKEN_EXPIRED',
  'OUT_OF_ORDER', 'MUTATION_ID_REUSED', 'NOT_FOUND', 'UNAVAILABLE',
  // checkout
  'NOT_VALIDATED', 'TERMS_NOT_ACCEPTED', 'COMPANIONS_MISSING', 'OPTIONS_NOT_HELD', 'SLOT_FULL', 'SLOT_UNAVAILABLE', 'SLOT_STARTED', 'GROUP_RULE',
  'PAYMENT_DECLINED', 'ORDER_EXISTS', 'TRANSFER_TOO_LATE', 'UNPAID_LIMIT', 'ORDER_CANCELLED',
  // ticket assignment
  'MAIL_FAILED', 'TICKET_MAILS_BUSY',
  // too many sign-ins, sign-ups, refreshes or ticket e-mails: wait retryAfterSeconds
  'RATE_LIMITED',
  // vouchers: bought only by the museum's tariffs; redeemed by a museum's till, once
  'VOUCHER_TARIFF_UNKNOWN', 'VOUCHER_CODE_MISTYPED', 'VOUCHER_UNKNOWN', 'VOUCHER_USED', 'VOUCHER_REVOKED', 'VOUCHER_EXPIRED',
  'VOUCHER_OTHER_MUSEUM',
  // voucher assignment: a request with this id is still being sent
  'VOUCHER_ASSIGN_UNDER_WAY',
] as const;
export type CentralErrorCode = (typeof CENTRAL_ERROR_CODES)[number];
export const CentralErrorSchema = z.object({
  error: z.object({
    code: z.enum(CENTRAL_ERROR_CODES),
    message: z.string(),
    missing: z.array(z.enum(['length', 'upper', 'lower', 'digit', 'special'])).optional(),
    expected: z.int().optional(),
    /** OPTIONS_NOT_HELD: the options no longer held (expired, cancelled); SLOT_FULL / SLOT_UNAVAILABLE / SLOT_STARTED: the direct items. */
    itemIds: z.array(z.string()).optional(),
    /** PAYMENT_DECLINED */
    declineReason: z.enum(DECLINE_REASONS).optional(),
    /** COMPANIONS_MISSING: how many guide/leader tickets name nobody (or a companion no longer in the registry). */
    missingCount: z.int().optional(),
    /** TRANSFER_TOO_LATE: the first visit, and the rules that leave too little time to pay. */
    firstVisitAt: IsoInstantSchema.optional(),
    receivedBeforeVisitDays: z.int().optional(),
    minDaysToPay: z.int().optional(),
    /** UNPAID_LIMIT: people already awaiting a transfer, in this order, and the office's limit. */
    unpaidPeople: z.int().optional(),
    orderPeople: z.int().optional(),
    limit: z.int().optional(),
    /** RATE_LIMITED, TICKET_MAILS_BUSY: when to ask again (also the Retry-After header). */
    retryAfterSeconds: z.int().optional(),
    /** VOUCHER_USED: when, at which museum and till; VOUCHER_REVOKED / VOUCHER_EXPIRED: since when. */
    usedAt: IsoInstantSchema.optional(),
    museumId: z.string().optional(),
    museumName: z.string().optional(),
    till: z.string().nullable().optional(),
    since: IsoInstantSchema.optional(),
    /** VOUCHER_CODE_MISTYPED: what is wrong with what was typed. */
    problem: z.enum(['length', 'character', 'check']).optional(),
    /** VOUCHER_TARIFF_UNKNOWN: the tariffs not (or no longer) sold. */
    tariffIds: z.array(z.string()).optional(),
  }),
});

/** The demo office that `npm run demo` / `npm run start:browser` sign in with. */
export const DEMO_ACCOUNT = {
  email: 'demo@guichet.example',
  password: 'Demo!2025x',
  company: 'Voyages Démo',
  contactName: 'Camille Martin',
} as const;
