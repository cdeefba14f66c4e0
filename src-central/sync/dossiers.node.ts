// dossier.save / option.moveToDossier: an office's client groups, and which of its options
// belong to which. Like companions, not a pro product; another office's dossier or option is
// reported as missing, never touched.
import { and, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MoveOptionArgsSchema, SaveDossierArgsSchema } from '../../src-main/contract/centralApi.std.ts';
import type { CentralContext } from '../context.node.ts';
import type { Queryable, Tx } from '../store/database.node.ts';
import { dossiers, options } from '../store/schema.node.ts';
import { rejected, type MutationOutcome } from './outcome.node.ts';

/** Inserts or updates in one statement: the id is either new or already this office's. */
export async function saveDossier(
  tx: Tx, ctx: CentralContext, officeId: string, args: z.infer<typeof SaveDossierArgsSchema>,
): Promise<MutationOutcome> {
  const { dossierId, ...rest } = args;
  const fields = { ...rest, updatedAt: ctx.now() };
  const [saved] = await tx.insert(dossiers).values({ id: dossierId, officeId, ...fields, version: 0 })
    .onConflictDoUpdate({ target: dossiers.id, set: fields, setWhere: sql`${dossiers.officeId} = ${officeId}` })
    .returning({ id: dossiers.id });
  if (!saved) return rejected('NOT_FOUND', 'No such dossier.');
  return { result: { status: 'applied' }, touched: { dossiers: [saved.id] } };
}

/** `dossierId` when it is one of the office's dossiers, else null. */
export async function ownDossier(db: Queryable, officeId: string, dossierId: string | null | undefined): Promise<string | null> {
  if (!dossierId) return null;
  const [found] = await db.select({ id: dossiers.id }).from(dossiers).where(and(eq(dossiers.id, dossierId), eq(dossiers.officeId, officeId)));
  return found?.id ?? null;
}

/**
 * A split group is one client group: its sub-groups move together, whatever their state (a
 * paid sub-group's tickets belong to the same trip as the held ones).
 */
export async function moveOptionToDossier(
  tx: Tx, ctx: CentralContext, officeId: string, args: z.infer<typeof MoveOptionArgsSchema>,
): Promise<MutationOutcome> {
  const [option] = await tx.select({ id: options.id, groupBookingId: options.groupBookingId }).from(options)
    .where(and(eq(options.id, args.optionId), eq(options.officeId, officeId)));
  if (!option) return rejected('NOT_FOUND', 'No such option.');
  const dossierId = await ownDossier(tx, officeId, args.dossierId);
  if (args.dossierId && !dossierId) return rejected('NOT_FOUND', 'No such dossier.');
  const together = option.groupBookingId ? or(eq(options.id, option.id), eq(options.groupBookingId, option.groupBookingId)) : eq(options.id, option.id);
  const moved = await tx.update(options).set({ dossierId, updatedAt: ctx.now() })
    .where(and(eq(options.officeId, officeId), together)).returning({ id: options.id });
  return { result: { status: 'applied' }, touched: { options: moved.map((m) => m.id) } };
}
