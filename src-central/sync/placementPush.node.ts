// The push a desk online sends most: one option.place from a client the service knows. It is
// applied without an explicit transaction, in two statements instead of six round trips
// (BEGIN, client lock, read, seats, results, COMMIT): one reads everything the placement and
// the push decide on; one writes the seats, the option, the stored result and the client's new
// last mutation id, a single statement being a transaction of its own. Whatever this path
// cannot be sure of (a first push, a replay, a race with another push of the same client, a
// slot filled since the read) it leaves to the transactional path, having written nothing.
import { sql, type SQL } from 'drizzle-orm';
import type { MutationResult, PushRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import type { z } from 'zod';
import type { OfficeRow } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { loggableFailure } from '../http/httpError.node.ts';
import { preparedRows } from '../store/database.node.ts';
import { argsHash } from './argsHash.node.ts';
import { readMutation } from './malformedMutation.node.ts';
import type { MutationOutcome } from './outcome.node.ts';
import type { OptionRow } from './wireRows.node.ts';
import {
  decidePlacement, guardedTake, optionInsertFromTaken, refusalOutcome, seated, targetOf, targetQuery, type Target,
} from './placeOption.node.ts';

type PushRequest = z.infer<typeof PushRequestSchema>;
type PushAnswer = { lastMutationId: number; results: MutationResult[] };
type PlaceArgs = Parameters<typeof targetQuery>[1];

interface Known {
  target: Target;
  clientOfficeId: string;
  lastMutationId: number;
  officeStatus: OfficeRow['status'];
}

/** The client's row, its office's status and the placement's target, in one read; none when either is missing. */
async function readKnown(ctx: CentralContext, clientId: string, officeId: string, args: PlaceArgs): Promise<Known | null> {
  type Row = Parameters<typeof targetOf>[0] & { client_office_id: string; last_mutation_id: number; office_status: OfficeRow['status'] };
  const [row] = await preparedRows<Row>(ctx.db, 'place_push_read', sql`
    SELECT t.*, c.office_id AS client_office_id, c.last_mutation_id, o.status AS office_status
    FROM clients c JOIN offices o ON o.id = c.office_id CROSS JOIN (${targetQuery(officeId, args)}) t
    WHERE c.client_id = ${clientId}`);
  if (!row) return null;
  return { target: targetOf(row), clientOfficeId: row.client_office_id, lastMutationId: row.last_mutation_id, officeStatus: row.office_status };
}

/** The client moves from `mutationId - 1` to `mutationId`, only if no other push moved it first, and only `when`. */
const advanceClient = (clientId: string, mutationId: number, when: SQL = sql`true`) => sql`
    UPDATE clients SET last_mutation_id = ${mutationId}
    WHERE client_id = ${clientId} AND last_mutation_id = ${mutationId - 1} AND ${when} RETURNING client_id`;

/** The result stored for replays and lost answers, from the CTE `advanced` (none when the client did not move). */
const storeResult = (result: MutationResult, hash: string) => sql`
    INSERT INTO mutation_results (client_id, mutation_id, args_hash, result)
    SELECT client_id, ${result.mutationId}, ${hash}, ${JSON.stringify(result)}::jsonb FROM advanced RETURNING mutation_id`;

/**
 * Seats, option, client and result in one statement. Seats not there: nothing is written.
 * Client moved by another push after the seats were taken: the division by zero undoes the
 * statement whole, as a transaction's rollback would.
 */
async function writeSeated(ctx: CentralContext, clientId: string, option: OptionRow, result: MutationResult, hash: string): Promise<boolean> {
  const take = guardedTake(option.slotId, option.headCount);
  const [row] = await preparedRows<{ seated: boolean }>(ctx.db, 'place_push_seated', sql`
    WITH taken AS (${take.sql}),
      inserted AS (${optionInsertFromTaken(option)}),
      advanced AS (${advanceClient(clientId, result.mutationId, sql`EXISTS (SELECT 1 FROM inserted)`)}),
      stored AS (${storeResult(result, hash)})
    SELECT EXISTS (SELECT 1 FROM inserted) AS seated,
      CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN 1 / (SELECT count(*)::int FROM stored) END AS stored_or_undone`);
  return row!.seated;
}

/** A refusal's result and the client's new last mutation id, in one statement; false when the client had moved. */
async function writeRefused(ctx: CentralContext, clientId: string, result: MutationResult, hash: string): Promise<boolean> {
  const stored = await preparedRows(ctx.db, 'place_push_refused', sql`
    WITH advanced AS (${advanceClient(clientId, result.mutationId)}) ${storeResult(result, hash)}`);
  return stored.length > 0;
}

/**
 * What PostgreSQL refuses here (a value, a key taken meanwhile by a twin push, the undoing
 * division, a deadlock with a transactional push of the same client) rolled the statement
 * back: the transactional path decides then. Anything else is a real failure.
 */
const leftToTransaction = (error: unknown) => /^(22|23|40)/.test(loggableFailure(error).code ?? '');

/** The push applied, or null: nothing was written, and applyPush takes it in a transaction. */
export async function pushOnePlacement(ctx: CentralContext, officeId: string, push: PushRequest): Promise<PushAnswer | null> {
  const [m] = push.mutations;
  if (push.mutations.length !== 1 || !m || ctx.unsafeNoCapacityGuard) return null;
  const read = readMutation(m);
  if (!('mutation' in read) || read.mutation.name !== 'option.place') return null;
  const args = read.mutation.args;
  const known = await readKnown(ctx, push.clientId, officeId, args);
  if (!known || known.clientOfficeId !== officeId || known.officeStatus !== 'validated' || m.id !== known.lastMutationId + 1) return null;

  const now = ctx.now();
  const hash = argsHash(read.mutation);
  const answer = (outcome: MutationOutcome): PushAnswer => ({ lastMutationId: m.id, results: [{ mutationId: m.id, ...outcome.result }] });
  const decision = decidePlacement(known.target, officeId, args, now);
  try {
    if ('refuse' in decision) {
      const refused = answer(await refusalOutcome(ctx.db, known.target, args, now, decision.refuse));
      return (await writeRefused(ctx, push.clientId, refused.results[0]!, hash)) ? refused : null;
    }
    await ctx.racePoints?.seatsChecked?.(args.slotId);
    const applied = answer(seated(decision.seat));
    return (await writeSeated(ctx, push.clientId, decision.seat, applied.results[0]!, hash)) ? applied : null;
  } catch (error) {
    if (leftToTransaction(error)) return null;
    throw error;
  }
}
