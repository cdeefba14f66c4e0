// The back office: validating offices, the venues' own changes to their slots, and the
// transfers and refunds of orders. Guarded by one shared token given at start; every effect
// reaches desktops through pull.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { OrderStateSchema } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';
import { offices, voucherMuseums } from '../store/schema.node.ts';
import { wireVoucher } from '../sync/wireRows.node.ts';
import { revokeVoucher } from '../vouchers/redeemVoucher.node.ts';
import { tillToken } from '../vouchers/tillTokens.node.ts';
import { HttpError, parseInput } from '../http/httpError.node.ts';
import { sendAccountMail } from '../accounts/accountMails.node.ts';
import { listOrders, markRefunded, transferReceived } from './orderAdmin.node.ts';
import { cancelSlot, setSlotAvailability } from './slotAdmin.node.ts';
import { sweepExpired } from './sweepExpired.node.ts';
import { AuditQuerySchema, readAudit } from '../audit/auditLog.node.ts';
import { cancelUnpaidOrder, sweepUnpaidTransfers } from '../orders/cancelUnpaid.node.ts';
import { PlatformSettingsPatchSchema, readSettings, updateSettings } from '../settings/platformSettings.node.ts';

const AvailabilitySchema = z.strictObject({ available: z.boolean() });
const IdParamsSchema = z.object({ id: z.string().min(1).max(200) });
const OrdersQuerySchema = z.object({ state: OrderStateSchema.optional() });

function requireAdmin(request: FastifyRequest, ctx: CentralContext): void {
  const given = Buffer.from(String(request.headers['x-admin-token'] ?? ''));
  const expected = Buffer.from(ctx.adminToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, 'UNAUTHORIZED', 'The back office needs its admin token.');
  }
}

const officeColumns = {
  id: offices.id, company: offices.company, contactName: offices.contactName, email: offices.email,
  status: offices.status, createdAt: offices.createdAt, language: offices.language,
  createdMailSentAt: offices.createdMailSentAt, validatedMailSentAt: offices.validatedMailSentAt,
};

export function adminRoutes(app: FastifyInstance, ctx: CentralContext): void {
  app.register(async (admin) => {
    admin.addHook('onRequest', async (request) => requireAdmin(request, ctx));

    admin.get('/admin/offices', async () => ({
      offices: await ctx.db.select(officeColumns).from(offices).orderBy(asc(offices.createdAt)),
    }));

    admin.post('/admin/offices/:id/validate', async (request) => {
      const { id } = parseInput(IdParamsSchema, request.params);
      if (!z.uuid().safeParse(id).success) throw new HttpError(404, 'NOT_FOUND', `No office ${id}.`);
      const [office] = await ctx.db.update(offices).set({ status: 'validated' }).where(eq(offices.id, id)).returning();
      if (!office) throw new HttpError(404, 'NOT_FOUND', `No office ${id}.`);
      // Validating again is how the back office resends a validation e-mail that did not go.
      const mailed = await sendAccountMail(ctx, request.log, office, 'validated');
      const [row] = await ctx.db.select(officeColumns).from(offices).where(eq(offices.id, id));
      return { office: row, mailed };
    });

    admin.post('/admin/slots/:id/availability', async (request) => {
      const { id } = parseInput(IdParamsSchema, request.params);
      const { available } = parseInput(AvailabilitySchema, request.body);
      return { slot: await setSlotAvailability(ctx, id, available) };
    });

    admin.post('/admin/slots/:id/cancel', async (request) => {
      const { id } = parseInput(IdParamsSchema, request.params);
      return cancelSlot(ctx, id);
    });

    admin.post('/admin/sweep', async () => ({ expired: await sweepExpired(ctx), unpaidCancelled: await sweepUnpaidTransfers(ctx) }));

    admin.get('/admin/audit', async (request) => ({ entries: await readAudit(ctx.db, parseInput(AuditQuerySchema, request.query)) }));

    admin.get('/admin/settings', async () => ({ settings: await readSettings(ctx.db) }));

    admin.put('/admin/settings', async (request) => ({ settings: await updateSettings(ctx.db, parseInput(PlatformSettingsPatchSchema, request.body)) }));

    admin.get('/admin/orders', async (request) => {
      const { state } = parseInput(OrdersQuerySchema, request.query);
      return { orders: await listOrders(ctx, state) };
    });

    admin.post('/admin/orders/:id/transfer-received', async (request) => {
      const { id } = parseInput(IdParamsSchema, request.params);
      return transferReceived(ctx, id);
    });

    admin.post('/admin/orders/:id/cancel-unpaid', async (request) => {
      const { id } = parseInput(IdParamsSchema, request.params);
      return cancelUnpaidOrder(ctx, id);
    });

    admin.post('/admin/orders/:id/refunded', async (request) => {
      const { id } = parseInput(IdParamsSchema, request.params);
      return markRefunded(ctx, id);
    });

    // Each voucher museum's till token, to configure its tills with.
    admin.get('/admin/voucher-tills', async () => ({
      tills: (await ctx.db.select({ id: voucherMuseums.id }).from(voucherMuseums).orderBy(asc(voucherMuseums.id)))
        .map(({ id }) => ({ museumId: id, token: tillToken(ctx.adminToken, id) })),
    }));

    admin.post('/admin/vouchers/:id/revoke', async (request) => {
      const { id } = parseInput(IdParamsSchema, request.params);
      return { voucher: wireVoucher(await revokeVoucher(ctx, id)) };
    });
  });
}
