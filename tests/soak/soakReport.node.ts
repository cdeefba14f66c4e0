// The soak's report as printed by `npm run soak` and by the short run in the suite.
import type { SoakReport } from './soakRun.node.ts';

const listed = (counts: Record<string, number>) => Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))
  .map(([what, n]) => `    ${what}: ${n}`).join('\n');

export function printSoak(report: SoakReport): string {
  const { findings: f, options: o } = report;
  const problems = [...f.mirrors, ...f.lostOrTwice, ...f.seats, ...f.tickets];
  return [
    `soak: ${o.offices} offices, up to ${o.actions} actions each, ${o.slots} slots, seed ${o.seed}`,
    `  acting ${(report.actingMs / 1000).toFixed(1)} s, then every cable back and ${report.syncRounds} sync rounds to quiesce in ${(report.quiesceMs / 1000).toFixed(1)} s`,
    `  ${report.offlinePeriods} offline periods`,
    '  actions:', listed(report.actionsDone),
    '  outcomes:', listed(report.outcomes),
    `  checked: ${f.counted.offices} mirrors, ${f.counted.options} options on the service (${f.counted.refusedByService} more placed on a desk and refused by the service), ${f.counted.orders} orders, ${f.counted.tickets} tickets, ${f.counted.slots} slots`,
    `  mirrors equal to the service: ${f.mirrors.length === 0 ? 'yes' : `NO (${f.mirrors.length})`}`,
    `  no option lost or applied twice: ${f.lostOrTwice.length === 0 ? 'yes' : `NO (${f.lostOrTwice.length})`}`,
    `  held + sold = active + paid bookings, within capacity, on every slot: ${f.seats.length === 0 ? 'yes' : `NO (${f.seats.length})`}`,
    `  one ticket per person of every paid booking: ${f.tickets.length === 0 ? 'yes' : `NO (${f.tickets.length})`}`,
    ...problems.slice(0, 20).map((p) => `    ${p}`),
  ].join('\n');
}
