// `npm start`, `npm run start:browser` and `npm run build` make the PGlite template the demo's
// first start unpacks, once per PGlite version and set of migrations.
import path from 'node:path';
import { templateFile, templateIsStale, writeTemplate } from './pgliteTemplate.node.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const migrations = path.join(root, 'drizzle', 'central');
const file = templateFile(root);
if (templateIsStale(file, migrations)) {
  const started = performance.now();
  await writeTemplate(file, migrations);
  console.log(`The embedded service's PGlite template was made in ${((performance.now() - started) / 1000).toFixed(1)} s: ${path.relative(root, file)}`);
} else {
  console.log('The embedded service\'s PGlite template is up to date: not remade.');
}
