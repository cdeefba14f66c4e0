// Vouchers after they are bought: the office e-mails codes to their holders (with its bearer
// token), and a museum's till redeems a code (with its museum's token).
import type { FastifyInstance } from 'fastify';
import { AssignVouchersRequestSchema, RedeemVoucherRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import { officeIdOf } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { clientAddress } from '../http/clientAddress.node.ts';
import { parseInput } from '../http/httpError.node.ts';
import { assignVouchers } from './assignVouchers.node.ts';
import { redeemVoucher } from './redeemVoucher.node.ts';
import { tillMuseumOf } from './tillTokens.node.ts';

export function voucherRoutes(app: FastifyInstance, ctx: CentralContext): void {
  app.post('/vouchers/assign', async (request) => {
    const officeId = await officeIdOf(request, ctx);
    const assignment = parseInput(AssignVouchersRequestSchema, request.body);
    await ctx.limits.count('voucherAssignPerAddress', clientAddress(request));
    return assignVouchers(ctx, officeId, assignment);
  });
  app.post('/vouchers/redeem', async (request) => {
    const museumId = tillMuseumOf(request, ctx);
    const { code, till } = parseInput(RedeemVoucherRequestSchema, request.body);
    return redeemVoucher(ctx, museumId, code, till ?? null);
  });
}
