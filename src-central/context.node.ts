// What every route and job of one API process shares.
import type { Passwords } from './accounts/passwords.node.ts';
import type { AccessTokens } from './accounts/tokens.node.ts';
import type { RateLimiter } from './http/rateLimits.node.ts';
import type { Mailer } from './mail/mailer.node.ts';
import type { TicketMailSlots } from './mail/ticketMailSlots.node.ts';
import type { TicketPdfPool } from './mail/ticketPdfPool.node.ts';
import type { PaymentProvider } from './payments/paymentProvider.node.ts';
import type { Db } from './store/database.node.ts';
import type { TicketKeys } from './tickets/signingKey.node.ts';

export interface CentralContext {
  db: Db;
  /** The server clock: the only one that decides expiry. Injectable for tests. */
  now: () => Date;
  tokens: AccessTokens;
  passwords: Passwords;
  /** Sign-in, sign-up, refresh and ticket e-mail limits, counted in the database by `now`. */
  limits: RateLimiter;
  adminToken: string;
  payments: PaymentProvider;
  /** Signs the QR code of every ticket issued, and lists the keys that verify them. */
  tickets: TicketKeys;
  /** Sends assigned tickets; null when the service was given neither an SMTP server nor a folder. */
  mailer: Mailer | null;
  /** Draws the e-mailed tickets' PDFs off the event loop, offices in turn. */
  ticketPdfs: TicketPdfPool;
  /** How many ticket e-mails each office has under way, within its bound. */
  ticketMails: TicketMailSlots;
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
  /**
   * TEST ONLY: releases an unpaid order without locking it, and counts an office's unpaid
   * people without its lock, so the negative controls can show the races are caught.
   */
  unsafeNoUnpaidLock: boolean;
  /**
   * TEST ONLY: redeems a voucher by read-then-write, with no guard in the UPDATE, so the
   * redemption race's negative control can show the test catches a code used twice.
   */
  unsafeNoRedeemGuard: boolean;
  /** TEST ONLY: where concurrency tests hold a transaction to force an interleaving; absent in service. */
  racePoints?: RacePoints;
}

/**
 * Named points inside transactions where a concurrency test may make one wait (a barrier,
 * a gate), so that the collision its negative control must catch happens on every run, at
 * any machine speed — and so that the guarded code is checked under the same interleaving.
 */
export interface RacePoints {
  /** option.place: the slot's seats were read (unguarded) or are about to be taken (guarded). */
  seatsChecked?(slotId: string): Promise<void>;
  /** option.cancel without a transaction: the option was read active; its cancel not yet written. */
  cancelChecked?(optionId: string): Promise<void>;
  /**
   * Checkout: the options were found held (and locked, unless unsafeNoCheckoutLock; only read,
   * on the path without a transaction, its card authorized); not yet confirmed.
   */
  optionsChecked?(optionIds: string[]): Promise<void>;
  /** Expiry sweep: a batch is marked expired, its seats not yet released, nothing committed. */
  optionsExpiring?(optionIds: string[]): Promise<void>;
  /** Unpaid-transfer release: the order and its options are locked, nothing released or committed yet. */
  unpaidReleasing?(orderId: string): Promise<void>;
  /** Transfer checkout: the office's unpaid people were counted and found within its limit; nothing sold yet. */
  unpaidCounted?(officeId: string): Promise<void>;
  /** Voucher redemption: the code was read (unguarded) or is about to be taken by the guarded UPDATE. */
  voucherRedeeming?(code: string): Promise<void>;
  /** Transfer received: the order is locked and found awaiting its transfer; no ticket issued yet. */
  transferReceiving?(orderId: string): Promise<void>;
}
