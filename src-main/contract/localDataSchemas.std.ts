// What the agent sees of the local data file: its backups, and what happened if it was found damaged.
import { z } from 'zod';
import { IsoInstantSchema } from './schemas.std.ts';

export const BackupSchema = z.object({
  fileName: z.string(),
  takenAt: IsoInstantSchema,
  reason: z.enum(['daily', 'manual', 'before-migration', 'before-restore']),
  bytes: z.int(),
});

export const StoreRecoverySchema = z.object({
  at: IsoInstantSchema,
  damagedFile: z.string(),
  problem: z.string(),
  rescuedChanges: z.int(),
  outboxRescued: z.boolean(),
  sessionKept: z.boolean(),
});

export const LocalDataSchema = z.object({
  dataDir: z.string(),
  backups: z.array(BackupSchema),
  recovery: StoreRecoverySchema.nullable(),
});

export const RestoreOutcomeSchema = z.object({
  restored: BackupSchema,
  changesToSend: z.int(),
  alreadySent: z.int(),
  undoBackup: BackupSchema,
});
