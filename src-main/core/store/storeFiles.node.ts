// The files SQLite keeps for one database, and the names of the copies Guichet makes of them.
import fs from 'node:fs';

/** WAL mode keeps committed changes in -wal until a checkpoint: the three files are one database. */
export const companionFiles = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

/** An instant as a file name part that sorts like time and is valid on every desktop OS. */
export const fileStamp = (at: Date): string => at.toISOString().replace(/[:.]/g, '-');

/** Moves a database with its -wal and -shm, keeping them together. */
export function moveDatabase(from: string, to: string): void {
  companionFiles(from).forEach((source, i) => {
    if (fs.existsSync(source)) fs.renameSync(source, companionFiles(to)[i]!);
  });
}

/** Other users of the computer must not read the office's data (its session tokens live there). */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform !== 'win32') fs.chmodSync(dir, PRIVATE_DIR_MODE);
}
