// Starts one API process of the central service: store, catalogue, routes, expiry sweeper.
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { authRoutes } from './accounts/authRoutes.node.ts';
import { loadAccessTokens } from './accounts/tokens.node.ts';
import { adminRoutes } from './admin/adminRoutes.node.ts';
import { sweepExpired } from './admin/sweepExpired.node.ts';
import type { CentralContext } from './context.node.ts';
import { installErrorHandling } from './http/httpError.node.ts';
import { orderRoutes } from './orders/orderRoutes.node.ts';
import type { PaymentProvider } from './payments/paymentProvider.node.ts';
import { createTestCardProvider } from './payments/testCardProvider.node.ts';
import { openStore } from './store/database.node.ts';
import { seedCatalogue } from './store/seedCatalogue.node.ts';
import { seedDemoAccount } from './store/seedDemoAccount.node.ts';
import { syncRoutes } from './sync/syncRoutes.node.ts';
import { loadTicketSigner } from './tickets/signingKey.node.ts';
import { ticketRoutes } from './tickets/ticketRoutes.node.ts';

export interface StartCentralOptions {
  /** PostgreSQL; when absent, embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; omit it and databaseUrl for an in-memory PGlite. */
  dataDir?: string;
  /** 0 = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Back-office token; a random one when absent (returned). */
  adminToken?: string;
  /** The server clock; default real time. */
  now?: () => Date;
  /** Seed the demo catalogue into an empty database (default true). */
  seedDemo?: boolean;
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
  /**
   * The card acquirer. Default: the test acquirer (TEST_CARDS). A real acquirer's adapter
   * plugs in here through the same port; none is reachable from this machine.
   */
  paymentProvider?: PaymentProvider;
}

export interface RunningCentral {
  url: string;
  adminToken: string;
  sweepExpired(): Promise<number>;
  close(): Promise<void>;
}

export async function startCentral(opts: StartCentralOptions): Promise<RunningCentral> {
  const now = opts.now ?? (() => new Date());
  const store = await openStore({
    databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, migrationsDir: opts.migrationsDir, poolSize: opts.poolSize,
  });
  try {
    if (opts.seedDemo ?? true) await seedCatalogue(store.db, now());
    if (opts.demoAccount) await seedDemoAccount(store.db, now());
    const ctx: CentralContext = {
      db: store.db,
      now,
      tokens: await loadAccessTokens(store.db),
      adminToken: opts.adminToken ?? randomBytes(24).toString('base64url'),
      unsafeNoCapacityGuard: opts.unsafeNoCapacityGuard ?? false,
      payments: opts.paymentProvider ?? createTestCardProvider(now),
      tickets: await loadTicketSigner(store.db, now()),
    };
    const app = Fastify({ logger: { level: 'warn' }, bodyLimit: 4 * 1024 * 1024 });
    installErrorHandling(app);
    authRoutes(app, ctx);
    syncRoutes(app, ctx);
    adminRoutes(app, ctx);
    orderRoutes(app, ctx);
    ticketRoutes(app, ctx);
    const address = await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });

    const sweepEveryMs = opts.sweepEveryMs ?? 30_000;
    const timer = sweepEveryMs > 0
      ? setInterval(() => sweepExpired(ctx).catch((error: unknown) => app.log.error(error)), sweepEveryMs)
      : null;
    timer?.unref();

    return {
      url: address,
      adminToken: ctx.adminToken,
      sweepExpired: () => sweepExpired(ctx),
      async close() {
        if (timer) clearInterval(timer);
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
