// Pull benchmarks against a real central service on loopback (embedded PGlite): the first
// pull of a year of slots for every venue into SQLite, end to end and its SQLite apply alone
// (beside a plain prepared-insert loop into the same kind of file, the limit), the desk's
// memory once it holds that year, an incremental pull of 100 changes, and what the local-data
// safety net (integrity check at start, backup, restore) costs on that year.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PULL_PAGE_MAX, type PullResponse } from '../../src-main/contract/centralApi.std.ts';
import { DATABASE_FILE } from '../../src-main/core/guichetCore.node.ts';
import { backupStore } from '../../src-main/core/store/backups.node.ts';
import { openStore } from '../../src-main/core/store/openStore.node.ts';
import { restoreBackup } from '../../src-main/core/store/restoreBackup.node.ts';
import { storeDamage } from '../../src-main/core/store/storeRescue.node.ts';
import { applyPull } from '../../src-main/core/sync/applyServerChanges.node.ts';
import { createCentralClient } from '../../src-main/core/sync/centralClient.node.ts';
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { MIGRATIONS_DIR, tempCore, tempDir } from '../support/tempCore.node.ts';
import { median, recordFigure } from './figures.node.ts';

const RUNS = 3;

/** The desktop core's memory in a process of its own on `dataDir` (tests/bench/coreMemory.node.ts). */
function coreMemory(dataDir: string, centralUrl: string): { rssBytes: number; heapUsedBytes: number } {
  const script = path.join(import.meta.dirname, 'coreMemory.node.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, dataDir, centralUrl], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { rssBytes: number; heapUsedBytes: number };
}

/** The year's pull pages as the service sends them to a new workstation. */
async function initialPages(url: string, credentials: { email: string; password: string }): Promise<PullResponse[]> {
  const client = createCentralClient(url);
  const session = await client.signIn(credentials.email, credentials.password);
  const pages: PullResponse[] = [];
  let cookie: string | null = null;
  do {
    const page = await client.pull(session.accessToken, { clientId: crypto.randomUUID(), cookie, resultsAfter: 0, limit: PULL_PAGE_MAX });
    pages.push(page);
    cookie = page.cookie;
  } while (pages[pages.length - 1]!.hasMore);
  return pages;
}

/** Applies the pages to a fresh store, and inserts as many rows by a plain prepared loop into another: ms each. */
function applyAgainstLimit(pages: PullResponse[], rows: number): { applyMs: number; loopMs: number } {
  const dir = tempDir('guichet-bench-apply-');
  const store = openStore(path.join(dir, 'apply.sqlite'), MIGRATIONS_DIR);
  let started = performance.now();
  applyPull(store, pages, new Date());
  const applyMs = performance.now() - started;
  const plain = openStore(path.join(dir, 'plain.sqlite'), MIGRATIONS_DIR);
  plain.sqlite.exec('CREATE TABLE plain (id TEXT PRIMARY KEY, venue_id TEXT, starts_at TEXT, local_date TEXT, local_time TEXT, capacity INTEGER, remaining INTEGER, status TEXT)');
  const insert = plain.sqlite.prepare('INSERT INTO plain VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  started = performance.now();
  plain.sqlite.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`venue:${i}`, 'venue', '2026-01-01T09:00:00.000Z', '2026-01-01', '10:00', 40, 40, 'open');
  })();
  const loopMs = performance.now() - started;
  store.close();
  plain.close();
  return { applyMs, loopMs };
}

/** What the local-data safety net costs on a year synced: the start's check, a backup, a restore. */
function localDataSafety(desk: Awaited<ReturnType<typeof tempCore>>): void {
  const file = path.join(desk.dataDir, DATABASE_FILE);
  const backupsDir = tempDir('guichet-bench-backups-');
  const timed = (work: () => unknown) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  const checkMs = median(Array.from({ length: RUNS }, () => timed(() => {
    if (storeDamage(file) !== null) throw new Error('the benchmark store reads as damaged');
  })));
  const backups: { fileName: string; bytes: number }[] = [];
  const backupMs = median(Array.from({ length: RUNS }, (_, i) => timed(() => {
    backups.push(backupStore(desk.store.sqlite, backupsDir, 'manual', new Date(Date.now() + i * 1000)));
  })));
  const restoreMs = timed(() => restoreBackup(desk.store, path.join(backupsDir, backups[0]!.fileName),
    { dataDir: desk.dataDir, migrationsDir: MIGRATIONS_DIR, backupsDir, now: new Date(Date.now() + RUNS * 1000) }));
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(`  local data, a year synced (${mib(fs.statSync(file).size)} MiB file): integrity check at start ${checkMs.toFixed(0)} ms, `
    + `a backup (VACUUM INTO, ${mib(backups[0]!.bytes)} MiB) ${backupMs.toFixed(0)} ms (medians of ${RUNS}), a restore ${restoreMs.toFixed(0)} ms`);
  recordFigure({ what: 'integrity check at start, a year synced', measured: `${checkMs.toFixed(0)} ms` });
  recordFigure({ what: 'a backup of a year synced (VACUUM INTO) / a restore', measured: `${backupMs.toFixed(0)} ms / ${restoreMs.toFixed(0)} ms` });
}

export async function benchPull() {
  const central = await startCentralHarness(new Date(), { seedMonths: 12 });
  const desk = await tempCore(new Date(), { centralUrl: central.url });
  const other = await tempCore(new Date(), { centralUrl: central.url });
  try {
    const credentials = await central.validatedOffice('Bench Desk');
    await desk.dispatch('account.signIn', credentials);
    await other.dispatch('account.signIn', await central.validatedOffice('Bench Other'));

    let started = performance.now();
    await desk.sync.syncNow();
    const initialMs = performance.now() - started;
    const rows = desk.store.sqlite.prepare('SELECT (SELECT count(*) FROM server_slots) + (SELECT count(*) FROM server_venues) + (SELECT count(*) FROM server_products) + (SELECT count(*) FROM server_closed_days)').pluck().get() as number;

    await other.sync.syncNow();
    const slots = other.store.sqlite
      .prepare("SELECT id FROM server_slots WHERE venue_id = 'arc-de-triomphe' AND status = 'open' AND starts_at > ? ORDER BY starts_at LIMIT 100")
      .pluck().all(new Date(Date.now() + 40 * 86_400_000).toISOString()) as string[];
    for (const slotId of slots) {
      await other.dispatch('options.place', { slotId, composition: { visitors: 9, guides: 1, leaders: 0 } });
    }
    await other.sync.syncNow();
    started = performance.now();
    await desk.sync.syncNow();
    const incrementalMs = performance.now() - started;

    const pages = await initialPages(central.url, credentials);
    const runs = Array.from({ length: RUNS }, () => applyAgainstLimit(pages, rows));
    const applyMs = median(runs.map((r) => r.applyMs));
    const loopMs = median(runs.map((r) => r.loopMs));

    console.log('pull (desktop SQLite ← central service on loopback, embedded PGlite)');
    console.log(`  initial pull: ${rows} rows in ${(initialMs / 1000).toFixed(2)} s = ${Math.round(rows / (initialMs / 1000))} rows/s`);
    console.log(`  its SQLite apply alone (${pages.length} pages, median of ${RUNS}): ${applyMs.toFixed(0)} ms = ${Math.round(rows / (applyMs / 1000))} rows/s; `
      + `a plain prepared-insert loop of as many rows into the same kind of file: ${loopMs.toFixed(0)} ms = ${Math.round(rows / (loopMs / 1000))} rows/s`);
    const memory = coreMemory(desk.dataDir, central.url);
    console.log(`  the desktop core in a process of its own, on that data folder, one month shown: resident ${Math.round(memory.rssBytes / 2 ** 20)} MiB `
      + `(heap ${Math.round(memory.heapUsedBytes / 2 ** 20)} MiB; tsx included)`);
    recordFigure({ what: 'resident memory of the desktop core, a year synced', measured: `${Math.round(memory.rssBytes / 2 ** 20)} MiB` });
    recordFigure({ what: 'initial pull of a year, every venue, end to end', measured: `${(initialMs / 1000).toFixed(2)} s (${rows} rows)`, target: '< 2 s', met: initialMs < 2000 });
    recordFigure({
      what: 'its SQLite apply', measured: `${applyMs.toFixed(0)} ms`, target: '< 300 ms', met: applyMs < 300,
      limit: `plain prepared-insert loop ${loopMs.toFixed(0)} ms (apply = ${(loopMs / applyMs * 100).toFixed(0)} % of its rate)`,
    });
    console.log(`  incremental pull of 100 changes (100 slots taken by another office's options): ${incrementalMs.toFixed(0)} ms`);
    localDataSafety(desk);
  } finally {
    await desk.close();
    await other.close();
    await central.close();
  }
}
