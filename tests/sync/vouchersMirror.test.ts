// Vouchers as pulls write them on a workstation: the museums that sell them, the office's codes,
// and a redemption at a museum arriving as "used", listed as the Vouchers screen asks for them.
import { afterEach, describe, expect, it } from 'vitest';
import { PullResponseSchema, type PatchOp, type PullResponse, type WireVoucher } from '../../src-main/contract/centralApi.std.ts';
import { methods } from '../../src-main/contract/methods.std.ts';
import { demoVoucherMuseums } from '../../src-main/core/domain/demoCatalogue.std.ts';
import { applyPull } from '../../src-main/core/sync/applyServerChanges.node.ts';
import { seedOrder } from '../print/printFixtures.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { ok } from './helpers.node.ts';

const cores: TempCore[] = [];
afterEach(() => Promise.all(cores.splice(0).map((core) => core.close())));

const page = (patch: PatchOp[]): PullResponse =>
  ({ cookie: '1', patch, lastMutationId: 0, results: [], hasMore: false, serverTime: '2025-02-01T09:00:00.000Z' });

function voucher(id: string, code: string, museumId = 'mad-contremarques'): WireVoucher {
  return {
    id, code, orderId: seedOrder.id, museumId, tariffId: `${museumId}:plein`, label: { fr: 'Contremarque plein tarif', en: 'Voucher, full price' },
    priceCents: 1500, issuedAt: '2025-01-10T09:31:12.000Z', validUntil: '2026-01-10T22:59:59.999Z', state: 'valid', used: null, revokedAt: null, assignedTo: null,
  };
}

describe('vouchers from the central service', () => {
  it('lists each code with its museum and tariff, and shows it used once a till redeemed it', async () => {
    const core = await tempCore(new Date('2025-02-01T09:00:00Z'));
    cores.push(core);
    const first = voucher('v1', '2345-6789-ABCD');
    const second = voucher('v2', 'WXYZ-2345-6789', 'nissim-de-camondo');
    applyPull(core.store, [page([
      ...demoVoucherMuseums.map((value): PatchOp => ({ op: 'put', entity: 'voucherMuseum', id: value.id, value })),
      { op: 'put', entity: 'order', id: seedOrder.id, value: seedOrder },
      { op: 'put', entity: 'voucher', id: 'v1', value: first },
      { op: 'put', entity: 'voucher', id: 'v2', value: second },
    ])], new Date('2025-02-01T09:00:00Z'));
    const listed = await ok<unknown[]>(core, 'vouchers.list', {});
    expect(methods['vouchers.list'].output.safeParse(listed).success).toBe(true);
    expect(listed).toEqual([
      { id: 'v1', code: '2345-6789-ABCD', museumId: 'mad-contremarques', venueName: 'Musée des Arts Décoratifs – Contremarques', label: first.label,
        tariffId: first.tariffId, orderId: seedOrder.id, orderNumber: seedOrder.number, state: 'valid', status: 'unassigned',
        assignedTo: null, assignedAt: null, assignedName: null, pendingEmail: null, refusal: null, used: false, usedAt: null, validUntil: first.validUntil },
      { id: 'v2', code: 'WXYZ-2345-6789', museumId: 'nissim-de-camondo', venueName: 'Musée Nissim de Camondo', label: second.label,
        tariffId: second.tariffId, orderId: seedOrder.id, orderNumber: seedOrder.number, state: 'valid', status: 'unassigned',
        assignedTo: null, assignedAt: null, assignedName: null, pendingEmail: null, refusal: null, used: false, usedAt: null, validUntil: second.validUntil },
    ]);

    const used = { ...first, state: 'used' as const, used: { at: '2025-02-01T10:00:00.000Z', museumId: 'mad-contremarques', till: 'Caisse 2' } };
    applyPull(core.store, [page([{ op: 'put', entity: 'voucher', id: 'v1', value: used }])], new Date('2025-02-01T10:01:00Z'));
    expect((await ok<{ id: string; used: boolean; usedAt: string | null; state: string }[]>(core, 'vouchers.list', {}))
      .map((v) => [v.id, v.state, v.used, v.usedAt])).toEqual([['v2', 'valid', false, null], ['v1', 'used', true, '2025-02-01T10:00:00.000Z']]);
  });

  it('still reads a pull page from a service that sends vouchers without their assignment', () => {
    const older: Partial<WireVoucher> = voucher('v1', '2345-6789-ABCD');
    delete older.assignedTo;
    const parsed = PullResponseSchema.parse(page([{ op: 'put', entity: 'voucher', id: 'v1', value: older as WireVoucher }]));
    expect(parsed.patch[0]).toMatchObject({ value: { assignedTo: null } });
  });

  it('still reads a pull page from a service that sends orders without voucher lines', () => {
    const older: Partial<typeof seedOrder> = { ...seedOrder };
    delete older.voucherLines;
    const parsed = PullResponseSchema.parse(page([{ op: 'put', entity: 'order', id: seedOrder.id, value: older as typeof seedOrder }]));
    expect(parsed.patch[0]).toMatchObject({ value: { voucherLines: [] } });
  });
});
