// Where the application's own update stands, as the renderer shows it (see core/updates).
import { z } from 'zod';

const BusyReasonSchema = z.enum(['payment', 'sync-push', 'bundle']);

export const UpdateStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('up-to-date'), checkedAt: z.string() }),
  z.object({ state: z.literal('available'), version: z.string() }),
  z.object({ state: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  z.object({ state: z.literal('ready'), version: z.string() }),
  z.object({ state: z.literal('deferred'), version: z.string(), reason: BusyReasonSchema }),
  z.object({ state: z.literal('installing'), version: z.string() }),
  z.object({ state: z.literal('error'), kind: z.enum(['check', 'download']), corrupt: z.boolean(), message: z.string() }),
  z.object({ state: z.literal('disabled'), reason: z.literal('no-feed-url') }),
]);
