// The test acquirer answers the documented test cards as the contract says, by the server's clock.
import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import { luhnValid, withLuhnCheckDigit } from '../../src-central/numbers/luhn.node.ts';
import { createTestCardProvider } from '../../src-central/payments/testCardProvider.node.ts';

const now = () => new Date('2025-06-15T10:00:00Z');
const card = (number: string, expiry = '12/27') => ({ number, expiry, cvc: '123', holder: 'Camille Martin' });
const authorize = (number: string, expiry?: string) =>
  createTestCardProvider(now).authorize({ amountCents: 27_200, currency: 'EUR', card: card(number, expiry), reference: 'order-1' });

describe('the test card provider', () => {
  it('approves the approved card and declines the declined and insufficient-funds cards with their reasons', async () => {
    expect(await authorize(TEST_CARDS.approved)).toEqual({ approved: true, authorizationId: expect.any(String) });
    expect(await authorize(TEST_CARDS.declined)).toEqual({ approved: false, reason: 'card_declined' });
    expect(await authorize(TEST_CARDS.insufficientFunds)).toEqual({ approved: false, reason: 'insufficient_funds' });
  });

  it('approves any other number passing Luhn, declines one failing it', async () => {
    expect(await authorize('5555 5555 5555 4444')).toMatchObject({ approved: true });
    expect(await authorize('4242 4242 4242 4241')).toEqual({ approved: false, reason: 'invalid_number' });
  });

  it('declines a card whose month is before the server clock month, takes one expiring this month', async () => {
    expect(await authorize(TEST_CARDS.approved, '05/25')).toEqual({ approved: false, reason: 'expired_card' });
    expect(await authorize(TEST_CARDS.approved, '06/25')).toMatchObject({ approved: true });
  });

  it('keeps a ledger: captured once, voided once, never both', async () => {
    const provider = createTestCardProvider(now);
    const a = await provider.authorize({ amountCents: 100, currency: 'EUR', card: card(TEST_CARDS.approved), reference: 'a' });
    const b = await provider.authorize({ amountCents: 200, currency: 'EUR', card: card(TEST_CARDS.approved), reference: 'b' });
    if (!a.approved || !b.approved) throw new Error('approved card declined');
    await provider.capture(a.authorizationId);
    await provider.void(b.authorizationId);
    expect(provider.ledger.map((e) => [e.reference, e.amountCents, e.cardLast4, e.state])).toEqual([
      ['a', 100, '4242', 'captured'], ['b', 200, '4242', 'voided'],
    ]);
    await expect(provider.void(a.authorizationId)).rejects.toThrow(/captured/);
    await expect(provider.capture(b.authorizationId)).rejects.toThrow(/voided/);
  });
});

describe('Luhn', () => {
  it('checks card numbers and appends check digits', () => {
    expect(luhnValid(TEST_CARDS.approved)).toBe(true);
    expect(luhnValid(TEST_CARDS.declined)).toBe(true);
    expect(luhnValid(TEST_CARDS.insufficientFunds)).toBe(true);
    expect(withLuhnCheckDigit('7992739871')).toBe('79927398713');
    expect(luhnValid(withLuhnCheckDigit('1000000000'))).toBe(true);
  });
});
