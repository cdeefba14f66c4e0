// `npm run bench`: runs every benchmark in this folder, prints its figures, and writes them to
// BENCHMARKS.md with the machine, the method and every recorded figure beside its target and limit.
// `npm run bench -- startup pull placements checkout bundle ticketMail auth vouchers` runs only those named
// (and writes BENCHMARKS.md only when all ran). Each runs in a process of its own: on two cores the
// load generator's CPU is the service's, and a heap grown by the benches before it would tax the next.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchStartup } from './startup.bench.node.ts';
import { benchPull } from './pull.bench.node.ts';
import { benchPlacements } from './placements.bench.node.ts';
import { benchMonthView } from './monthView.bench.node.ts';
import { benchCheckout } from './checkout.bench.node.ts';
import { benchBundle } from './bundle.bench.node.ts';
import { benchTicketMail } from './ticketMail.bench.node.ts';
import { benchAuth } from './auth.bench.node.ts';
import { benchVouchers } from './vouchers.bench.node.ts';
import { benchVoucherExports } from './voucherExports.bench.node.ts';
import { figures, type Figure } from './figures.node.ts';
import { PG_BIN } from '../support/postgres.node.ts';

const benches: Record<string, () => Promise<void>> = {
  startup: benchStartup, pull: benchPull, placements: benchPlacements, checkout: benchCheckout, monthView: benchMonthView, bundle: benchBundle,
  ticketMail: benchTicketMail, auth: benchAuth,
  vouchers: async () => {
    await benchVouchers();
    await benchVoucherExports();
  },
};

/** What one bench's process hands back: its figures, every line it printed, its peak memory. */
interface BenchOutcome {
  figures: Figure[];
  printed: string[];
  maxRssMiB: number;
}

const ONE = '--one';

/** In a bench's own process: runs it, shows and keeps what it prints, and writes the outcome to `file`. */
async function runOne(name: string, file: string): Promise<void> {
  const printed: string[] = [];
  const show = console.log;
  console.log = (...args: unknown[]) => {
    printed.push(args.map(String).join(' '));
    show(...args);
  };
  await benches[name]!();
  const outcome: BenchOutcome = { figures, printed, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
  fs.writeFileSync(file, JSON.stringify(outcome));
  // Pools and timers a bench leaves behind must not keep its process, and the run, waiting.
  process.exit(0);
}

if (process.argv[2] === ONE) await runOne(process.argv[3]!, process.argv[4]!);

const wanted = process.argv.slice(2);
const started = new Date();
const printed: Record<string, string[]> = {};
let peakRssMiB = 0;
const outcomes = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-'));
try {
  for (const name of Object.keys(benches)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const file = path.join(outcomes, `${name}.json`);
    const run = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ONE, name, file], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`the ${name} bench failed (exit ${run.status ?? run.signal})`);
    const outcome = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchOutcome;
    figures.push(...outcome.figures);
    printed[name] = outcome.printed;
    peakRssMiB = Math.max(peakRssMiB, outcome.maxRssMiB);
  }
} finally {
  fs.rmSync(outcomes, { recursive: true, force: true });
}

function machine(): string[] {
  const cpus = os.cpus();
  const postgres = (() => {
    try {
      return execFileSync(path.join(PG_BIN, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'not installed';
    }
  })();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch { /* not a checkout */ }
  return [
    `- ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
    `- Node ${process.version}, ${postgres}, Chromium at ${process.env.GUICHET_CHROMIUM ?? '/usr/bin/chromium'}`,
    `- commit ${commit}, run ${started.toISOString()} to ${new Date().toISOString()}`,
    `- peak resident memory of a bench's process (each bench runs in its own): ${peakRssMiB} MiB`,
  ];
}

const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : '**missed**');

if (wanted.length === 0) {
  const missed = figures.filter((f) => f.met === false);
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (do not edit by hand); the figures of one run on this machine.',
    '',
    '## Machine',
    '',
    ...machine(),
    '',
    '## Method',
    '',
    '- Everything on loopback: the central service over HTTP, PostgreSQL 15 in a temporary cluster',
    '  (fsync off, as in the tests), the desktop core on real SQLite files, Chromium for the screens.',
    '- Service benchmarks warm up first (each office places options and is refused once, unmeasured,',
    '  on a fresh set of API processes), then measure 50 offices at once; latencies are per request,',
    '  as the office sees them, and their p50/p99 are over every request of the phase.',
    '- Each bench runs in a Node process of its own, started afresh: the load generator shares the two',
    '  cores with the service, and a heap left large by one bench would tax the next.',
    '- Start-up and pull figures are medians of several runs, with the spread printed beside them.',
    '- A limit is measured in the same run on the same machine: PostgreSQL\'s own rate (pgbench',
    '  simple-update, same cluster, same number of clients) and a plain SQLite prepared-insert loop.',
    '  A figure as a fraction of its limit is what travels between machines.',
    '',
    '## Figures against their targets',
    '',
    '| what | measured | target | limit | |',
    '|---|---|---|---|---|',
    ...figures.map((f) => `| ${f.what} | ${f.measured} | ${f.target ?? ''} | ${f.limit ?? ''} | ${verdict(f.met)} |`),
    '',
    '## Where a target is missed, what the run measured of the cause',
    '',
    ...(missed.length === 0 ? ['- None: every target was met in this run.']
      : missed.map((f) => `- ${f.what}: ${f.whyMissed ?? 'no cause measured by the bench (see the closing note of the issue)'}`)),
    '',
    '## Everything printed',
    '',
    ...Object.entries(printed).flatMap(([name, output]) => [`### ${name}`, '', '```', ...output, '```', '']),
  ];
  fs.writeFileSync(path.resolve(import.meta.dirname, '../../BENCHMARKS.md'), `${lines.join('\n')}\n`);
  console.log('BENCHMARKS.md written');
}
