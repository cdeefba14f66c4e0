// `npm run bench`: runs every benchmark in this folder and prints its figures.
import { benchStartup } from './startup.bench.node.ts';

const benches = [benchStartup];
for (const bench of benches) {
  await bench();
}
