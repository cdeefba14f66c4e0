// Pull benchmarks against a real central service on loopback (embedded PGlite): the first
// pull of a year of slots for every venue into SQLite, and an incremental pull of 100 changes.
import { startCentralHarness } from '../support/centralHarness.node.ts';
import { tempCore } from '../support/tempCore.node.ts';

export async function benchPull() {
  const central = await startCentralHarness(new Date(), { seedMonths: 12 });
  const desk = await tempCore(new Date(), { centralUrl: central.url });
  const other = await tempCore(new Date(), { centralUrl: central.url });
  try {
    await desk.dispatch('account.signIn', await central.validatedOffice('Bench Desk'));
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

    console.log('pull (desktop SQLite ← central service on loopback, embedded PGlite)');
    console.log(`  initial pull: ${rows} rows in ${(initialMs / 1000).toFixed(2)} s = ${Math.round(rows / (initialMs / 1000))} rows/s`);
    console.log(`  incremental pull of 100 changes (100 slots taken by another office's options): ${incrementalMs.toFixed(0)} ms`);
  } finally {
    await desk.close();
    await other.close();
    await central.close();
  }
}
