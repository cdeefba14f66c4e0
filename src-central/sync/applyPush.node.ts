// Applies a desktop's mutations exactly once each, in id order, the whole push in one
// transaction (one commit, however many mutations) together with their results and the
// client's new lastMutationId. Each mutation runs in a savepoint, so a value the database
// refuses is that mutation's refusal alone.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Mutation, MutationResult, PushedMutation, PushRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import { findOffice } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { rowsOf, type Tx } from '../store/database.node.ts';
import { clients, mutationResults } from '../store/schema.node.ts';
import { stampVersion, type Touched } from '../store/versions.node.ts';
import { HttpError, isDataException } from '../http/httpError.node.ts';
import { cancelOption } from './cancelOption.node.ts';
import { deleteCompanion, saveCompanion } from './companions.node.ts';
import { saveContact } from './contacts.node.ts';
import { moveOptionToDossier, saveDossier } from './dossiers.node.ts';
import { readMutation, refuseMalformed } from './malformedMutation.node.ts';
import type { MutationOutcome } from './outcome.node.ts';
import { placeOption } from './placeOption.node.ts';
import { resizeOption } from './resizeOption.node.ts';
import { saveVenueRequest } from './venueRequests.node.ts';

type PushRequest = z.infer<typeof PushRequestSchema>;

/** Same keys in any order hash the same: a client re-serializing its outbox is not "different args". */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function argsHash(m: PushedMutation): string {
  return createHash('sha256').update(canonicalJson({ name: m.name, args: m.args })).digest('base64url');
}

/**
 * Locks the client's row for the rest of the transaction: two pushes from one client (a
 * retry racing the original) queue here, and the second sees what the first committed.
 */
async function lockClient(tx: Tx, clientId: string, officeId: string): Promise<number> {
  const select = () => tx.execute(sql`SELECT office_id, last_mutation_id FROM clients WHERE client_id = ${clientId} FOR UPDATE`);
  let [row] = rowsOf<{ office_id: string; last_mutation_id: number }>(await select());
  if (!row) {
    await tx.insert(clients).values({ clientId, officeId, lastMutationId: 0 }).onConflictDoNothing();
    [row] = rowsOf<{ office_id: string; last_mutation_id: number }>(await select());
  }
  if (row!.office_id !== officeId) throw new HttpError(403, 'UNAUTHORIZED', 'This client id belongs to another office.');
  return row!.last_mutation_id;
}

function apply(tx: Tx, ctx: CentralContext, officeId: string, m: Mutation): Promise<MutationOutcome> {
  switch (m.name) {
    case 'option.place':
      return findOffice(tx, officeId).then((office) => placeOption(tx, ctx, office, m.args));
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

/** Applies a readable mutation in a savepoint: a value the database refuses is the mutation's refusal. */
async function applyOrRefuse(tx: Tx, ctx: CentralContext, officeId: string, m: PushedMutation, read: ReturnType<typeof readMutation>): Promise<MutationOutcome> {
  if ('fields' in read) return refuseMalformed(tx, officeId, m, read.fields);
  try {
    return await tx.transaction((savepoint) => apply(savepoint, ctx, officeId, read.mutation));
  } catch (error) {
    if (!isDataException(error)) throw error;
    return refuseMalformed(tx, officeId, m, []);
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

/** A push refused from a mutation on: the ones before it still commit, then the refusal is said. */
class PushStopped extends Error {
  constructor(readonly refusal: HttpError) {
    super(refusal.message);
  }
}

async function applyAll(ctx: CentralContext, officeId: string, push: PushRequest): Promise<{ lastMutationId: number; results: MutationResult[]; stopped: HttpError | null }> {
  return ctx.db.transaction(async (tx) => {
    let last = await lockClient(tx, push.clientId, officeId);
    const results: MutationResult[] = [];
    const fresh: { mutationId: number; argsHash: string; result: MutationResult }[] = [];
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
        const outcome = await applyOrRefuse(tx, ctx, officeId, m, read);
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
      await tx.insert(mutationResults).values(fresh.map((f) => ({ clientId: push.clientId, ...f })));
      await tx.update(clients).set({ lastMutationId: last }).where(eq(clients.clientId, push.clientId));
      await stampVersion(tx, mergeTouched(touched));
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
 */
export async function applyPush(ctx: CentralContext, officeId: string, push: PushRequest): Promise<{ lastMutationId: number; results: MutationResult[] }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { stopped, ...answer } = await applyAll(ctx, officeId, push);
      if (stopped) throw stopped;
      return answer;
    } catch (error) {
      if (!isDeadlock(error) || attempt >= DEADLOCK_RETRIES) throw error;
    }
  }
}
