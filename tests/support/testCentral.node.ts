// Central databases for tests, seeded once per run. Migrating and seeding a year of slots
// takes seconds; PostgreSQL copies a template database in tens of milliseconds. So the run's
// PostgreSQL cluster (started by the vitest global set-up, GUICHET_TEST_PG_URL) keeps one
// template per seed day, built by the first test that needs it, and every central service a
// test starts gets its own copy, dropped when it closes. Without that cluster (a benchmark, a
// Playwright worker, a machine without PostgreSQL) the service runs on PGlite as in the demo.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import pg from 'pg';
import { startCentral, type RunningCentral, type StartCentralOptions } from '../../src-central/central.node.ts';
import { openStore } from '../../src-central/store/database.node.ts';
import { seedCatalogue } from '../../src-central/store/seedCatalogue.node.ts';
import { databaseUrlOn } from './postgres.node.ts';
import { TEST_SEED_MONTHS } from './seedDemoCatalogue.node.ts';
import { CENTRAL_MIGRATIONS_DIR } from './tempCore.node.ts';

export const TEST_PG_URL_ENV = 'GUICHET_TEST_PG_URL';


export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Runs `work` holding a cluster-wide advisory lock, so parallel test files take turns. */
async function withClusterLock<T>(clusterUrl: string, key: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  const lock = createHash('sha256').update(key).digest().readInt32BE(0);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [lock]);
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The seed day as the catalogue counts it: the date in Paris. */
const seedDay = (now: Date) => DateTime.fromJSDate(now, { zone: 'Europe/Paris' }).toFormat('yyyyLLdd');

async function ensureTemplate(clusterUrl: string, now: Date, seedMonths: number | null): Promise<string> {
  const name = seedMonths === null ? 'template_empty' : `template_${seedDay(now)}_${seedMonths}m`;
  return withClusterLock(clusterUrl, `template ${name}`, async (admin) => {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return name;
    // Built under a working name and renamed at the end: a build cut short leaves no template.
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await admin.query(`CREATE DATABASE ${building}`);
    const store = await openStore({ databaseUrl: databaseUrlOn(clusterUrl, building), migrationsDir: CENTRAL_MIGRATIONS_DIR, poolSize: 2 });
    try {
      if (seedMonths !== null) await seedCatalogue(store.db, now, seedMonths);
    } finally {
      await store.close();
    }
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true`);
    return name;
  });
}

let copies = 0;

/**
 * A fresh database for one central service, migrated and seeded with `seedMonths` of slots
 * from `now`'s day in Paris (null: no catalogue), or null when this run has no PostgreSQL
 * cluster (the service then uses PGlite).
 */
export async function testDatabase(now: Date, seedMonths: number | null): Promise<TestDatabase | null> {
  const clusterUrl = process.env[TEST_PG_URL_ENV];
  if (!clusterUrl) return null;
  const template = await ensureTemplate(clusterUrl, now, seedMonths);
  const name = `central_${process.pid}_${++copies}_${Date.now().toString(36)}`;
  // Two copies of one template cannot be made at the same instant; the lock makes them queue.
  await withClusterLock(clusterUrl, `copy ${template}`, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    url: databaseUrlOn(clusterUrl, name),
    async drop() {
      const admin = new pg.Client({ connectionString: clusterUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

export type TestCentralOptions = Omit<StartCentralOptions, 'migrationsDir'>;

/**
 * What a test's service does unless the test says otherwise: tests sign up and in far more
 * often than anyone (rate limits ×1000; the rate-limit tests give rateLimitFactor: 1), and a
 * password hash at the recommended cost takes 0.4 s (the password tests give passwordCost).
 */
const TEST_SHORTCUTS: Partial<TestCentralOptions> = { rateLimitFactor: 1000, passwordCost: { N: 1024, r: 8, p: 1 } };

/**
 * A central service for one test: on its own copy of the seeded template when the run has a
 * PostgreSQL cluster (and the test gave no database or data folder of its own), on PGlite
 * otherwise. Closing it drops its database.
 */
export async function startTestCentral(options: TestCentralOptions = {}): Promise<RunningCentral & { databaseUrl: string | null }> {
  const now = options.now ?? (() => new Date());
  const seedMonths = options.seedMonths ?? TEST_SEED_MONTHS;
  const database = options.databaseUrl || options.dataDir ? null : await testDatabase(now(), options.seedDemo === false ? null : seedMonths);
  try {
    const central = await startCentral({
      migrationsDir: CENTRAL_MIGRATIONS_DIR, poolSize: 10, ...TEST_SHORTCUTS, ...options, seedMonths, databaseUrl: options.databaseUrl ?? database?.url,
    });
    // A test that stops the service mid-way (the desk goes offline) closes it again in its clean-up.
    let closed: Promise<void> | undefined;
    return {
      ...central,
      databaseUrl: options.databaseUrl ?? database?.url ?? null,
      close() {
        closed ??= central.close().then(() => database?.drop());
        return closed;
      },
    };
  } catch (error) {
    await database?.drop();
    throw error;
  }
}
