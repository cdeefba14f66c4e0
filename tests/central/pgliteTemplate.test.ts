// The demo's first start unpacks a PGlite template made when the app was built (migrated,
// catalogue seeded, demo office made) instead of running initdb, the migrations and a year of
// slots. A template made two months before the start must give the same calendar as a fresh
// seeding, two installations from one template must share no secret, and a template that
// does not fit (other migrations, damaged bytes) must cost nothing but the time it would save.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../src-main/contract/centralApi.std.ts';
import { openStore, rowsOf } from '../../src-central/store/database.node.ts';
import { templateIsStale, templateKey, writeTemplate } from '../../src-central/store/pgliteTemplate.node.ts';
import { sql } from 'drizzle-orm';
import { CENTRAL_MIGRATIONS_DIR } from '../support/tempCore.node.ts';
import { startTestCentral } from '../support/testCentral.node.ts';

const NOW = new Date('2025-01-10T09:00:00Z');
const TWO_MONTHS_EARLIER = new Date('2024-11-10T09:00:00Z');

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-template-'));
const template = path.join(folder, 'pglite-template.tar.gz');

/** Starts a central service on a new PGlite data folder, from `pgliteTemplate` when given. */
async function firstStart(name: string, pgliteTemplate?: string) {
  const dataDir = path.join(folder, name);
  const central = await startTestCentral({ dataDir, pgliteTemplate, now: () => NOW, seedMonths: 12, demoAccount: true, sweepEveryMs: 0 });
  const signIn = await fetch(`${central.url}/auth/signin`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password }),
  });
  const publicKey = (await (await fetch(`${central.url}/tickets/public-key`)).json()) as { publicKeyPem: string };
  await central.close();
  const store = await openStore({ dataDir, migrationsDir: CENTRAL_MIGRATIONS_DIR });
  try {
    const futureSlots = rowsOf<{ id: string }>(await store.db.execute(sql`SELECT id FROM slots WHERE local_date >= '2025-01-10' ORDER BY id`)).map((r) => r.id);
    const closed = rowsOf<{ id: string }>(await store.db.execute(sql`SELECT id FROM closed_days WHERE local_date >= '2025-01-10' ORDER BY id`)).map((r) => r.id);
    const [epoch] = rowsOf<{ epoch: string }>(await store.db.execute(sql`SELECT epoch FROM pull_epoch`));
    // Only a start from the template has the days of its making, two months back.
    const [past] = rowsOf<{ n: number }>(await store.db.execute(sql`SELECT count(*)::int AS n FROM slots WHERE local_date < '2025-01-10'`));
    return { signedIn: signIn.status, publicKeyPem: publicKey.publicKeyPem, futureSlots, closed, epoch: epoch!.epoch, pastSlots: past!.n };
  } finally {
    await store.close();
  }
}

describe('the PGlite template of the demo', () => {
  beforeAll(async () => {
    await writeTemplate(template, CENTRAL_MIGRATIONS_DIR, TWO_MONTHS_EARLIER);
  }, 120_000);
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('gives a first start made two months later the same year ahead as a fresh seeding, and no secret shared with another installation', async () => {
    expect(templateIsStale(template, CENTRAL_MIGRATIONS_DIR)).toBe(false);
    const fresh = await firstStart('fresh');
    const first = await firstStart('first', template);
    const second = await firstStart('second', template);

    expect(first.futureSlots.length).toBeGreaterThan(40_000);
    expect(fresh.pastSlots).toBe(0);
    expect([first.pastSlots, second.pastSlots].every((n) => n > 5_000)).toBe(true);
    // The days between the template's year and today's were added, each once; none is missing.
    expect(first.futureSlots).toEqual(fresh.futureSlots);
    expect(first.closed).toEqual(fresh.closed);
    expect([first.signedIn, second.signedIn]).toEqual([200, 200]);
    // Keys and the pull epoch are made by each installation's own first start.
    expect(first.publicKeyPem).not.toBe(second.publicKeyPem);
    expect(first.epoch).not.toBe(second.epoch);
  }, 120_000);

  it('is not used for other migrations, and a damaged one leaves a start that works', async () => {
    const otherMigrations = path.join(folder, 'migrations');
    fs.cpSync(CENTRAL_MIGRATIONS_DIR, otherMigrations, { recursive: true });
    fs.writeFileSync(path.join(otherMigrations, '9999_later.sql'), 'SELECT 1;');
    expect(templateIsStale(template, otherMigrations)).toBe(true);

    const damaged = path.join(folder, 'damaged.tar.gz');
    fs.copyFileSync(`${template}.key`, `${damaged}.key`);
    const bytes = fs.readFileSync(template);
    bytes.fill(0x5a, 0, 4096);
    fs.writeFileSync(damaged, bytes);
    const started = await firstStart('after-damaged', damaged);
    expect(started.signedIn).toBe(200);
    expect(started.futureSlots.length).toBeGreaterThan(40_000);
  }, 120_000);

  it('is the same template to the bundled app as to the app run from its sources, so that a build\'s template serves it', async () => {
    // Built as scripts/build-electron.mjs builds the Electron main process and the browser host,
    // and kept where, as theirs, it finds the modules left outside it.
    const bundle = path.join(process.cwd(), 'node_modules', '.cache', `guichet-template-key-${process.pid}.cjs`);
    await build({
      stdin: { contents: "import { templateKey } from './src-central/store/pgliteTemplate.node.ts'; console.log(templateKey(process.argv[2]));", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'silent',
      external: ['electron', 'better-sqlite3', '@electric-sql/pglite', 'pg', 'pdfmake', 'pdfkit'],
    });
    try {
      expect(execFileSync(process.execPath, [bundle, CENTRAL_MIGRATIONS_DIR], { encoding: 'utf8' }).trim()).toBe(templateKey(CENTRAL_MIGRATIONS_DIR));
    } finally {
      fs.rmSync(bundle, { force: true });
    }
  });
});
