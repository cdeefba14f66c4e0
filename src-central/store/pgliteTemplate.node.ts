// A fresh PGlite cluster, initdb run, every migration applied and the demo catalogue seeded,
// kept as a tarball beside the app: the demo's first start unpacks it instead of running
// initdb in WebAssembly, the migrations and a year of slots, which took most of the first
// launch's seconds; the start then adds only the days since the template was made. It holds
// the demo office (whose password is public) but no key or session: those are made by each
// installation's first start, which also starts its own pull epoch. A
// template is used only with the PGlite build, migrations and catalogue it was made with (its
// key); anything else is ignored.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import * as tar from 'tar';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { demoProducts, demoVenues, demoVoucherMuseums } from '../../src-main/core/domain/demoCatalogue.std.ts';
import { generateSlots } from '../../src-main/core/domain/slotGrid.std.ts';
import type { Db } from './database.node.ts';
import { seedCatalogue, seedVoucherMuseums } from './seedCatalogue.node.ts';
import { checkPullEpoch } from './pullEpoch.node.ts';
import { demoPasswordHash, seedDemoAccount } from './seedDemoAccount.node.ts';
import { PUBLIC_PASSWORD_SCRYPT } from '../accounts/passwords.node.ts';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';

/** Where the app keeps its template, under its own folder (inside the asar once packaged). */
export const templateFile = (appRoot: string) => path.join(appRoot, 'dist-pglite', 'pglite-template.tar.gz');
/** Written last: a template is whole once its key is there. */
export const templateKeyFile = (file: string) => `${file}.key`;
/** Raised when what a template holds changes in a way its key would not see (2: only the WAL segments a start replays). */
const TEMPLATE_FORMAT = 2;
const WAL_SEGMENT = /^\/?pg_wal\/[0-9A-F]{24}$/;

function pgliteVersion(): string {
  // The package exports no package.json: read it from beside its entry point (CommonJS once bundled for Electron).
  let dir = path.dirname(createRequire(typeof __filename === 'string' ? __filename : import.meta.url).resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * What the slot grid makes of the demo venues over the ten days around each daylight-saving
 * change of a year: the generator's behaviour, the same under tsx and bundled (its source text
 * is not: the Electron and browser-host bundles would never have matched a template made under tsx).
 */
function slotGridFingerprint(): string {
  return JSON.stringify(demoVenues.map((venue) => [generateSlots(venue, '2025-03-25', '2025-04-03'), generateSlots(venue, '2025-10-21', '2025-10-30')]));
}

/** The PGlite version, every migration's SQL and the demo catalogue: a template made with anything else is not this one. */
export function templateKey(migrationsFolder: string): string {
  const hash = createHash('sha256').update(`${TEMPLATE_FORMAT}`).update(pgliteVersion())
    .update(JSON.stringify([demoVenues, demoProducts, demoVoucherMuseums, DEMO_ACCOUNT, PUBLIC_PASSWORD_SCRYPT])).update(slotGridFingerprint());
  for (const name of fs.readdirSync(migrationsFolder).filter((n) => n.endsWith('.sql')).sort()) {
    hash.update(name).update(fs.readFileSync(path.join(migrationsFolder, name)));
  }
  return hash.digest('hex');
}

/**
 * Makes the template for these migrations, seeded from `now` (an in-memory cluster, dumped
 * gzipped). `alsoMake` makes what else must come from this very database as it is dumped: the
 * demo desk's mirror of its catalogue (deskMirror.node.ts).
 */
export async function writeTemplate(
  file: string, migrationsFolder: string, now = new Date(), alsoMake?: (db: Db) => Promise<void>,
): Promise<void> {
  const client = new PGlite();
  try {
    const db = drizzle(client);
    await migrate(db, { migrationsFolder });
    await seedCatalogue(db as unknown as Db, now);
    await seedVoucherMuseums(db as unknown as Db);
    await seedDemoAccount(db as unknown as Db, now, await demoPasswordHash());
    // The epoch a mirror's cookie names; each installation then starts its own (adoptTemplateEpoch).
    await checkPullEpoch(db as unknown as Db);
    await alsoMake?.(db as unknown as Db);
    // After a checkpoint, a start replays the WAL from its redo point to the end of what was
    // written: every other segment (the seeding's, kept for recycling) is 16 MiB to unpack for nothing.
    await client.exec('CHECKPOINT');
    const { rows: [wal] } = await client.query<{ first: string; last: string }>(
      'SELECT redo_wal_file AS first, pg_walfile_name(pg_current_wal_insert_lsn()) AS last FROM pg_control_checkpoint()');
    const replayed = (entryPath: string) => {
      if (!WAL_SEGMENT.test(entryPath)) return true;
      const segment = path.basename(entryPath);
      return segment >= wal!.first && segment <= wal!.last;
    };
    // Left out of the tarball rather than skipped at each start: gunzipping them cost a start 90 ms.
    const dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
    const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-template-'));
    try {
      await pipeline(Readable.from(dump), tar.x({ cwd: unpacked, filter: replayed }));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await tar.c({ gzip: true, file: `${file}.partial`, cwd: unpacked, portable: true }, fs.readdirSync(unpacked));
    } finally {
      fs.rmSync(unpacked, { recursive: true, force: true });
    }
    fs.renameSync(`${file}.partial`, file);
    fs.writeFileSync(templateKeyFile(file), templateKey(migrationsFolder));
  } finally {
    await client.close();
  }
}

/** True when the template at `file` is missing or was made for other migrations or another PGlite. */
export function templateIsStale(file: string, migrationsFolder: string): boolean {
  if (!fs.existsSync(file) || !fs.existsSync(templateKeyFile(file))) return true;
  return fs.readFileSync(templateKeyFile(file), 'utf8') !== templateKey(migrationsFolder);
}

/** Files written at once while unpacking: enough to overlap the disk's waits, few enough for the thread pool. */
const UNPACKING_AT_ONCE = 32;

/**
 * Unpacks the template into a fresh data folder, where PGlite then opens the cluster as its
 * own; false when there is none for these migrations. The files are written many at once: on
 * a disk where creating a file waits on its journal (0.8 ms each here), PGlite's loadDataDir,
 * or any unpacker creating the 1,150 files one by one, took over a second.
 */
export async function unpackTemplate(file: string, migrationsFolder: string, dataDir: string): Promise<boolean> {
  if (templateIsStale(file, migrationsFolder)) return false;
  const folders: string[] = [];
  const files: { path: string; mode: number; body: Promise<Buffer> }[] = [];
  await tar.t({
    file,
    onReadEntry: (entry) => {
      const at = path.join(dataDir, entry.path);
      if (!at.startsWith(path.resolve(dataDir))) throw new Error(`template entry outside the data folder: ${entry.path}`);
      if (entry.type === 'Directory') folders.push(at);
      else if (entry.type === 'File') {
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        files.push({ path: at, mode: entry.mode ?? 0o600, body: new Promise((resolve) => entry.on('end', () => resolve(Buffer.concat(chunks)))) });
      }
    },
  });
  for (const folder of [dataDir, ...folders]) fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const queue = [...files];
  await Promise.all(Array.from({ length: UNPACKING_AT_ONCE }, async () => {
    for (let next = queue.pop(); next; next = queue.pop()) await fs.promises.writeFile(next.path, await next.body, { mode: next.mode });
  }));
  return true;
}

/** A data folder PGlite has never written a cluster into. */
export const isFreshDataDir = (dataDir: string) => !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
