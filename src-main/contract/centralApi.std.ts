// The wire between a desktop (src-main/core/sync) and the central service (src-central):
// accounts, push/pull sync and the back office. Both sides validate with these schemas.
import { z } from 'zod';
import { GroupCompositionSchema, IsoInstantSchema } from './schemas.std.ts';

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

export const SignUpSchema = z.strictObject({
  company: z.string().trim().min(1).max(200),
  contactName: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  password: z.string().max(200),
});
export type SignUp = z.infer<typeof SignUpSchema>;

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
});
export type WireOption = z.infer<typeof WireOptionSchema>;

/** A guide or accompanying leader in an office's registry (DOMAIN.md §4). */
export const CompanionFieldsSchema = z.strictObject({
  kind: z.enum(['guide', 'leader']),
  surname: z.string().trim().min(1).max(100),
  firstName: z.string().trim().min(1).max(100),
  email: z.email().max(254).nullable(),
  /** International or French format: digits, spaces, dots, dashes, an optional leading +. */
  phone: z.string().trim().regex(/^\+?[0-9][0-9 .\-]{5,19}$/, 'invalid_format').nullable(),
  /** "Standard tour guide" / "Standard accompanying leader": someone not known yet. */
  placeholder: z.boolean(),
});
export const WireCompanionSchema = CompanionFieldsSchema.extend({ id: z.string(), updatedAt: IsoInstantSchema });
export type WireCompanion = z.infer<typeof WireCompanionSchema>;

export const PatchOpSchema = z.discriminatedUnion('entity', [
  z.object({ op: z.literal('put'), entity: z.literal('venue'), id: z.string(), value: WireVenueSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('product'), id: z.string(), value: WireProductSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('slot'), id: z.string(), value: WireSlotSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('closedDay'), id: z.string(), value: WireClosedDaySchema }),
  z.object({ op: z.literal('put'), entity: z.literal('option'), id: z.string(), value: WireOptionSchema }),
  z.object({ op: z.literal('put'), entity: z.literal('companion'), id: z.string(), value: WireCompanionSchema }),
]).or(z.object({ op: z.literal('del'), entity: z.enum(['venue', 'product', 'slot', 'closedDay', 'option', 'companion']), id: z.string() }));
export type PatchOp = z.infer<typeof PatchOpSchema>;

// ---------- mutations (push) ----------

export const PlaceOptionArgsSchema = z.strictObject({
  optionId: z.uuid(),
  slotId: z.string().min(1),
  composition: GroupCompositionSchema,
  groupBookingId: z.uuid().nullable().optional(),
  /** School, extra-curricular or social group: bookable online only where the venue allows it. */
  specialVisit: z.boolean().optional(),
});
export const CancelOptionArgsSchema = z.strictObject({ optionId: z.uuid() });
export const SaveCompanionArgsSchema = CompanionFieldsSchema.extend({ companionId: z.uuid() });
export const DeleteCompanionArgsSchema = z.strictObject({ companionId: z.uuid() });
/** Changes an active option's group in one step: the held seats are never given up midway. */
export const ResizeOptionArgsSchema = z.strictObject({ optionId: z.uuid(), composition: GroupCompositionSchema });

export const MutationSchema = z.discriminatedUnion('name', [
  z.object({ id: z.int().positive(), name: z.literal('option.place'), args: PlaceOptionArgsSchema }),
  z.object({ id: z.int().positive(), name: z.literal('option.cancel'), args: CancelOptionArgsSchema }),
  z.object({ id: z.int().positive(), name: z.literal('option.resize'), args: ResizeOptionArgsSchema }),
  z.object({ id: z.int().positive(), name: z.literal('companion.save'), args: SaveCompanionArgsSchema }),
  z.object({ id: z.int().positive(), name: z.literal('companion.delete'), args: DeleteCompanionArgsSchema }),
]);
export type Mutation = z.infer<typeof MutationSchema>;
export type MutationName = Mutation['name'];
/** A mutation before the outbox numbers it (distributes over the union, unlike Omit). */
export type NewMutation = Mutation extends infer M ? (M extends Mutation ? Omit<M, 'id'> : never) : never;

export const PushRequestSchema = z.strictObject({ clientId: z.uuid(), mutations: z.array(MutationSchema).max(100) });

export const AlternativeSlotSchema = z.object({ slotId: z.string(), startsAt: IsoInstantSchema, remaining: z.int() });
export type AlternativeSlot = z.infer<typeof AlternativeSlotSchema>;

export const REJECTION_CODES = [
  'SLOT_FULL', 'SLOT_UNAVAILABLE', 'NO_OPTION_POSSIBLE', 'GROUP_RULE', 'NOT_VALIDATED', 'NOT_FOUND', 'NOT_ACTIVE', 'DUPLICATE_OPTION',
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
});
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushResponseSchema = z.object({ lastMutationId: z.int(), results: z.array(MutationResultSchema) });

// ---------- pull ----------

export const PullRequestSchema = z.strictObject({
  clientId: z.uuid(),
  /** Opaque; null on the first pull. */
  cookie: z.string().nullable(),
  /** The client wants the stored results of its mutations above this id (lost push responses). */
  resultsAfter: z.int().min(0).default(0),
  limit: z.int().min(1).max(20_000).default(5_000),
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
] as const;
export type CentralErrorCode = (typeof CENTRAL_ERROR_CODES)[number];
export const CentralErrorSchema = z.object({
  error: z.object({
    code: z.enum(CENTRAL_ERROR_CODES),
    message: z.string(),
    missing: z.array(z.enum(['length', 'upper', 'lower', 'digit', 'special'])).optional(),
    expected: z.int().optional(),
  }),
});

/** The demo office that `npm run demo` / `npm run start:browser` sign in with. */
export const DEMO_ACCOUNT = {
  email: 'demo@guichet.example',
  password: 'Demo!2025x',
  company: 'Voyages Démo',
  contactName: 'Camille Martin',
} as const;
