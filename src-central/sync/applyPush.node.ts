// Applies a desktop's mutations exactly once each, in id order. Each mutation commits in
// its own transaction together with its result and the client's new lastMutationId, so a
// lost response is recovered by replay (push again) or by pull's `results`, never by a
// second application.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Mutation, MutationResult, PushedMutation, PushRequestSchema } from '../../src-main/contract/centralApi.std.ts';
import { findOffice } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { rowsOf, type Tx } from '../store/database.node.ts';
import { clients, mutationResults } from '../store/schema.node.ts';
import { stampVersion } from '../store/versions.node.ts';
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

async function applyOne(ctx: CentralContext, officeId: string, clientId: string, m: PushedMutation): Promise<{ result: MutationResult; last: number }> {
  return ctx.db.transaction(async (tx) => {
    const last = await lockClient(tx, clientId, officeId);
    const read = readMutation(m);
    // Of the args as read (trimmed), as stored results were always hashed.
    const hash = argsHash('mutation' in read ? read.mutation : m);
    if (m.id <= last) {
      const [stored] = await tx.select().from(mutationResults)
        .where(and(eq(mutationResults.clientId, clientId), eq(mutationResults.mutationId, m.id)));
      if (!stored || stored.argsHash !== hash) {
        throw new HttpError(409, 'MUTATION_ID_REUSED', `Mutation ${m.id} was already applied with other arguments.`);
      }
      return { result: stored.result as MutationResult, last };
    }
    if (m.id > last + 1) {
      throw new HttpError(409, 'OUT_OF_ORDER', `Expected mutation ${last + 1}, got ${m.id}.`, { expected: last + 1 });
    }
    const outcome = await applyOrRefuse(tx, ctx, officeId, m, read);
    const result: MutationResult = { mutationId: m.id, ...outcome.result };
    await tx.insert(mutationResults).values({ clientId, mutationId: m.id, argsHash: hash, result });
    await tx.update(clients).set({ lastMutationId: m.id }).where(eq(clients.clientId, clientId));
    await stampVersion(tx, outcome.touched);
    return { result, last: m.id };
  });
}

export async function applyPush(ctx: CentralContext, officeId: string, push: PushRequest): Promise<{ lastMutationId: number; results: MutationResult[] }> {
  const results: MutationResult[] = [];
  let lastMutationId = 0;
  for (const m of [...push.mutations].sort((a, b) => a.id - b.id)) {
    const applied = await applyOne(ctx, officeId, push.clientId, m);
    results.push(applied.result);
    lastMutationId = applied.last;
  }
  if (push.mutations.length === 0) {
    lastMutationId = await ctx.db.transaction((tx) => lockClient(tx, push.clientId, officeId));
  }
  return { lastMutationId, results };
}
