// `npm start`, `npm run start:browser` and `npm run build` make what the demo's first launch
// starts from, once per PGlite version and set of migrations (demoTemplates.node.ts).
import path from 'node:path';
import { demoTemplatesStale, writeDemoTemplates } from './demoTemplates.node.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
if (demoTemplatesStale(root)) {
  const started = performance.now();
  await writeDemoTemplates(root);
  console.log(`The demo's PGlite template and desk mirror were made in ${((performance.now() - started) / 1000).toFixed(1)} s (dist-pglite).`);
} else {
  console.log('The demo\'s PGlite template and desk mirror are up to date: not remade.');
}
