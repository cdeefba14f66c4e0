// What an administrator may have to account for: every change made from the back office, every
// sign-in tried, every checkout. Each is written before its answer leaves, so what an answer
// says happened is in the log; never a password, a card or a token — who, what, on what, how
// it ended (the HTTP status and the refusal's code), from which address.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CentralContext } from '../context.node.ts';
import { loggableFailure } from '../http/httpError.node.ts';
import type { Queryable } from '../store/database.node.ts';
import { auditLog } from '../store/schema.node.ts';

/** The office a request spoke for, once its token was checked: set by the routes that know it. */
const actors = new WeakMap<FastifyRequest, string>();

export function auditActor(request: FastifyRequest, officeId: string): void {
  actors.set(request, officeId);
}

export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'id'>;

/** Requests whose entry their own statement wrote, with what it recorded. */
const writtenByRoute = new WeakSet<FastifyRequest>();

/** A request's entry should it succeed, for a route that writes it with what it records. */
export interface EntryOnSuccess {
  entry: AuditEntry;
  /** Called once the route's statement wrote it: the answer leaves without a second one. */
  written(): void;
}

/**
 * The busiest route writes its own entry in the statement that records what it did: one
 * round trip and one commit fewer, and the entry stands or falls with the order.
 */
export function entryOnSuccess(request: FastifyRequest, at: Date): EntryOnSuccess | null {
  const entry = entryFor(request, 200, null, at);
  return entry && { entry, written: () => writtenByRoute.add(request) };
}

const BodyEmailSchema = z.object({ email: z.string().max(320) });
const BodyOrderSchema = z.object({ orderId: z.string().max(200), payment: z.object({ method: z.string().max(20) }).optional() });
const ParamsIdSchema = z.object({ id: z.string().max(200) });
const RefusalSchema = z.object({ error: z.object({ code: z.string().max(60) }) });

/** The refusal's code from the answer about to be sent, if it is one. */
function refusalCode(payload: unknown): string | null {
  if (typeof payload !== 'string') return null;
  try {
    const parsed = RefusalSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data.error.code : null;
  } catch {
    return null;
  }
}

/** Back-office details worth keeping: what was asked, never a secret (the admin token is a header). */
function adminDetail(route: string, body: unknown): unknown {
  if (route === '/admin/settings' || route === '/admin/slots/:id/availability') return body ?? null;
  return null;
}

function entryFor(request: FastifyRequest, status: number, payload: unknown, at: Date): AuditEntry | null {
  const route = request.routeOptions.url ?? '';
  // Read from the answer only for the routes kept, and only a refusal: every pull page and
  // placement answer went through JSON.parse here.
  const common = () => ({ at, outcome: status, code: status >= 400 ? refusalCode(payload) : null, address: request.ip });
  if (route === '/auth/signin') {
    const body = BodyEmailSchema.safeParse(request.body);
    return { ...common(), actor: body.success ? body.data.email.trim().toLowerCase() : null, action: 'sign-in', subject: null, detail: null };
  }
  if (route === '/orders/checkout') {
    const body = BodyOrderSchema.safeParse(request.body);
    return {
      ...common(), actor: actors.get(request) ?? null, action: 'checkout', subject: body.success ? body.data.orderId : null,
      detail: body.success && body.data.payment ? { method: body.data.payment.method } : null,
    };
  }
  if (route.startsWith('/admin/') && request.method !== 'GET' && request.method !== 'HEAD') {
    const params = ParamsIdSchema.safeParse(request.params);
    return {
      ...common(), actor: 'back office', action: `${request.method} ${route}`, subject: params.success ? params.data.id : null,
      detail: adminDetail(route, request.body),
    };
  }
  return null;
}

export function auditTrail(app: FastifyInstance, ctx: CentralContext): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (writtenByRoute.has(request) && reply.statusCode === 200) return payload;
    const entry = entryFor(request, reply.statusCode, payload, ctx.now());
    // An entry that cannot be written is said in the log; the answer it describes still goes.
    if (entry) await ctx.db.insert(auditLog).values(entry).catch((error: unknown) => request.log.error({ failure: loggableFailure(error) }, 'audit entry not written'));
    return payload;
  });
}

export const AuditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(320).optional(),
  /** Paging, newest first: the entries before this id. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export async function readAudit(db: Queryable, query: z.infer<typeof AuditQuerySchema>) {
  const where: SQL[] = [];
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.actor) where.push(eq(auditLog.actor, query.actor.trim().toLowerCase()));
  if (query.before) where.push(lt(auditLog.id, query.before));
  const rows = await db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(query.limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
