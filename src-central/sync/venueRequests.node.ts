// venueRequest.save: the requests an office sends to monuments booked through their own
// booking department (DOMAIN.md §1), shared by its workstations. Each save carries the whole
// request as the workstation holds it. Not a pro product, so an office awaiting validation
// keeps its requests too; another office's request is reported as missing, as for companions.
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { VENUE_REQUEST_STATES, type SaveVenueRequestArgsSchema } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';
import type { Tx } from '../store/database.node.ts';
import { venueRequests, venues } from '../store/schema.node.ts';
import { ownDossier } from './dossiers.node.ts';
import { rejected, type MutationOutcome } from './outcome.node.ts';

const STEPS = sql.raw(`ARRAY[${VENUE_REQUEST_STATES.map((s) => `'${s}'`).join(', ')}]`);
const stepOf = (state: unknown) => sql`array_position(${STEPS}, ${state})`;
const instantOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * Inserts the request, or replaces the office's own one unless that would move it back a step.
 * A request only moves forward (sent → confirmed → paid → done): a save from a workstation that
 * had not seen the latest step yet (offline, or not synced) must not undo it. Such a save keeps
 * the further request whole — its notes were written against an older step — and is still
 * 'applied', since what the user did (reach that step) is done. Its row is stamped anyway so the
 * stale workstation pulls the further step back over its own.
 */
export async function saveVenueRequest(
  tx: Tx, ctx: CentralContext, officeId: string, args: z.infer<typeof SaveVenueRequestArgsSchema>,
): Promise<MutationOutcome> {
  const [venue] = await tx.select({ id: venues.id }).from(venues).where(eq(venues.id, args.venueId));
  if (!venue) return rejected('NOT_FOUND', 'No such venue.');
  const fields = {
    venueId: args.venueId, visitDate: args.visitDate, headCount: args.headCount, state: args.state, notes: args.notes,
    sentAt: new Date(args.sentAt), confirmedAt: instantOrNull(args.confirmedAt), paidAt: instantOrNull(args.paidAt),
    doneAt: instantOrNull(args.doneAt), updatedAt: ctx.now(), dossierId: await ownDossier(tx, officeId, args.dossierId),
  };
  // One statement: the id is new, or already this office's and not further on; the conflicting
  // row is locked either way, so the read below sees what this transaction decided on.
  const [saved] = await tx.insert(venueRequests).values({ id: args.requestId, officeId, ...fields, version: 0 })
    .onConflictDoUpdate({
      target: venueRequests.id,
      set: fields,
      setWhere: sql`${venueRequests.officeId} = ${officeId} AND ${stepOf(venueRequests.state)} <= ${stepOf(sql.raw('excluded.state'))}`,
    })
    .returning({ id: venueRequests.id });
  if (saved) return { result: { status: 'applied' }, touched: { venueRequests: [saved.id] } };
  const [held] = await tx.select({ officeId: venueRequests.officeId }).from(venueRequests).where(eq(venueRequests.id, args.requestId));
  if (held?.officeId !== officeId) return rejected('NOT_FOUND', 'No such request.');
  return { result: { status: 'applied' }, touched: { venueRequests: [args.requestId] } };
}
