// The demo desk's first launch starts from a local store that already mirrors the demo
// catalogue: the year of slots of every venue, as the desk would have pulled it from the
// embedded service's template (pgliteTemplate.node.ts) the moment that was made. Pulling and
// applying those 50,000 rows took the first launch over a second of both cores. The mirror is
// made with the template, from the same database, and its cookie names the template's epoch,
// which each installation from the template honours (adoptTemplateEpoch): the desk's first
// pull brings only what changed since, the days added and the office's own, as after any
// night offline. A mirror that does not fit (other migrations, another template) is not used.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { DEMO_ACCOUNT, PULL_PAGE_MAX, type PullResponse } from '../contract/centralApi.std.ts';
import { DATABASE_FILE } from '../core/guichetCore.node.ts';
import { openStore } from '../core/store/openStore.node.ts';
import { writeSetting } from '../core/store/settingsRepo.node.ts';
import { applyPull } from '../core/sync/applyServerChanges.node.ts';
import type { CentralContext } from '../../src-central/context.node.ts';
import type { Db } from '../../src-central/store/database.node.ts';
import { isFreshDataDir, templateFile, templateKeyFile } from '../../src-central/store/pgliteTemplate.node.ts';
import { offices } from '../../src-central/store/schema.node.ts';
import { pullPage } from '../../src-central/sync/pullPage.node.ts';

export const deskMirrorFile = (appRoot: string) => path.join(appRoot, 'dist-pglite', 'desk-mirror.sqlite');
const mirrorKeyFile = (file: string) => `${file}.key`;
/** Raised when what a mirror holds changes in a way its key would not see (2: the office it was pulled for). */
const MIRROR_FORMAT = 2;

/** The template it was made with (its key file) and the desk's migrations: a mirror fits only these. */
function mirrorKey(templateKeyFile: string, localMigrationsDir: string): string | null {
  if (!fs.existsSync(templateKeyFile)) return null;
  const hash = createHash('sha256').update(`${MIRROR_FORMAT}`).update(fs.readFileSync(templateKeyFile));
  for (const name of fs.readdirSync(localMigrationsDir).filter((n) => n.endsWith('.sql')).sort()) {
    hash.update(name).update(fs.readFileSync(path.join(localMigrationsDir, name)));
  }
  return hash.digest('hex');
}

/** The demo office's id in `db` (every installation from the template has the same). */
async function demoOfficeId(db: Db): Promise<string> {
  const [office] = await db.select({ id: offices.id }).from(offices).where(eq(offices.email, DEMO_ACCOUNT.email));
  if (!office) throw new Error('The template holds no demo office.');
  return office.id;
}

/** What the office pulls from `db` on its first pull: every page. */
async function firstPull(db: Db, officeId: string, now: Date): Promise<PullResponse[]> {
  const ctx = { db, now: () => now } as CentralContext;
  const pages: PullResponse[] = [];
  let cookie: string | null = null;
  do {
    const page = await pullPage(ctx, officeId, { clientId: randomUUID(), cookie, resultsAfter: 0, limit: PULL_PAGE_MAX });
    pages.push(page);
    cookie = page.cookie;
  } while (pages.at(-1)!.hasMore);
  return pages;
}

/** Makes the mirror from the template's database, as it is dumped (writeTemplate's `alsoMake`). */
export async function writeDeskMirror(db: Db, file: string, localMigrationsDir: string, now: Date): Promise<void> {
  fs.rmSync(mirrorKeyFile(file), { force: true });
  const officeId = await demoOfficeId(db);
  const pages = await firstPull(db, officeId, now);
  const partial = `${file}.partial`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(partial, { force: true });
  const store = openStore(partial, localMigrationsDir);
  try {
    applyPull(store, pages, now);
    // Never synced, as far as the desk can tell: its first sync is still to come.
    store.sqlite.prepare("DELETE FROM settings WHERE key IN ('sync.lastSyncAt', 'sync.serverOffsetMs')").run();
    // The office the pulled rows are for: signing in as another starts from a clean slate.
    writeSetting(store.db, 'sync.officeId', officeId);
    store.sqlite.pragma('journal_mode = DELETE');
  } finally {
    store.close();
  }
  fs.renameSync(partial, file);
}

/** Once the template it was made with is whole: the mirror is for that template and these migrations. */
export function sealDeskMirror(file: string, template: string, localMigrationsDir: string): void {
  fs.writeFileSync(mirrorKeyFile(file), mirrorKey(templateKeyFile(template), localMigrationsDir) ?? '');
}

/**
 * On a desk's first launch with the embedded service (no local store, the service's folder
 * still to be unpacked from its template), starts the local store from the mirror, if one fits.
 */
export function startFromDeskMirror(dataDir: string, appRoot: string, localMigrationsDir: string): boolean {
  const local = path.join(dataDir, DATABASE_FILE);
  if (fs.existsSync(local) || !isFreshDataDir(path.join(dataDir, 'central')) || !deskMirrorFits(appRoot, localMigrationsDir)) return false;
  fs.mkdirSync(dataDir, { recursive: true });
  // Read and written rather than copied: once packaged, the mirror is inside the app's asar.
  fs.writeFileSync(local, fs.readFileSync(deskMirrorFile(appRoot)));
  return true;
}

/** There is a mirror, made with the app's template and for these migrations. */
export function deskMirrorFits(appRoot: string, localMigrationsDir: string): boolean {
  const mirror = deskMirrorFile(appRoot);
  const key = mirrorKey(templateKeyFile(templateFile(appRoot)), localMigrationsDir);
  return key !== null && fs.existsSync(mirror) && fs.existsSync(mirrorKeyFile(mirror)) && fs.readFileSync(mirrorKeyFile(mirror), 'utf8') === key;
}
