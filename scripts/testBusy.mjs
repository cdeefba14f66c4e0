// `npm run test:busy [-- runs]`: the whole suite (`npm test`) while busy loops keep every core
// of this machine loaded, as a CI machine shared with other jobs is. The loops are stopped by
// their process ids whatever happens — a failed run, Ctrl+C — and each loop also ends on its
// own as soon as this script is gone, so none outlives a run killed outright.
import { spawn } from 'node:child_process';
import os from 'node:os';

const runs = Number(process.argv[2] ?? 1);
// What runs under load: the whole suite, or (for the script's own test) GUICHET_BUSY_COMMAND.
const [command, ...args] = (process.env.GUICHET_BUSY_COMMAND ?? 'npm test').split(' ');
if (!Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run test:busy [-- number of runs in a row]');
  process.exit(2);
}

const BUSY_LOOP = `
  const parent = ${process.pid};
  for (;;) {
    const until = Date.now() + 250;
    while (Date.now() < until);
    try { process.kill(parent, 0); } catch { process.exit(0); }
  }`;
const loops = Array.from({ length: os.availableParallelism() }, () => spawn(process.execPath, ['-e', BUSY_LOOP], { stdio: 'ignore' }));

function stopLoops() {
  for (const loop of loops) {
    try {
      process.kill(loop.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopLoops);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopLoops();
    process.exit(130);
  });
}

console.log(`${loops.length} busy loops keep every core loaded (pids ${loops.map((l) => l.pid).join(', ')}).`);
const times = [];
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const code = await new Promise((resolve) => {
    spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).on('close', (c) => resolve(c ?? 1));
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  times.push(seconds);
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  if (code !== 0) {
    console.error(`\n✗ Busy run ${run} of ${runs} failed after ${seconds} s (load average ${load}).`);
    process.exit(code);
  }
  console.log(`\n✓ Busy run ${run} of ${runs} passed in ${seconds} s (load average ${load}).`);
}
console.log(`\n✓ ${runs} busy run(s) in a row passed: ${times.map((s) => `${s} s`).join(', ')}.`);
// The loops are children this process waits for: without an explicit exit it would wait for ever.
process.exit(0);
