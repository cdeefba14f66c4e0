// Applies a desktop's mutations exactly once each, in id order, the whole push in one
// transaction (one commit, however many mutations) together with their results and the
// client's new lastMutationId. Each mutation of a longer push runs in a savepoint, so a value
// the database refuses is that mutation's refusal alone.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Mutation, MutationResult, PushedMutation, PushRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import { officeGone } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { preparedRows, type Tx } from '../store/database.node.ts';
import { clients, mutationResults } from '../store/schema.node.ts';
import { runTogether, stampStatements, type Touched } from '../store/versions.node.ts';
import { HttpError, isDataException } from '../http/httpError.node.ts';
import { cancelOption } from './cancelOption.node.ts';
import { deleteCompanion, saveCompanion } from './companions.node.ts';
import { saveContact } from './contacts.node.ts';
import { moveOptionToDossier, saveDossier } from './dossiers.node.ts';
import { argsHash } from './argsHash.node.ts';
import { readMutation, refuseMalformed } from './malformedMutation.node.ts';
import type { MutationOutcome } from './outcome.node.ts';
import { placeOption, type PlacingOffice } from './placeOption.node.ts';
import { pushWithoutTransaction } from './pushWithoutTransaction.node.ts';
import { resizeOption } from './resizeOption.node.ts';
import { saveVenueRequest } from './venueRequests.node.ts';

type PushRequest = z.infer<typeof PushRequestSchema>;

/** What the push needs of its client and office, read as the client's row is locked. */
interface LockedClient {
  lastMutationId: number;
  office: PlacingOffice;
}

/**
 * Locks the client's row for the rest of the transaction: two pushes from one client (a
 * retry racing the original) queue here, and the second sees what the first committed.
 */
async function lockClient(tx: Tx, clientId: string, officeId: string): Promise<LockedClient> {
  type Row = { office_id: string; last_mutation_id: number; office_status: PlacingOffice['status'] | null };
  const select = () => preparedRows<Row>(tx, 'push_lock_client', sql`SELECT c.office_id, c.last_mutation_id, o.status AS office_status
    FROM clients c LEFT JOIN offices o ON o.id = c.office_id WHERE c.client_id = ${clientId} FOR UPDATE OF c`);
  let [row] = await select();
  if (!row) {
    await tx.insert(clients).values({ clientId, officeId, lastMutationId: 0 }).onConflictDoNothing();
    [row] = await select();
  }
  if (row!.office_id !== officeId) throw new HttpError(403, 'UNAUTHORIZED', 'This client id belongs to another office.');
  if (!row!.office_status) throw officeGone();
  return { lastMutationId: row!.last_mutation_id, office: { id: officeId, status: row!.office_status } };
}

function apply(tx: Tx, ctx: CentralContext, office: PlacingOffice, m: Mutation): Promise<MutationOutcome> {
  const officeId = office.id;
  switch (m.name) {
    case 'option.place':
      return placeOption(tx, ctx, office, m.args);
    case 'option.cancel':
      return cancelOption(tx, ctx, officeId, m.args);
    case 'option.resize':
      return resizeOption(tx, ctx, officeId, m.args);
    case 'companion.save':
      return saveCompanion(tx, ctx, officeId, m.args);
    case 'companion.delete':
      return deleteCompanion(tx, officeId, m.args);
    case 'contact.save':
      return saveContact(tx, ctx, officeId, m.args);
    case 'venueRequest.save':
      return saveVenueRequest(tx, ctx, officeId, m.args);
    case 'dossier.save':
      return saveDossier(tx, ctx, officeId, m.args);
    case 'option.moveToDossier':
      return moveOptionToDossier(tx, ctx, officeId, m.args);
  }
}

/**
 * Applies a readable mutation, in a savepoint when asked: a value the database refuses is then
 * the mutation's refusal. Without one, that refusal undoes the whole transaction, and the push
 * is applied again with savepoints (applyPush).
 */
async function applyOrRefuse(tx: Tx, ctx: CentralContext, office: PlacingOffice, m: PushedMutation, read: ReturnType<typeof readMutation>, savepoints: boolean): Promise<MutationOutcome> {
  if ('fields' in read) return refuseMalformed(tx, office.id, m, read.fields);
  if (!savepoints) return apply(tx, ctx, office, read.mutation);
  try {
    return await tx.transaction((savepoint) => apply(savepoint, ctx, office, read.mutation));
  } catch (error) {
    if (!isDataException(error)) throw error;
    return refuseMalformed(tx, office.id, m, []);
  }
}

/** Every row the push changed, each once: stamped with the push's one version at its end. */
function mergeTouched(all: Touched[]): Touched {
  const merged: Record<string, Set<string>> = {};
  for (const touched of all) {
    for (const [table, ids] of Object.entries(touched)) for (const id of ids ?? []) (merged[table] ??= new Set()).add(id);
  }
  return Object.fromEntries(Object.entries(merged).map(([table, ids]) => [table, [...ids]])) as Touched;
}

/**
 * The push's results, the client's new last mutation id and the version stamps, in one
 * statement whose SQL depends only on the tables touched: prepared once per connection.
 */
async function closePush(tx: Tx, clientId: string, last: number, fresh: StoredResult[], touched: Touched): Promise<void> {
  const stamps = stampStatements(touched);
  const results = JSON.stringify(fresh.map((f) => ({ mutation_id: f.mutationId, args_hash: f.argsHash, result: f.result })));
  await runTogether(tx, [
    sql`INSERT INTO ${mutationResults} (client_id, mutation_id, args_hash, result)
      SELECT ${clientId}::uuid, r.mutation_id, r.args_hash, r.result
      FROM jsonb_to_recordset(${results}::jsonb) AS r(mutation_id integer, args_hash text, result jsonb)`,
    sql`UPDATE ${clients} SET last_mutation_id = ${last} WHERE client_id = ${clientId}`,
    ...stamps.statements,
  ], `push_close:${stamps.shape}`);
}

interface StoredResult {
  mutationId: number;
  argsHash: string;
  result: MutationResult;
}

/** A push refused from a mutation on: the ones before it still commit, then the refusal is said. */
class PushStopped extends Error {
  constructor(readonly refusal: HttpError) {
    super(refusal.message);
  }
}

async function applyAll(ctx: CentralContext, officeId: string, push: PushRequest, savepoints: boolean): Promise<{ lastMutationId: number; results: MutationResult[]; stopped: HttpError | null }> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockClient(tx, push.clientId, officeId);
    let last = locked.lastMutationId;
    const results: MutationResult[] = [];
    const fresh: StoredResult[] = [];
    const touched: Touched[] = [];
    let stopped: HttpError | null = null;
    try {
      for (const m of [...push.mutations].sort((a, b) => a.id - b.id)) {
        const read = readMutation(m);
        // Of the args as read (trimmed), as stored results were always hashed.
        const hash = argsHash('mutation' in read ? read.mutation : m);
        if (m.id <= last) {
          const [stored] = await tx.select().from(mutationResults)
            .where(and(eq(mutationResults.clientId, push.clientId), eq(mutationResults.mutationId, m.id)));
          const kept = stored ?? fresh.find((f) => f.mutationId === m.id);
          if (!kept || kept.argsHash !== hash) {
            throw new PushStopped(new HttpError(409, 'MUTATION_ID_REUSED', `Mutation ${m.id} was already applied with other arguments.`));
          }
          results.push(kept.result as MutationResult);
          continue;
        }
        if (m.id > last + 1) {
          throw new PushStopped(new HttpError(409, 'OUT_OF_ORDER', `Expected mutation ${last + 1}, got ${m.id}.`, { expected: last + 1 }));
        }
        const outcome = await applyOrRefuse(tx, ctx, locked.office, m, read, savepoints);
        const result: MutationResult = { mutationId: m.id, ...outcome.result };
        fresh.push({ mutationId: m.id, argsHash: hash, result });
        touched.push(outcome.touched);
        results.push(result);
        last = m.id;
      }
    } catch (error) {
      if (!(error instanceof PushStopped)) throw error;
      stopped = error.refusal;
    }
    if (fresh.length > 0) {
      await closePush(tx, push.clientId, last, fresh, mergeTouched(touched));
    }
    return { lastMutationId: last, results, stopped };
  });
}

/** Deadlock between two pushes taking the same slots in other orders: PostgreSQL undoes one whole. */
const isDeadlock = (error: unknown) => (error as { code?: string; cause?: { code?: string } }).code === '40P01'
  || (error as { cause?: { code?: string } }).cause?.code === '40P01';
const DEADLOCK_RETRIES = 5;

/**
 * Applies a desktop's mutations exactly once each, in id order, all in one transaction with
 * their results and the client's new lastMutationId: one commit for the whole push, and a lost
 * response is recovered by replay or by pull's `results`, never by a second application.
 * A push of one placement or one cancel from a known client takes two statements and no
 * transaction (pushWithoutTransaction.node.ts). Any other push of one mutation runs without a
 * savepoint, two round trips fewer; should the database refuse one of its values, nothing of
 * it is kept and it runs again with its savepoint, where that refusal is the mutation's result.
 */
export async function applyPush(ctx: CentralContext, officeId: string, push: PushRequest): Promise<{ lastMutationId: number; results: MutationResult[] }> {
  const direct = await pushWithoutTransaction(ctx, officeId, push);
  if (direct) return direct;
  let savepoints = push.mutations.length > 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { stopped, ...answer } = await applyAll(ctx, officeId, push, savepoints);
      if (stopped) throw stopped;
      return answer;
    } catch (error) {
      if (!savepoints && isDataException(error)) {
        savepoints = true;
        continue;
      }
      if (!isDeadlock(error) || attempt >= DEADLOCK_RETRIES) throw error;
    }
  }
}
