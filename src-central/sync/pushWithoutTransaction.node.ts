// The pushes a desk online sends most: one option.place or one option.cancel, from a client the
// service knows. They are applied without an explicit transaction, in two statements instead
// of six round trips (BEGIN, client lock, read, write, results, COMMIT): one reads everything
// the mutation and the push decide on; one writes the seats, the option, the stored result and
// the client's new last mutation id, a single statement being a transaction of its own.
// Whatever this path cannot be sure of (a first push, a replay, a race with another push of
// the same client, a row changed since the read) it leaves to the transactional path, having
// written nothing.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { MutationResult, PushRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import type { z } from 'zod';
import type { OfficeRow } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { loggableFailure } from '../http/httpError.node.ts';
import { preparedRows } from '../store/database.node.ts';
import { clients, offices, options } from '../store/schema.node.ts';
import { CURRENT_VERSION } from '../store/versions.node.ts';
import { argsHash } from './argsHash.node.ts';
import { readMutation } from './malformedMutation.node.ts';
import { notCancellable } from './cancelOption.node.ts';
import type { MutationOutcome } from './outcome.node.ts';
import {
  decidePlacement, guardedTake, optionInsertFromTaken, refusalOutcome, seated, targetOf, targetQuery, type Target,
} from './placeOption.node.ts';
import { wireOption, type OptionRow } from './wireRows.node.ts';

type PushRequest = z.infer<typeof PushRequestSchema>;
type PushAnswer = { lastMutationId: number; results: MutationResult[] };
type PlaceArgs = Parameters<typeof targetQuery>[1];

/** What the push decides on of its client: whose it is, where it stands, and its office's status. */
interface KnownClient {
  clientOfficeId: string;
  lastMutationId: number;
  officeStatus: OfficeRow['status'];
}

/** The client may push `mutationId` on this path: its own, validated office, and the next id. */
const nextOfOwn = (client: KnownClient | undefined, officeId: string, mutationId: number): client is KnownClient => client !== undefined
  && client.clientOfficeId === officeId && client.officeStatus === 'validated' && mutationId === client.lastMutationId + 1;

/** The client moves from `mutationId - 1` to `mutationId`, only if no other push moved it first, and only `when`. */
const advanceClient = (clientId: string, mutationId: number, when: SQL = sql`true`) => sql`
    UPDATE clients SET last_mutation_id = ${mutationId}
    WHERE client_id = ${clientId} AND last_mutation_id = ${mutationId - 1} AND ${when} RETURNING client_id`;

/** The result stored for replays and lost answers, from the CTE `advanced` (none when the client did not move). */
const storeResult = (result: MutationResult, hash: string) => sql`
    INSERT INTO mutation_results (client_id, mutation_id, args_hash, result)
    SELECT client_id, ${result.mutationId}, ${hash}, ${JSON.stringify(result)}::jsonb FROM advanced RETURNING mutation_id`;

/**
 * A change (the CTE `changed`), the client moved and the result stored, in one statement.
 * Nothing to change: nothing is written. Client moved by another push after the change was
 * made: the division by zero undoes the statement whole, as a transaction's rollback would.
 */
async function writeApplied(ctx: CentralContext, name: string, change: SQL, clientId: string, result: MutationResult, hash: string): Promise<boolean> {
  const [row] = await preparedRows<{ applied: boolean }>(ctx.db, name, sql`
    WITH ${change},
      advanced AS (${advanceClient(clientId, result.mutationId, sql`EXISTS (SELECT 1 FROM changed)`)}),
      stored AS (${storeResult(result, hash)})
    SELECT EXISTS (SELECT 1 FROM changed) AS applied,
      CASE WHEN EXISTS (SELECT 1 FROM changed) THEN 1 / (SELECT count(*)::int FROM stored) END AS stored_or_undone`);
  return row!.applied;
}

/** A refusal's result and the client's new last mutation id, in one statement; false when the client had moved. */
async function writeRefused(ctx: CentralContext, clientId: string, result: MutationResult, hash: string): Promise<boolean> {
  const stored = await preparedRows(ctx.db, 'push_direct_refused', sql`
    WITH advanced AS (${advanceClient(clientId, result.mutationId)}) ${storeResult(result, hash)}`);
  return stored.length > 0;
}

/** The client's row, its office's status and the placement's target, in one read. */
async function readPlacement(ctx: CentralContext, clientId: string, officeId: string, args: PlaceArgs): Promise<{ client: KnownClient; target: Target } | undefined> {
  type Row = Parameters<typeof targetOf>[0] & { client_office_id: string; last_mutation_id: number; office_status: OfficeRow['status'] };
  const [row] = await preparedRows<Row>(ctx.db, 'place_push_read', sql`
    SELECT t.*, c.office_id AS client_office_id, c.last_mutation_id, o.status AS office_status
    FROM clients c JOIN offices o ON o.id = c.office_id CROSS JOIN (${targetQuery(officeId, args)}) t
    WHERE c.client_id = ${clientId}`);
  if (!row) return undefined;
  return { client: { clientOfficeId: row.client_office_id, lastMutationId: row.last_mutation_id, officeStatus: row.office_status }, target: targetOf(row) };
}

/** The client's row, its office's status and the office's option, in one read. */
async function readCancel(ctx: CentralContext, clientId: string, officeId: string, optionId: string): Promise<{ client: KnownClient; option: OptionRow | null } | undefined> {
  const [row] = await ctx.db.select({ clientOfficeId: clients.officeId, lastMutationId: clients.lastMutationId, officeStatus: offices.status, option: options })
    .from(clients).innerJoin(offices, eq(offices.id, clients.officeId))
    .leftJoin(options, and(eq(options.id, optionId), eq(options.officeId, officeId)))
    .where(eq(clients.clientId, clientId));
  return row && { client: row, option: row.option };
}

type Outcome = { refused: MutationOutcome } | { applied: MutationOutcome; name: string; change: SQL };

async function placement(ctx: CentralContext, clientId: string, officeId: string, mutationId: number, args: PlaceArgs): Promise<Outcome | null> {
  const read = await readPlacement(ctx, clientId, officeId, args);
  if (!nextOfOwn(read?.client, officeId, mutationId)) return null;
  const now = ctx.now();
  const decision = decidePlacement(read!.target, officeId, args, now);
  if ('refuse' in decision) return { refused: await refusalOutcome(ctx.db, read!.target, args, now, decision.refuse) };
  await ctx.racePoints?.seatsChecked?.(args.slotId);
  const option = decision.seat;
  const take = guardedTake(option.slotId, option.headCount);
  return { applied: seated(option), name: 'place_push_seated', change: sql`taken AS (${take.sql}), changed AS (${optionInsertFromTaken(option)})` };
}

/** As cancelOption: only an active option, the seats back on sale; here only if the row is still as read. */
async function cancellation(ctx: CentralContext, clientId: string, officeId: string, mutationId: number, optionId: string): Promise<Outcome | null> {
  const read = await readCancel(ctx, clientId, officeId, optionId);
  if (!nextOfOwn(read?.client, officeId, mutationId)) return null;
  const option = read!.option;
  if (option?.state !== 'active') return { refused: notCancellable(option?.state) };
  await ctx.racePoints?.cancelChecked?.(option.id);
  const cancelled: OptionRow = { ...option, state: 'cancelled', updatedAt: ctx.now() };
  return {
    applied: { result: { status: 'applied', option: wireOption(cancelled) }, touched: {} },
    name: 'cancel_push_write',
    change: sql`changed AS (
        UPDATE options SET state = 'cancelled', updated_at = ${cancelled.updatedAt.toISOString()}::timestamptz, version = ${CURRENT_VERSION}
        WHERE id = ${option.id} AND state = 'active' AND version = ${option.version} RETURNING id),
      released AS (
        UPDATE slots SET held = held - ${option.headCount}, version = ${CURRENT_VERSION}
        WHERE id = ${option.slotId} AND EXISTS (SELECT 1 FROM changed) RETURNING id)`,
  };
}

/**
 * What PostgreSQL refuses here (a value, a key taken meanwhile by a twin push, the undoing
 * division, a deadlock with a transactional push of the same client) rolled the statement
 * back: the transactional path decides then. Anything else is a real failure.
 */
const leftToTransaction = (error: unknown) => /^(22|23|40)/.test(loggableFailure(error).code ?? '');

/** The push applied, or null: nothing was written, and applyPush takes it in a transaction. */
export async function pushWithoutTransaction(ctx: CentralContext, officeId: string, push: PushRequest): Promise<PushAnswer | null> {
  const [m] = push.mutations;
  if (push.mutations.length !== 1 || !m || ctx.unsafeNoCapacityGuard) return null;
  const read = readMutation(m);
  if (!('mutation' in read)) return null;
  const { mutation } = read;
  try {
    const outcome = mutation.name === 'option.place' ? await placement(ctx, push.clientId, officeId, m.id, mutation.args)
      : mutation.name === 'option.cancel' ? await cancellation(ctx, push.clientId, officeId, m.id, mutation.args.optionId)
        : null;
    if (!outcome) return null;
    const hash = argsHash(mutation);
    const result: MutationResult = { mutationId: m.id, ...('refused' in outcome ? outcome.refused : outcome.applied).result };
    const written = 'refused' in outcome ? await writeRefused(ctx, push.clientId, result, hash)
      : await writeApplied(ctx, outcome.name, outcome.change, push.clientId, result, hash);
    return written ? { lastMutationId: m.id, results: [result] } : null;
  } catch (error) {
    if (leftToTransaction(error)) return null;
    throw error;
  }
}
