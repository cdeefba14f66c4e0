// The port a card acquirer plugs into. Checkout authorizes before it writes anything, captures
// once the order is committed, and voids the authorization when the booking cannot be made,
// so an office is never charged for seats it did not get.
import type { Card, DECLINE_REASONS } from '../../src-main/contract/centralApi.std.ts';

export type DeclineReason = (typeof DECLINE_REASONS)[number];

export interface AuthorizeRequest {
  amountCents: number;
  currency: 'EUR';
  card: Card;
  /** Ours, shown on the office's statement: the order id. */
  reference: string;
}

export type Authorization =
  | { approved: true; authorizationId: string }
  | { approved: false; reason: DeclineReason };

export interface PaymentProvider {
  authorize(request: AuthorizeRequest): Promise<Authorization>;
  capture(authorizationId: string): Promise<void>;
  void(authorizationId: string): Promise<void>;
}
