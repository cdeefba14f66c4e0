// Once per vitest run, before any test file: the PostgreSQL cluster that every central
// service of the run copies its database from (see testCentral.node.ts), and the folder of
// prepared local stores (see tempCore.node.ts). Both go when the run ends.
import fs from 'node:fs';
import { postgresMissing, startPostgres, type TempPostgres } from './postgres.node.ts';
import { TEST_PG_URL_ENV } from './testCentral.node.ts';
import { TEST_TEMPLATES_ENV, tempDir } from './tempCore.node.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const templates = tempDir('guichet-test-templates-');
  process.env[TEST_TEMPLATES_ENV] = templates;
  let cluster: TempPostgres | null = null;
  const missing = postgresMissing();
  if (missing) {
    if (process.env.CI) throw new Error(`The central tests need PostgreSQL on CI: ${missing}`);
    console.warn(`No PostgreSQL here (${missing}): central services run on PGlite, slower, and the concurrency suite is skipped.`);
  } else {
    cluster = await startPostgres();
    process.env[TEST_PG_URL_ENV] = cluster.url;
  }
  return async () => {
    await cluster?.stop();
    fs.rmSync(templates, { recursive: true, force: true });
  };
}
