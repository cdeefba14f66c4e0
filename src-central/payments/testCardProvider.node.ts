// The test acquirer: answers by the documented TEST_CARDS and the Luhn check, and keeps a
// ledger of what it was asked so tests can see a charge captured once or an authorization
// voided. No real acquirer is reachable from this machine; one plugs in through the same port.
import { randomUUID } from 'node:crypto';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { luhnValid } from '../numbers/luhn.node.ts';
import type { Authorization, AuthorizeRequest, DeclineReason, PaymentProvider } from './paymentProvider.node.ts';

export interface LedgerEntry {
  authorizationId: string;
  reference: string;
  amountCents: number;
  cardLast4: string;
  state: 'authorized' | 'captured' | 'voided';
}

export interface TestCardProvider extends PaymentProvider {
  /** Every approved authorization, in the order they were made, with what became of it. */
  readonly ledger: readonly LedgerEntry[];
  /** Declines, by reason, for the record. */
  readonly declines: readonly { reference: string; reason: DeclineReason }[];
}

const digits = (number: string) => number.replace(/ /g, '');

const SCRIPTED: Record<string, DeclineReason> = {
  [digits(TEST_CARDS.declined)]: 'card_declined',
  [digits(TEST_CARDS.insufficientFunds)]: 'insufficient_funds',
};

/** A card is good through the last day of its MM/YY month, by the server's clock (UTC). */
function expired(expiry: string, now: Date): boolean {
  const [month, year] = expiry.split('/').map(Number) as [number, number];
  const cardMonths = (2000 + year) * 12 + (month - 1);
  return cardMonths < now.getUTCFullYear() * 12 + now.getUTCMonth();
}

export function createTestCardProvider(now: () => Date): TestCardProvider {
  const ledger: LedgerEntry[] = [];
  const declines: { reference: string; reason: DeclineReason }[] = [];

  function decide(request: AuthorizeRequest): DeclineReason | null {
    const number = digits(request.card.number);
    if (!luhnValid(number)) return 'invalid_number';
    if (expired(request.card.expiry, now())) return 'expired_card';
    return SCRIPTED[number] ?? null;
  }

  function entry(authorizationId: string): LedgerEntry {
    const found = ledger.find((e) => e.authorizationId === authorizationId);
    if (!found) throw new Error(`test acquirer: no authorization ${authorizationId}`);
    return found;
  }

  return {
    ledger,
    declines,
    async authorize(request): Promise<Authorization> {
      const reason = decide(request);
      if (reason) {
        declines.push({ reference: request.reference, reason });
        return { approved: false, reason };
      }
      const authorizationId = `test_auth_${randomUUID()}`;
      ledger.push({
        authorizationId, reference: request.reference, amountCents: request.amountCents,
        cardLast4: digits(request.card.number).slice(-4), state: 'authorized',
      });
      return { approved: true, authorizationId };
    },
    async capture(authorizationId) {
      const e = entry(authorizationId);
      if (e.state !== 'authorized') throw new Error(`test acquirer: cannot capture a ${e.state} authorization`);
      e.state = 'captured';
    },
    async void(authorizationId) {
      const e = entry(authorizationId);
      if (e.state !== 'authorized') throw new Error(`test acquirer: cannot void a ${e.state} authorization`);
      e.state = 'voided';
    },
  };
}
