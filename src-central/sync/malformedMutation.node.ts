// A mutation the service cannot read, or whose values the database refuses, is refused as
// that mutation's result — recorded, and lastMutationId moves past it — never as the whole
// push: a desktop retrying it would hold back every change behind it for ever.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  isMutationName, MUTATION_ARGS, mutationRow, type Mutation, type PushedMutation,
} from '../../src-main/contract/centralApi.std.ts';
import type { InvalidField } from '../../src-main/contract/errors.std.ts';
import { invalidFields } from '../../src-main/contract/invalidFields.std.ts';
import type { Tx } from '../store/database.node.ts';
import { companions, contacts, dossiers, options, venueRequests } from '../store/schema.node.ts';
import type { Touched } from '../store/versions.node.ts';
import { rejected, type MutationOutcome } from './outcome.node.ts';

// The result is stored as jsonb, which keeps no NUL and no half of a surrogate pair either: a
// path names the desktop's own keys (an unknown one is the user's text), so it is cleaned, and
// a refusal never quotes a value.
const UNSTORABLE = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MAX_FIELDS = 20;
const storable = (field: InvalidField): InvalidField => ({ ...field, path: field.path.slice(0, 200).replace(UNSTORABLE, '\uFFFD') });

/** The mutation as the contract reads it, or what is wrong with it. */
export function readMutation(m: PushedMutation): { mutation: Mutation } | { fields: InvalidField[] } {
  if (!isMutationName(m.name)) return { fields: [{ path: 'name', problem: 'invalid_value' }] };
  const args = MUTATION_ARGS[m.name].safeParse(m.args);
  if (!args.success) return { fields: invalidFields(args.error).slice(0, MAX_FIELDS).map(storable) };
  return { mutation: { id: m.id, name: m.name, args: args.data } as Mutation };
}

const TABLES = { companion: companions, contact: contacts, venueRequest: venueRequests, option: options, dossier: dossiers } as const;
const TOUCHED_KEY = { companion: 'companions', contact: 'contacts', venueRequest: 'venueRequests', option: 'options', dossier: 'dossiers' } as const;

/**
 * The office's own row the mutation was about, stamped so that its next pull sends every
 * workstation the service's version over the refused one the desktop already shows. A resize
 * is shown nowhere before the service takes it: nothing to restore, and its refusal stays
 * beside the option until the option changes.
 */
async function rowToRestore(tx: Tx, officeId: string, m: PushedMutation): Promise<Touched> {
  const row = mutationRow(m.name, m.args);
  if (!row || m.name === 'option.resize' || !z.uuid().safeParse(row.id).success) return {};
  const table = TABLES[row.entity];
  const [found] = await tx.select({ id: table.id }).from(table).where(and(eq(table.id, row.id), eq(table.officeId, officeId)));
  return found ? { [TOUCHED_KEY[row.entity]]: [found.id] } : {};
}

export async function refuseMalformed(tx: Tx, officeId: string, m: PushedMutation, fields: InvalidField[]): Promise<MutationOutcome> {
  const refusal = rejected('INVALID_INPUT', 'This change cannot be stored as sent; correct it and send it again.', { fields });
  return { ...refusal, touched: await rowToRestore(tx, officeId, m) };
}
