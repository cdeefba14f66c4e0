// THE API between the renderer and the main process: one table of methods and
// one of events. Every transport (Electron IPC, the browser host) carries exactly these.
import { z } from 'zod';
import {
  CalendarMonthSchema, CompanionRowSchema, GroupCompositionSchema, LocalDateSchema, MonthSchema,
  OptionRowSchema, QuoteSchema, SettingsSchema, LanguageSchema, SplitPlanSchema,
  SyncStatusSchema, VenueIdSchema, VenueSchema, VoucherRowSchema, VoucherAssignResultSchema, AccountStatusSchema, ExpiringOptionSchema, IsoInstantSchema, VenueRequestSchema, CartSchema,
  RefusedChangeSchema,
} from './schemas.std.ts';
import { CompanionFieldsSchema, ContactFieldsSchema, DossierFieldsSchema, withTripInOrder, OrderStateSchema, PaymentRequestSchema, SignUpSchema, WireVoucherMuseumSchema } from './centralApi.std.ts';
import { ContactRowSchema, OrderDetailSchema, OrderRowSchema, TicketRowSchema } from './orderSchemas.std.ts';
import { DossierDetailSchema, DossierRowSchema } from './dossierSchemas.std.ts';
import { BundleJobSchema, BundleScopeSchema, PrinterSchema } from './printSchemas.std.ts';
import { LOOPBACK_HOSTNAMES } from './transport.std.ts';
import { SearchHitSchema } from './searchSchemas.std.ts';
import { UpdateStatusSchema } from './updateSchemas.std.ts';
import { BackupSchema, LocalDataSchema, RestoreOutcomeSchema } from './localDataSchemas.std.ts';

const none = z.strictObject({});

/** https, or http on this computer only: tokens, tickets and office data never cross a network in clear. */
const CentralUrlSchema = z.url({ protocol: /^https?$/ }).refine(
  (url) => new URL(url).protocol === 'https:' || LOOPBACK_HOSTNAMES.has(new URL(url).hostname),
  { params: { problem: 'insecure_url' }, message: 'The central service must be reached over https (http only on this computer).' },
);

export const methods = {
  'app.info': {
    input: none,
    output: z.object({ version: z.string(), schemaVersion: z.int(), dataDir: z.string() }),
  },
  /**
   * The window shows its first screen: work held back so as not to slow it down may go (the
   * embedded demo service opening its store, which costs the second core most of a second).
   */
  'app.shown': { input: none, output: z.null() },
  'settings.get': { input: none, output: SettingsSchema },
  'settings.update': {
    input: z.strictObject({
      language: LanguageSchema.optional(),
      centralUrl: CentralUrlSchema.nullable().optional(),
      expiringSoonDays: z.int().min(1).max(60).optional(),
    }),
    output: SettingsSchema,
  },
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
    input: z.strictObject({ venueId: VenueIdSchema, date: LocalDateSchema, composition: GroupCompositionSchema, startsAt: IsoInstantSchema.optional() }),
    output: SplitPlanSchema,
  },
  'account.status': { input: none, output: AccountStatusSchema },
  'account.signUp': { input: SignUpSchema, output: AccountStatusSchema },
  'account.signIn': { input: z.strictObject({ email: z.email(), password: z.string().min(1).max(200) }), output: AccountStatusSchema },
  'account.signOut': { input: none, output: AccountStatusSchema },
  'options.list': { input: none, output: z.array(OptionRowSchema) },
  'options.place': {
    input: z.strictObject({
      slotId: z.string().min(1), composition: GroupCompositionSchema, specialVisit: z.boolean().optional(), dossierId: z.string().min(1).nullable().optional(),
    }),
    output: OptionRowSchema,
  },
  'options.placeGroup': {
    input: z.strictObject({
      subGroups: z.array(z.strictObject({ slotId: z.string().min(1), composition: GroupCompositionSchema })).min(1).max(20),
      specialVisit: z.boolean().optional(),
      dossierId: z.string().min(1).nullable().optional(),
    }),
    output: z.array(OptionRowSchema),
  },
  /** To another client group (null: none); a split group's sub-groups move together. */
  'options.moveToDossier': {
    input: z.strictObject({ optionId: z.string().min(1), dossierId: z.string().min(1).nullable() }),
    output: z.array(OptionRowSchema),
  },
  'dossiers.list': { input: none, output: z.array(DossierRowSchema) },
  'dossiers.get': { input: z.strictObject({ id: z.string().min(1) }), output: DossierDetailSchema },
  'dossiers.save': { input: withTripInOrder(DossierFieldsSchema.extend({ id: z.string().min(1).optional() })), output: DossierRowSchema },
  'options.resize': { input: z.strictObject({ optionId: z.string().min(1), composition: GroupCompositionSchema }), output: OptionRowSchema },
  'options.cancel': { input: z.strictObject({ optionId: z.string().min(1) }), output: OptionRowSchema },
  'options.replace': { input: z.strictObject({ optionId: z.string().min(1), slotId: z.string().min(1) }), output: OptionRowSchema },
  'options.dismiss': { input: z.strictObject({ optionId: z.string().min(1) }), output: z.object({ dismissed: z.literal(true) }) },
  'sync.now': { input: none, output: SyncStatusSchema },
  'cart.get': { input: none, output: CartSchema },
  'cart.add': { input: z.strictObject({ optionIds: z.array(z.string().min(1)).min(1).max(100) }), output: CartSchema },
  /** Vouchers of one tariff to the cart; the same tariff again adds to its line (at most 1,000 a line). */
  'cart.addVouchers': { input: z.strictObject({ tariffId: z.string().min(1).max(200), quantity: z.int().min(1).max(1000) }), output: CartSchema },
  'cart.remove': { input: z.strictObject({ itemId: z.string().min(1) }), output: CartSchema },
  /** "Buy at once" where no option is possible: the group goes to the cart; nothing is held until it is paid. */
  'cart.buyNow': {
    input: z.strictObject({
      slotId: z.string().min(1), composition: GroupCompositionSchema, specialVisit: z.boolean().optional(), dossierId: z.string().min(1).nullable().optional(),
    }),
    output: CartSchema,
  },
  /** Names the companion of one guide/leader line (null: "Without accompanying"). */
  'cart.designate': { input: z.strictObject({ key: z.string().min(1), companionId: z.string().min(1).nullable() }), output: CartSchema },
  /** "Apply to all": one companion for every guide/leader line of the cart. */
  'cart.applyToAll': { input: z.strictObject({ companionId: z.string().min(1) }), output: CartSchema },
  /**
   * Pays the whole cart (online only). Refused, with the cart kept as it is, when a line is
   * "Without accompanying", the terms of sale are not accepted, an option is no longer held
   * or the card is declined.
   */
  'cart.checkout': {
    input: z.strictObject({ termsAccepted: z.boolean(), payment: PaymentRequestSchema }),
    output: OrderDetailSchema,
  },
  'requests.list': { input: z.strictObject({ venueId: VenueIdSchema }), output: z.array(VenueRequestSchema) },
  'requests.create': {
    input: z.strictObject({
      venueId: VenueIdSchema, visitDate: LocalDateSchema, headCount: z.int().min(1).max(500), notes: z.string().max(2000).optional(),
      dossierId: z.string().min(1).nullable().optional(),
    }),
    output: VenueRequestSchema,
  },
  'requests.advance': { input: z.strictObject({ id: z.string().min(1), notes: z.string().max(2000).optional() }), output: VenueRequestSchema },
  'companions.list': { input: none, output: z.array(CompanionRowSchema) },
  'companions.save': { input: CompanionFieldsSchema.extend({ id: z.string().optional() }), output: CompanionRowSchema },
  /** Refused (COMPANION_IN_USE) while future bookings name the companion, unless the user confirmed it knowing that. */
  'companions.delete': {
    input: z.strictObject({ id: z.string().min(1), confirmInUse: z.boolean().optional() }),
    output: z.object({ deleted: z.literal(true) }),
  },
  'orders.list': {
    input: z.strictObject({ from: LocalDateSchema.optional(), to: LocalDateSchema.optional(), state: OrderStateSchema.optional() }),
    output: z.array(OrderRowSchema),
  },
  'orders.get': { input: z.strictObject({ orderId: z.string().min(1) }), output: OrderDetailSchema },
  /** The receipt ("justificatif") as a PDF, in the user's language. */
  'orders.receipt': {
    /** language: the one the user reads now (default: the saved setting, else French). */
    input: z.strictObject({ orderId: z.string().min(1), language: LanguageSchema.optional() }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  /**
   * The order's ticket numbers as CSV (number, signed code, monument, date, time, product,
   * holder, order), from the local store, offline too; voided tickets are left out and named.
   */
  'tickets.csv': {
    input: z.strictObject({ orderId: z.string().min(1), language: LanguageSchema.optional() }),
    output: z.object({ fileName: z.string(), base64: z.string(), count: z.int(), leftOut: z.array(z.object({ number: z.string(), reason: z.literal('cancelled') })) }),
  },
  /** Sends tickets of an order by e-mail (online only): to a contact, or to the office's own address. */
  'orders.assign': {
    input: z.strictObject({
      orderId: z.string().min(1),
      ticketIds: z.array(z.string().min(1)).min(1).max(2000).nullable(),
      to: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('contact'), contactId: z.string().min(1) }),
        z.strictObject({ kind: z.literal('office') }),
      ]),
      /** The e-mail's and the tickets' language (default: the saved setting, else French). */
      language: LanguageSchema.optional(),
    }),
    output: z.object({ sentTo: z.string(), count: z.int() }),
  },
  'contacts.list': { input: none, output: z.array(ContactRowSchema) },
  'contacts.save': { input: ContactFieldsSchema.extend({ id: z.string().optional() }), output: ContactRowSchema },
  'tickets.list': { input: none, output: z.array(TicketRowSchema) },
  /**
   * Queues a bundle PDF (a cover per sub-group, one A4 page per ticket) built from the local
   * store, offline too; voided tickets are left out and named. Progress comes as bundles.changed.
   */
  'bundles.start': {
    input: z.strictObject({ scope: BundleScopeSchema, language: LanguageSchema.optional() }),
    output: BundleJobSchema,
  },
  /** The bundles of this session, newest first. */
  'bundles.list': { input: none, output: z.array(BundleJobSchema) },
  /** Stops a queued or running bundle; it leaves no file. */
  'bundles.cancel': { input: z.strictObject({ jobId: z.string().min(1) }), output: BundleJobSchema },
  /**
   * Saves (the desktop's save dialog) or opens (the system's viewer) a finished bundle. The
   * browser host has neither: it answers with the file for the window to download or show.
   */
  'bundles.export': {
    input: z.strictObject({ jobId: z.string().min(1), how: z.enum(['save', 'open']) }),
    output: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('saved'), path: z.string() }),
      z.object({ kind: z.literal('opened'), path: z.string() }),
      z.object({ kind: z.literal('cancelled') }),
      z.object({ kind: z.literal('download'), fileName: z.string(), base64: z.string() }),
    ]),
  },
  /** Sends a finished bundle to a printer; refused, with the bundle kept, when the printer is missing, paused or refuses it. */
  'bundles.print': {
    input: z.strictObject({ jobId: z.string().min(1), printer: z.string().min(1).max(200), copies: z.int().min(1).max(99) }),
    output: z.object({ printer: z.string(), printJobId: z.string(), copies: z.int() }),
  },
  'printers.list': { input: none, output: z.array(PrinterSchema) },
  /** Every code of the office; assigned ones below the unassigned (as on the platform). */
  'vouchers.list': { input: none, output: z.array(VoucherRowSchema) },
  /** The museums that sell vouchers and their tariffs, as last synced; shown to offices not yet validated too. */
  'vouchers.catalogue': { input: none, output: z.array(WireVoucherMuseumSchema) },
  /**
   * The chosen codes (by id) or an order's, as a PDF with one code a page or an Excel workbook
   * with every code in column K; built from this workstation's mirror, offline too.
   */
  'vouchers.export': {
    input: z.strictObject({
      scope: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('order'), orderId: z.string().min(1) }),
        z.strictObject({ kind: z.literal('selection'), voucherIds: z.array(z.string().min(1)).min(1).max(5000) }),
      ]),
      format: z.enum(['pdf', 'xlsx']),
      language: LanguageSchema.optional(),
    }),
    output: z.object({ fileName: z.string(), base64: z.string(), count: z.int() }),
  },
  /**
   * E-mails each code to its recipient (a code already assigned goes to the new one: reassigned,
   * or resent to the same address). Offline, kept and sent once when the connection returns.
   */
  'vouchers.assign': {
    input: z.strictObject({
      assignments: z.array(z.strictObject({
        voucherId: z.string().min(1).max(200),
        email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
        name: z.string().trim().min(1).max(120).optional(),
      })).min(1).max(5_000),
      language: LanguageSchema.optional(),
    }),
    output: VoucherAssignResultSchema,
  },
  /**
   * A pasted list, one recipient a line, paired in order with free codes: `voucherIds` in their
   * order, or else the office's free codes (of `museumId` / `tariffId` when given), oldest first.
   */
  'vouchers.assignList': {
    input: z.strictObject({
      pasted: z.string().max(2_000_000),
      voucherIds: z.array(z.string().min(1).max(200)).max(5_000).optional(),
      museumId: z.string().min(1).max(200).optional(),
      tariffId: z.string().min(1).max(200).optional(),
      language: LanguageSchema.optional(),
    }),
    output: VoucherAssignResultSchema,
  },
  /** The agent read a code's refused e-mail: it leaves the code's row (the code itself is as it was). */
  'vouchers.dismissRefusal': {
    input: z.strictObject({ voucherId: z.string().min(1).max(200) }),
    output: z.object({ dismissed: z.int() }),
  },
  /**
   * The command palette's search: venues, options, orders, tickets, companions and contacts
   * whose text holds every word typed (accents and case ignored), best first, a few of each.
   */
  'search.find': {
    input: z.strictObject({ query: z.string().trim().min(1).max(100), limit: z.int().min(1).max(50).optional() }),
    output: z.array(SearchHitSchema),
  },
  'sync.status': { input: none, output: SyncStatusSchema },
  /** Changes the central service refused as malformed, oldest first. */
  'sync.refused': { input: none, output: z.array(RefusedChangeSchema) },
  /** Forgets a refused change: this workstation keeps (or gets back) what the central service holds. */
  'sync.discardRefused': { input: z.strictObject({ mutationId: z.int() }), output: z.object({ discarded: z.literal(true) }) },
  /**
   * Sends a refused change again with the agent's corrections (its args, field by field; the row
   * it is about cannot change). Checked as any change is: still wrong, it is refused and kept.
   */
  'sync.resendRefused': {
    input: z.strictObject({
      mutationId: z.int(),
      corrections: z.record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.null()])),
    }),
    output: z.object({ resent: z.literal(true) }),
  },
  /** The local data file: its backups (newest first) and, after a damaged file was replaced, what was kept. */
  'localData.get': { input: none, output: LocalDataSchema },
  'localData.backUp': { input: none, output: BackupSchema },
  /** Puts a listed backup back; the store as it was just before is backed up first. */
  'localData.restore': { input: z.strictObject({ fileName: z.string().min(1).max(200) }), output: RestoreOutcomeSchema },
  'localData.dismissRecovery': { input: none, output: LocalDataSchema },
  /** The application's own update: where it stands; check now; restart to install (deferred while busy). */
  'updates.status': { input: none, output: UpdateStatusSchema },
  'updates.check': { input: none, output: UpdateStatusSchema },
  'updates.restart': { input: none, output: UpdateStatusSchema },
  /** What support needs to understand a problem, as a file to send: no password, token or card number. */
  'diagnostics.export': { input: none, output: z.object({ fileName: z.string(), base64: z.string() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'settings.changed': SettingsSchema,
  'sync.status': SyncStatusSchema,
  /** Options changed (placed, cancelled, or updated by a sync): lists should re-read. */
  'options.changed': z.object({}),
  'account.changed': AccountStatusSchema,
  /** Held options that just entered the "expiring soon" window (announced once each). */
  'options.expiring': z.object({ options: z.array(ExpiringOptionSchema) }),
  'cart.changed': z.object({ count: z.int() }),
  /** The companion registry changed (here or on another workstation of the office). */
  'companions.changed': z.object({}),
  /** Orders or their tickets changed (paid, transfer received, cancelled by the venue, refunded, assigned). */
  'orders.changed': z.object({}),
  'contacts.changed': z.object({}),
  /** A dossier, or which options belong to it, changed (here or on another workstation of the office). */
  'dossiers.changed': z.object({}),
  /** Voucher codes or the museums selling them changed (bought, pulled, assigned, sent after being offline, used at a museum). */
  'vouchers.changed': z.object({}),
  /** Requests to monuments changed (here or on another workstation of the office): their tracker should re-read. */
  'requests.changed': z.object({}),
  /** A bundle was queued, moved on, finished, failed or was cancelled. */
  'bundles.changed': BundleJobSchema,
  'updates.status': UpdateStatusSchema,
  /** A backup was made, or a backup was restored (then every screen re-reads). */
  'localData.changed': LocalDataSchema,
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
