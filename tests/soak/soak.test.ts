// The short soak of the suite: the long one is `npm run soak` (tests/soak/soakCli.node.ts).
import { describe, expect, it } from 'vitest';
import { postgresMissing } from '../support/postgres.node.ts';
import { TEST_PG_URL_ENV } from '../support/testCentral.node.ts';
import { printSoak } from './soakReport.node.ts';
import { runSoak } from './soakRun.node.ts';

const missing = postgresMissing();

describe.skipIf(missing !== null && !process.env.CI)('a short soak: offices placing, paying and going offline at random', () => {
  it('ends with every mirror equal to the service, nothing lost or applied twice, seats and tickets adding up', async () => {
    if (!process.env[TEST_PG_URL_ENV]) throw new Error(`The soak cannot run: ${missing ?? 'no cluster was started'}`);
    const report = await runSoak({ offices: 6, actions: 40, maxMs: 60_000, seed: 20261202, slots: 6, venueCancellations: 2, daysPassing: 3 });
    console.log(printSoak(report));
    expect(report.findings).toMatchObject({ mirrors: [], lostOrTwice: [], seats: [], tickets: [] });
    // The soak did what it is for: options held, paid, refused for want of seats, cut off, cancelled by the venue.
    expect(report.findings.counted.options).toBeGreaterThan(10);
    expect(report.findings.counted.tickets).toBeGreaterThan(0);
    expect(report.offlinePeriods).toBeGreaterThan(0);
    expect(Object.keys(report.outcomes).some((o) => o.startsWith('venue cancels a slot: 200'))).toBe(true);
  });
});
