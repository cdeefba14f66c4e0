// `npm run demo`: install, build and start Guichet with its demo catalogue.
import { ensureNodePackages, run } from './ensureDeps.mjs';

await ensureNodePackages();
run('npm', ['start']);
