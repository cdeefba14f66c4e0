// `npm test`: the whole suite, from a bare clone. Each step stops the run on failure.
import { ensureChromium, ensureNodePackages, ensurePoppler, ensurePostgres, run } from './ensureDeps.mjs';

const started = Date.now();
await ensureNodePackages();
const chromium = ensureChromium();
ensurePostgres();
ensurePoppler();
const env = { ...process.env, GUICHET_CHROMIUM: chromium };
for (const step of ['lint', 'typecheck', 'build:electron', 'test:unit', 'test:e2e']) {
  console.log(`\n▶ npm run ${step}`);
  run('npm', ['run', step], { env });
}
console.log(`\n✓ All tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
