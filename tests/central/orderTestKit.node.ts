// What the order tests share: a card, a checkout request as a desktop builds it, companions
// to designate, and a test acquirer whose ledger the tests read.
import { randomUUID } from 'node:crypto';
import { CheckoutResponseSchema, TEST_CARDS, type CheckoutItem } from '../../src-main/contract/centralApi.std.ts';
import { createTestCardProvider } from '../../src-central/payments/testCardProvider.node.ts';
import type { PaymentProvider } from '../../src-central/payments/paymentProvider.node.ts';
import type { Answer, Desk, Patch } from './centralTestClient.node.ts';

export const card = (number: string = TEST_CARDS.approved, expiry = '12/29') => ({ number, expiry, cvc: '123', holder: 'Camille Martin' });
export const byCard = (number?: string, expiry?: string) => ({ method: 'card' as const, card: card(number, expiry) });
export const byTransfer = { method: 'transfer' as const };

export function checkoutRequest(items: CheckoutItem[], payment: ReturnType<typeof byCard> | typeof byTransfer = byCard(), orderId = randomUUID()) {
  return { orderId, items, termsAccepted: true, payment };
}

export async function checkout(desk: Desk, body: unknown): Promise<Answer> {
  return desk.authed('POST', '/orders/checkout', body);
}

/** Pays and returns the parsed answer; fails the test on any refusal. */
export async function pay(desk: Desk, body: unknown) {
  const answer = await checkout(desk, body);
  if (answer.status !== 200) throw new Error(`checkout ${answer.status}: ${JSON.stringify(answer.body)}`);
  return CheckoutResponseSchema.parse(answer.body);
}

/** A companion in the office's registry, through the outbox mutation a desktop sends. */
export async function companion(desk: Desk, kind: 'guide' | 'leader', surname = 'Durand'): Promise<string> {
  const companionId = randomUUID();
  const result = await desk.mutate('companion.save', {
    companionId, kind, surname, firstName: 'Léa', email: `${surname.toLowerCase()}@example.org`, phone: '+33 6 12 34 56 78', placeholder: false,
  });
  if (result.status !== 'applied') throw new Error(`companion.save: ${JSON.stringify(result)}`);
  return companionId;
}

/** One designation per guide and leader ticket, all naming `companionId` ("APPLY TO ALL"). */
export function applyToAll(composition: { guides: number; leaders: number }, companionId: string) {
  return [
    ...Array.from({ length: composition.guides }, (_, index) => ({ kind: 'guide' as const, index, companionId })),
    ...Array.from({ length: composition.leaders }, (_, index) => ({ kind: 'leader' as const, index, companionId })),
  ];
}

/** The test acquirer, with a hook that runs while a card is being authorized (the office typing its 3-D Secure code). */
export function acquirer(now: () => Date) {
  const ledger = createTestCardProvider(now);
  const whileAuthorizing = { hook: null as (() => void | Promise<void>) | null };
  const provider: PaymentProvider = {
    async authorize(request) {
      await whileAuthorizing.hook?.();
      return ledger.authorize(request);
    },
    capture: (id) => ledger.capture(id),
    void: (id) => ledger.void(id),
  };
  return { provider, ledger, whileAuthorizing };
}

export function putsOf<E extends Patch[number]['entity']>(patch: Patch, entity: E) {
  return patch.flatMap((p) => (p.op === 'put' && p.entity === entity ? [p.value] : [])) as Extract<Patch[number], { op: 'put'; entity: E }>['value'][];
}
