// `npm test`: the whole suite, from a bare clone. Each step stops the run on failure, and
// so does a passing step whose output shows work cut off by a teardown (see runLog.mjs).
import { spawn } from 'node:child_process';
import { ensureChromium, ensureNodePackages, ensurePoppler, ensurePostgres, ensurePrintingTools } from './ensureDeps.mjs';
import { signsOfLostWork } from './runLog.mjs';

/** Runs an npm script, showing its output as it comes and keeping it to read afterwards. */
function runStep(step, env) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', step], { env, stdio: ['inherit', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    const keep = (sink) => (chunk) => {
      output += chunk;
      sink.write(chunk);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output }));
  });
}

const started = Date.now();
await ensureNodePackages();
const chromium = ensureChromium();
ensurePostgres();
ensurePoppler();
ensurePrintingTools();
const env = { ...process.env, GUICHET_CHROMIUM: chromium };
for (const step of ['lint', 'typecheck', 'build:electron', 'test:unit', 'test:e2e']) {
  console.log(`\n▶ npm run ${step}`);
  const { code, signal, output } = await runStep(step, env);
  if (code !== 0) {
    console.error(`\n✗ "npm run ${step}" failed (exit ${signal ?? code}).`);
    process.exit(code);
  }
  const lost = signsOfLostWork(output);
  if (lost.length > 0) {
    console.error(`\n✗ "npm run ${step}" passed, but its output shows work cut off:`);
    for (const { line, what } of lost) console.error(`  - ${what}:\n      ${line}`);
    process.exit(1);
  }
}
console.log(`\n✓ All tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
