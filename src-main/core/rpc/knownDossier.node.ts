import { findDossier } from '../store/dossiersRepo.node.ts';
import { notFound } from './guichetError.std.ts';
import type { HandlerContext } from './handlerContext.node.ts';

/** A dossier named by an option being placed, bought or moved must be one the office has. */
export function checkDossier(ctx: HandlerContext, dossierId: string | null | undefined): string | null {
  if (!dossierId) return null;
  if (!findDossier(ctx.store.db, dossierId)) throw notFound('dossier', dossierId);
  return dossierId;
}
