// The group the bundle tests print: 70 visitors, 3 tour guides and 2 leaders at the
// Sainte-Chapelle on `date`, split into three sub-groups, designated and paid by card —
// through the contract, whichever transport `call` speaks (a desk in-process, the browser host).
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';

export type ContractCall = (method: string, input?: unknown) => Promise<unknown>;

export async function payGroupOf75(call: ContractCall, date: string) {
  const plan = await call('booking.planSplit', { venueId: 'sainte-chapelle', date, composition: { visitors: 70, guides: 3, leaders: 2 } }) as
    { subGroups: { slotId: string; composition: object }[] };
  const placed = await call('options.placeGroup', { subGroups: plan.subGroups.map(({ slotId, composition }) => ({ slotId, composition })) }) as
    { id: string; groupBookingId: string }[];
  await call('sync.now', {});
  await call('cart.add', { optionIds: placed.map((o) => o.id) });
  const guide = await call('companions.save', {
    kind: 'guide', surname: 'NDIAYE', firstName: 'Anna', email: 'anna@example.org', phone: '+33 6 12 34 56 78', placeholder: false,
  }) as { id: string };
  await call('sync.now', {});
  await call('cart.applyToAll', { companionId: guide.id });
  const paid = await call('cart.checkout', {
    termsAccepted: true, payment: { method: 'card', card: { number: TEST_CARDS.approved, expiry: '12/29', cvc: '123', holder: 'Camille Martin' } },
  }) as { row: { id: string; number: string } };
  await call('sync.now', {});
  return { orderId: paid.row.id, orderNumber: paid.row.number, groupBookingId: placed[0]!.groupBookingId };
}
