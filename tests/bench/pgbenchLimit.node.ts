// What this PostgreSQL itself can do, measured in the same run as the service's figures:
// pgbench's built-in simple-update script (an UPDATE, a SELECT and an INSERT per transaction,
// one commit each), on the same cluster, with its settings and as many clients as the benchmark
// has offices. A figure as a fraction of it is what travels between machines.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PG_BIN, type TempPostgres } from '../support/postgres.node.ts';

export async function pgbenchTps(cluster: TempPostgres, clients: number, seconds = 10): Promise<number> {
  const url = await cluster.createDatabase('pgbench_limit');
  const pgbench = path.join(PG_BIN, 'pgbench');
  execFileSync(pgbench, ['-i', '-q', '-s', '1', url], { stdio: 'ignore' });
  const out = execFileSync(pgbench, ['-n', '-b', 'simple-update', '-c', String(clients), '-j', '2', '-T', String(seconds), url], { encoding: 'utf8' });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
  if (!tps) throw new Error(`pgbench said nothing of its rate:\n${out}`);
  return Number(tps[1]);
}
