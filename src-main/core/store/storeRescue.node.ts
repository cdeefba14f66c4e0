// A local store found damaged at start is moved aside and what only this computer knows is
// read back from it, as far as it can be read: the changes not yet sent, and the settings
// that tie this installation to its office (its client id, its session, its numbering).
// Everything else is the central service's, and a fresh store pulls it again.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fileStamp, moveDatabase } from './storeFiles.node.ts';

/** A setting worth carrying over; the pull cookie is not: the fresh store pulls everything. */
const RESCUED_SETTINGS = ['sync.clientId', 'sync.nextMutationId', 'sync.session', 'centralUrl', 'language', 'expiringSoonDays'];

export interface RescuedOutboxRow {
  mutation_id: number;
  name: string;
  args: string;
  created_at: string;
}

export interface StoreRescue {
  /** Where the damaged file now lies, untouched, for support to look at. */
  damagedFile: string;
  /** What the check said (SQLite's own words). */
  problem: string;
  settings: { key: string; value: string }[];
  outbox: RescuedOutboxRow[];
  /** False when the outbox itself could not be read: changes not yet sent are lost. */
  outboxReadable: boolean;
}

/** SQLite's quick form of the integrity check; null when the file is sound. */
export function storeDamage(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { fileMustExist: true });
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
    return problems.length === 0 ? null : problems.slice(0, 5).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    sqlite?.close();
  }
}

function readable<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * Reads the outbox row by row when a whole read fails: a damaged page loses the rows it
 * holds, not the ones beside it.
 */
function rescueOutbox(sqlite: Database.Database): RescuedOutboxRow[] | undefined {
  const columns = 'mutation_id, name, args, created_at';
  const whole = readable(() => sqlite.prepare(`SELECT ${columns} FROM outbox ORDER BY mutation_id`).all() as RescuedOutboxRow[]);
  if (whole) return whole;
  const ids = readable(() => sqlite.prepare('SELECT mutation_id FROM outbox').pluck().all() as number[]);
  if (!ids) return undefined;
  const one = sqlite.prepare(`SELECT ${columns} FROM outbox WHERE mutation_id = ?`);
  return ids.flatMap((id) => readable(() => one.get(id) as RescuedOutboxRow) ?? []);
}

export function rescueDamagedStore(file: string, problem: string, now: Date): StoreRescue {
  const damagedFile = path.join(path.dirname(file), 'damaged', `${path.basename(file, '.sqlite')}-${fileStamp(now)}.sqlite`);
  fs.mkdirSync(path.dirname(damagedFile), { recursive: true });
  moveDatabase(file, damagedFile);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(damagedFile, { readonly: true, fileMustExist: true });
    const opened = sqlite;
    const one = readable(() => opened.prepare('SELECT key, value FROM settings WHERE key = ?'));
    const settings = one ? RESCUED_SETTINGS.flatMap((key) => readable(() => one.get(key) as { key: string; value: string } | undefined) ?? []) : [];
    const outbox = rescueOutbox(opened);
    return { damagedFile, problem, settings, outbox: outbox ?? [], outboxReadable: outbox !== undefined };
  } catch {
    return { damagedFile, problem, settings: [], outbox: [], outboxReadable: false };
  } finally {
    sqlite?.close();
  }
}
