// The museums' side of vouchers: a till redeems a code with its museum's token.
import type { FastifyInstance } from 'fastify';
import { RedeemVoucherRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';
import { parseInput } from '../http/httpError.node.ts';
import { redeemVoucher } from './redeemVoucher.node.ts';
import { tillMuseumOf } from './tillTokens.node.ts';

export function voucherRoutes(app: FastifyInstance, ctx: CentralContext): void {
  app.post('/vouchers/redeem', async (request) => {
    const museumId = tillMuseumOf(request, ctx);
    const { code, till } = parseInput(RedeemVoucherRequestSchema, request.body);
    return redeemVoucher(ctx, museumId, code, till ?? null);
  });
}
