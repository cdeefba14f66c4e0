// Starts one API process of the central service: store, catalogue, routes, expiry sweeper.
import { randomBytes } from 'node:crypto';
import type { RequestListener } from 'node:http';
import path from 'node:path';
import Fastify from 'fastify';
import { authRoutes } from './accounts/authRoutes.node.ts';
import { createPasswords, type ScryptCost } from './accounts/passwords.node.ts';
import { loadAccessTokens } from './accounts/tokens.node.ts';
import { adminRoutes } from './admin/adminRoutes.node.ts';
import { sweepExpired } from './admin/sweepExpired.node.ts';
import { sweepUnpaidTransfers } from './orders/cancelUnpaid.node.ts';
import type { CentralContext, RacePoints } from './context.node.ts';
import { installErrorHandling, loggableFailure } from './http/httpError.node.ts';
import { createRateLimiter, RATE_LIMITS, scaledRules } from './http/rateLimits.node.ts';
import { createMailer, type MailConfig, type Mailer } from './mail/mailer.node.ts';
import { createTicketMailSlots } from './mail/ticketMailSlots.node.ts';
import { createTicketPdfPool, defaultTicketPdfWorkers } from './mail/ticketPdfPool.node.ts';
import { orderRoutes } from './orders/orderRoutes.node.ts';
import type { PaymentProvider } from './payments/paymentProvider.node.ts';
import { createTestCardProvider } from './payments/testCardProvider.node.ts';
import { openStore } from './store/database.node.ts';
import { seedCatalogue, seedVoucherMuseums } from './store/seedCatalogue.node.ts';
import { seedDemoAccount, startDemoAccountHash } from './store/seedDemoAccount.node.ts';
import { stampVersion } from './store/versions.node.ts';
import { syncRoutes } from './sync/syncRoutes.node.ts';
import { refreshGroupCodes, subGroupsWithoutCode } from './tickets/groupCodes.node.ts';
import { loadTicketKeys } from './tickets/signingKey.node.ts';
import { ticketRoutes } from './tickets/ticketRoutes.node.ts';
import { tillToken } from './vouchers/tillTokens.node.ts';
import { voucherRoutes } from './vouchers/voucherRoutes.node.ts';
import { loopbackHostsOnly } from './http/loopbackHosts.node.ts';
import type { EarlyListener } from './http/earlyListener.node.ts';
import { auditTrail } from './audit/auditLog.node.ts';
import { readKeySet, type KeySet } from './keys/keySet.node.ts';

export interface StartCentralOptions {
  /** PostgreSQL; when absent, embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; omit it and databaseUrl for an in-memory PGlite. */
  dataDir?: string;
  /** A PGlite template a fresh dataDir starts from (pgliteTemplate.node.ts); ignored when it does not fit. */
  pgliteTemplate?: string;
  /** 0 = a free port. */
  port?: number;
  /** A port bound already, instead of `port` and `host` (the embedded service's, bound before its store opens). */
  listener?: EarlyListener;
  /** Default 127.0.0.1. */
  host?: string;
  /** Back-office token; a random one when absent (returned). */
  adminToken?: string;
  /** The server clock; default real time. */
  now?: () => Date;
  /** Seed the demo catalogue into an empty database (default true). */
  seedDemo?: boolean;
  /** How many months of demo slots to seed (default 12). */
  seedMonths?: number;
  /** Also create the validated demo office DEMO_ACCOUNT (default false). */
  demoAccount?: boolean;
  /** drizzle/central of the repository. */
  migrationsDir: string;
  /** Default 30 s; 0 turns the periodic sweep off (sweepExpired() and /admin/sweep still work). */
  sweepEveryMs?: number;
  /** node-postgres pool size (default 20). */
  poolSize?: number;
  /** TEST ONLY: place options without the capacity guard, for the negative control. */
  unsafeNoCapacityGuard?: boolean;
  /** TEST ONLY: check options at checkout without locking them, for the negative control. */
  unsafeNoCheckoutLock?: boolean;
  /** TEST ONLY: release unpaid orders without locking them, for the negative control. */
  unsafeNoUnpaidLock?: boolean;
  /** TEST ONLY: redeem vouchers without the guard in the UPDATE, for the negative control. */
  unsafeNoRedeemGuard?: boolean;
  /** TEST ONLY: points where a concurrency test holds a transaction (see RacePoints). */
  racePoints?: RacePoints;
  /**
   * The card acquirer. Default: the test acquirer (TEST_CARDS). A real acquirer's adapter
   * plugs in here through the same port; none is reachable from this machine.
   */
  paymentProvider?: PaymentProvider;
  /**
   * How assigned tickets are e-mailed. Absent: with a dataDir, each message is written as an
   * .eml file to <dataDir>/mail (the demo has no mail server); without one, no mail is sent.
   */
  mail?: MailConfig;
  /** Answer only requests addressed to a loopback name (the embedded demo: DNS rebinding). */
  loopbackHostsOnly?: boolean;
  /** Where the service's JSON log lines go; default standard output. */
  logStream?: { write(line: string): void };
  /**
   * Behind a load balancer: Fastify's trustProxy (true, or the balancer's addresses or CIDR
   * ranges), so the rate limits count the client named in X-Forwarded-For, not the balancer.
   */
  trustProxy?: boolean | string | string[];
  /** TEST ONLY: a cheaper scrypt cost than the recommended one, so tests sign up in milliseconds. */
  passwordCost?: ScryptCost;
  /** TEST ONLY: every rate limit's count multiplied (tests sign up and in far more than anyone). */
  rateLimitFactor?: number;
  /** Threads drawing the e-mailed tickets' PDFs (default: min(2, cores − 1), at least 1). */
  ticketPdfWorkers?: number;
  /** Ticket e-mails one office may have under way at once (default TICKET_MAILS_PER_OFFICE). */
  ticketMailsPerOffice?: number;
  /** TEST ONLY: every ticket PDF stops in its thread until the test lets it go (mail/renderHold.node.ts). */
  ticketPdfHold?: SharedArrayBuffer;
  /**
   * The token and ticket signing keys, kept out of the database (keys/keySet.node.ts). A kind
   * left out is made once and kept in the database: the embedded demo's way.
   */
  keys?: KeySet;
}

export interface RunningCentral {
  url: string;
  adminToken: string;
  /** The x-till-token of a voucher museum's tills. */
  tillToken(museumId: string): string;
  /** Where e-mails are written as .eml files when no SMTP server was given; null otherwise. */
  mailDropDir: string | null;
  sweepExpired(): Promise<number>;
  /** Cancels the orders whose bank transfer is overdue by the server clock; returns how many. */
  sweepUnpaidTransfers(): Promise<number>;
  close(): Promise<void>;
}

/** The sender of the demo's e-mails when none is configured. */
export const DEFAULT_MAIL_FROM = '"Guichet" <billetterie@guichet.example>';

function mailConfig(opts: StartCentralOptions): MailConfig | null {
  if (opts.mail) return opts.mail;
  return opts.dataDir ? { from: DEFAULT_MAIL_FROM, dropDir: path.join(path.resolve(opts.dataDir), 'mail') } : null;
}

/** Sub-groups paid before group codes existed get theirs at the first start that knows them. */
async function issueMissingGroupCodes(ctx: CentralContext): Promise<void> {
  const missing = await subGroupsWithoutCode(ctx.db);
  if (missing.length === 0) return;
  await ctx.db.transaction(async (tx) => stampVersion(tx, { groupCodes: await refreshGroupCodes(tx, ctx, missing) }));
}

export async function startCentral(opts: StartCentralOptions): Promise<RunningCentral> {
  const now = opts.now ?? (() => new Date());
  // Before the store opens: a key that cannot be used, or a malformed SMTP URL, stops the start with its own message.
  const keys = readKeySet(opts.keys ?? {});
  const mail = mailConfig(opts);
  const mailer: Mailer | null = mail ? createMailer(mail) : null;
  const mailDropDir = mail && !mail.smtpUrl ? mail.dropDir ?? null : null;
  const store = await openStore({
    databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, migrationsDir: opts.migrationsDir, poolSize: opts.poolSize,
    pgliteTemplate: opts.pgliteTemplate,
  });
  try {
    const passwords = createPasswords(opts.passwordCost);
    const demoOffice = opts.demoAccount ? await startDemoAccountHash(store.db) : null;
    if (opts.seedDemo ?? true) {
      await seedCatalogue(store.db, now(), opts.seedMonths);
      await seedVoucherMuseums(store.db);
    }
    if (demoOffice) await seedDemoAccount(store.db, now(), await demoOffice.hash);
    const ctx: CentralContext = {
      db: store.db,
      now,
      tokens: await loadAccessTokens(store.db, keys.token),
      passwords,
      limits: createRateLimiter(store.db, now, scaledRules(RATE_LIMITS, opts.rateLimitFactor ?? 1)),
      adminToken: opts.adminToken ?? randomBytes(24).toString('base64url'),
      unsafeNoCapacityGuard: opts.unsafeNoCapacityGuard ?? false,
      unsafeNoCheckoutLock: opts.unsafeNoCheckoutLock ?? false,
      unsafeNoUnpaidLock: opts.unsafeNoUnpaidLock ?? false,
      unsafeNoRedeemGuard: opts.unsafeNoRedeemGuard ?? false,
      racePoints: opts.racePoints,
      payments: opts.paymentProvider ?? createTestCardProvider(now),
      tickets: await loadTicketKeys(store.db, keys.ticket, now()),
      mailer,
      ticketPdfs: createTicketPdfPool({ size: opts.ticketPdfWorkers ?? defaultTicketPdfWorkers(), hold: opts.ticketPdfHold }),
      ticketMails: createTicketMailSlots(opts.ticketMailsPerOffice),
    };
    await issueMissingGroupCodes(ctx);
    const { listener } = opts;
    let handler: RequestListener | undefined;
    const app = Fastify({
      logger: { level: 'warn', ...(opts.logStream ? { stream: opts.logStream } : {}) }, bodyLimit: 4 * 1024 * 1024, trustProxy: opts.trustProxy ?? false,
      ...(listener ? {
        serverFactory: (answer: RequestListener) => {
          handler = answer;
          return listener.server;
        },
      } : {}),
    });
    installErrorHandling(app);
    if (opts.loopbackHostsOnly) loopbackHostsOnly(app);
    let closing = false;
    // Tokens, tickets and office data: never kept by a cache on the way, never sniffed into HTML.
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      reply.header('x-content-type-options', 'nosniff');
      // An answer finished while closing ends its connection: kept alive, it would hold the close for the keep-alive timeout.
      if (closing) reply.header('connection', 'close');
    });
    auditTrail(app, ctx);
    authRoutes(app, ctx);
    syncRoutes(app, ctx);
    adminRoutes(app, ctx);
    orderRoutes(app, ctx);
    ticketRoutes(app, ctx);
    voucherRoutes(app, ctx);
    const address = listener ? await app.ready().then(() => listener.serve(handler!)).then(() => listener.url)
      : await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });

    const sweepEveryMs = opts.sweepEveryMs ?? 30_000;
    const timer = sweepEveryMs > 0
      ? setInterval(() => {
        sweepExpired(ctx).catch((error: unknown) => app.log.error({ failure: loggableFailure(error) }, 'expiry sweep failed'));
        sweepUnpaidTransfers(ctx).catch((error: unknown) => app.log.error({ failure: loggableFailure(error) }, 'unpaid transfer sweep failed'));
      }, sweepEveryMs)
      : null;
    timer?.unref();

    if (mailDropDir) console.info(`Guichet central: no SMTP server configured; e-mails are written as .eml files to ${mailDropDir}`);

    return {
      url: address,
      adminToken: ctx.adminToken,
      tillToken: (museumId) => tillToken(ctx.adminToken, museumId),
      mailDropDir,
      sweepExpired: () => sweepExpired(ctx),
      sweepUnpaidTransfers: () => sweepUnpaidTransfers(ctx),
      async close() {
        if (timer) clearInterval(timer);
        closing = true;
        await app.close();
        await listener?.close();
        // The server no longer waits for a request whose connection dropped: an e-mail being
        // drawn or sent for it still goes and is recorded before the store closes.
        await ctx.ticketMails.drained();
        await ctx.ticketPdfs.close();
        mailer?.close();
        await store.close();
      },
    };
  } catch (error) {
    mailer?.close();
    await store.close();
    throw error;
  }
}
