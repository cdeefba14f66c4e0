import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,store,contract,host,central,sync,print,soak}/**/*.test.ts'],
    // One PostgreSQL cluster and the prepared stores for the whole run (tests/support/globalSetup.node.ts).
    globalSetup: ['tests/support/globalSetup.node.ts'],
    pool: 'forks',
    // Test files share their worker's imported modules instead of importing drizzle, Fastify,
    // pg and pdfmake afresh for each file (36 s of a run): every file closes what it opens,
    // and the code under test keeps no state in its modules.
    isolate: false,
    // Both cores: much of a central test's time is PostgreSQL's, in a process of its own.
    maxWorkers: 2,
    // The only time limits of the suite, set far above what any test takes on a quiet machine
    // (the slowest, the PostgreSQL races, take under 15 s) so that a CI machine shared with
    // other jobs, several times slower, still passes: a limit is there to stop a hung test,
    // never to judge speed. Tests that wait for something wait for the event itself.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
