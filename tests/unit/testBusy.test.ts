// `npm run test:busy` ends when its runs end and leaves no busy loop behind. Earlier it waited
// for ever for its own loops once the runs had passed, and they went on loading the machine.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from '../support/tempCore.node.ts';

/** Running, not merely a zombie waiting for init to reap it (Linux: /proc/<pid>/stat). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

it('exits after its runs, its busy loops stopped', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/testBusy.mjs'), '2'], {
    cwd: ROOT, env: { ...process.env, GUICHET_BUSY_COMMAND: `${process.execPath} --version` }, timeout: 60_000,
  });
  expect(stdout).toContain('2 busy run(s) in a row passed');
  const pids = /pids ([\d, ]+)\)/.exec(stdout)![1]!.split(', ').map(Number);
  expect(pids.length).toBeGreaterThan(0);
  await expect.poll(() => pids.filter(alive)).toEqual([]);
});
