// What every route and job of one API process shares.
import type { AccessTokens } from './accounts/tokens.node.ts';
import type { Mailer } from './mail/mailer.node.ts';
import type { PaymentProvider } from './payments/paymentProvider.node.ts';
import type { Db } from './store/database.node.ts';
import type { TicketSigner } from './tickets/signingKey.node.ts';

export interface CentralContext {
  db: Db;
  /** The server clock: the only one that decides expiry. Injectable for tests. */
  now: () => Date;
  tokens: AccessTokens;
  adminToken: string;
  payments: PaymentProvider;
  /** Signs the QR code of every ticket issued. */
  tickets: TicketSigner;
  /** Sends assigned tickets; null when the service was given neither an SMTP server nor a folder. */
  mailer: Mailer | null;
  /**
   * TEST ONLY: places options by read-then-write with no guard in the UPDATE, so the
   * concurrency test's negative control can show it catches an oversell.
   */
  unsafeNoCapacityGuard: boolean;
  /**
   * TEST ONLY: checks at checkout that the options are held without locking them, so the
   * expiry race's negative control can show the test catches an option both expired and paid.
   */
  unsafeNoCheckoutLock: boolean;
}
