// The desktop's HTTP client for the central service. It knows the wire (contract/centralApi)
// and two kinds of failure: the network (OfflineError: try again later, keep everything)
// and the service saying no (CentralRefusal, with the service's code).
import type { z } from 'zod';
import {
  AssignTicketsResponseSchema, AssignVouchersResponseSchema, CentralErrorSchema, CheckoutResponseSchema, MeSchema, PullResponseSchema, PushResponseSchema, SessionSchema,
  type AssignTicketsRequestSchema, type AssignVouchersRequest, type AssignVouchersResponse, type CentralErrorCode, type CheckoutRequest, type Mutation, type PullResponse, type Session, type SignUp,
} from '../../contract/centralApi.std.ts';

export class OfflineError extends Error {
  constructor(cause: unknown) {
    super(`The central service cannot be reached: ${String(cause)}`);
    this.name = 'OfflineError';
  }
}

export class CentralRefusal extends Error {
  constructor(readonly status: number, readonly code: CentralErrorCode, message: string, readonly extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'CentralRefusal';
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

export interface CentralClient {
  signUp(input: SignUp): Promise<{ officeId: string; status: string }>;
  signIn(email: string, password: string): Promise<Session>;
  refresh(refreshToken: string): Promise<Session>;
  signOut(refreshToken: string): Promise<void>;
  /** The office and user as the platform now has them. */
  me(accessToken: string): Promise<z.infer<typeof MeSchema>>;
  push(accessToken: string, clientId: string, mutations: Mutation[]): Promise<z.infer<typeof PushResponseSchema>>;
  pull(accessToken: string, request: { clientId: string; cookie: string | null; resultsAfter: number; limit?: number }): Promise<PullResponse>;
  /** Pays for options and direct purchases; the request's orderId makes a retry safe. */
  checkout(accessToken: string, request: CheckoutRequest): Promise<z.infer<typeof CheckoutResponseSchema>>;
  /** Sends an order's tickets by e-mail; answers the tickets as now assigned. */
  assignTickets(accessToken: string, orderId: string, request: z.input<typeof AssignTicketsRequestSchema>): Promise<z.infer<typeof AssignTicketsResponseSchema>>;
  /** E-mails voucher codes; the request's requestId makes a retry safe. */
  assignVouchers(accessToken: string, request: AssignVouchersRequest): Promise<AssignVouchersResponse>;
}

export function createCentralClient(baseUrl: string, fetchImpl: typeof fetch = fetch): CentralClient {
  /** `body` undefined: a GET. */
  async function request<T>(path: string, body: unknown, schema: z.ZodType<T> | null, accessToken?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(new URL(path, baseUrl), {
        method: body === undefined ? 'GET' : 'POST',
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new OfflineError(error);
    }
    if (response.status >= 500) throw new OfflineError(`HTTP ${response.status}`);
    const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = CentralErrorSchema.safeParse(json);
      if (!parsed.success) throw new OfflineError(`unexpected HTTP ${response.status}`);
      const { code, message, ...extra } = parsed.data.error;
      throw new CentralRefusal(response.status, code, message, extra);
    }
    return schema ? schema.parse(json) : (json as T);
  }

  return {
    signUp: (input) => request('/auth/signup', input, null),
    signIn: (email, password) => request('/auth/signin', { email, password }, SessionSchema),
    refresh: (refreshToken) => request('/auth/refresh', { refreshToken }, SessionSchema),
    signOut: async (refreshToken) => {
      await request('/auth/signout', { refreshToken }, null);
    },
    me: (accessToken) => request('/me', undefined, MeSchema, accessToken),
    push: (accessToken, clientId, mutations) => request('/sync/push', { clientId, mutations }, PushResponseSchema, accessToken),
    pull: (accessToken, body) => request('/sync/pull', body, PullResponseSchema, accessToken),
    checkout: (accessToken, body) => request('/orders/checkout', body, CheckoutResponseSchema, accessToken),
    assignTickets: (accessToken, orderId, body) =>
      request(`/orders/${encodeURIComponent(orderId)}/assign`, body, AssignTicketsResponseSchema, accessToken),
    assignVouchers: (accessToken, body) => request('/vouchers/assign', body, AssignVouchersResponseSchema, accessToken),
  };
}
