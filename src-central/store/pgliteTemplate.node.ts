// A fresh PGlite cluster, initdb run, every migration applied and the demo catalogue seeded,
// kept as a tarball beside the app: the demo's first start unpacks it instead of running
// initdb in WebAssembly, the migrations and a year of slots, which took most of the first
// launch's seconds; the start then adds only the days since the template was made. It holds
// the demo office (whose password is public) but no key, session or pull epoch: those are
// made by each installation's first start. A
// template is used only with the PGlite build, migrations and catalogue it was made with (its
// key); anything else is ignored.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { demoProducts, demoVenues, demoVoucherMuseums } from '../../src-main/core/domain/demoCatalogue.std.ts';
import { generateSlots } from '../../src-main/core/domain/slotGrid.std.ts';
import type { Db } from './database.node.ts';
import { seedCatalogue, seedVoucherMuseums } from './seedCatalogue.node.ts';
import { seedDemoAccount } from './seedDemoAccount.node.ts';
import { createPasswords } from '../accounts/passwords.node.ts';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';

/** Where the app keeps its template, under its own folder (inside the asar once packaged). */
export const templateFile = (appRoot: string) => path.join(appRoot, 'dist-pglite', 'pglite-template.tar.gz');
const keyFile = (file: string) => `${file}.key`;

function pgliteVersion(): string {
  // The package exports no package.json: read it from beside its entry point (CommonJS once bundled for Electron).
  let dir = path.dirname(createRequire(typeof __filename === 'string' ? __filename : import.meta.url).resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The PGlite version, every migration's SQL and the demo catalogue: a template made with anything else is not this one. */
export function templateKey(migrationsFolder: string): string {
  const hash = createHash('sha256').update(pgliteVersion())
    .update(JSON.stringify([demoVenues, demoProducts, demoVoucherMuseums, DEMO_ACCOUNT])).update(generateSlots.toString());
  for (const name of fs.readdirSync(migrationsFolder).filter((n) => n.endsWith('.sql')).sort()) {
    hash.update(name).update(fs.readFileSync(path.join(migrationsFolder, name)));
  }
  return hash.digest('hex');
}

/** Makes the template for these migrations, seeded from `now` (an in-memory cluster, dumped gzipped). */
export async function writeTemplate(file: string, migrationsFolder: string, now = new Date()): Promise<void> {
  const client = new PGlite();
  try {
    const db = drizzle(client);
    await migrate(db, { migrationsFolder });
    await seedCatalogue(db as unknown as Db, now);
    await seedVoucherMuseums(db as unknown as Db);
    // Its password is public: hashing it here spares every first launch the scrypt.
    await seedDemoAccount(db as unknown as Db, now, await createPasswords().hash(DEMO_ACCOUNT.password));
    const tarball = await client.dumpDataDir('gzip');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.partial`, Buffer.from(await tarball.arrayBuffer()));
    fs.renameSync(`${file}.partial`, file);
    fs.writeFileSync(keyFile(file), templateKey(migrationsFolder));
  } finally {
    await client.close();
  }
}

/** True when the template at `file` is missing or was made for other migrations or another PGlite. */
export function templateIsStale(file: string, migrationsFolder: string): boolean {
  if (!fs.existsSync(file) || !fs.existsSync(keyFile(file))) return true;
  return fs.readFileSync(keyFile(file), 'utf8') !== templateKey(migrationsFolder);
}

/**
 * The template as PGlite loads it, or null when there is none for these migrations. Node's
 * own zlib unpacks it: PGlite's gunzip in JavaScript took twice as long as the rest of the load.
 */
export function readTemplate(file: string, migrationsFolder: string): Blob | null {
  if (templateIsStale(file, migrationsFolder)) return null;
  return new Blob([zlib.gunzipSync(fs.readFileSync(file))]);
}

/** A data folder PGlite has never written a cluster into. */
export const isFreshDataDir = (dataDir: string) => !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
