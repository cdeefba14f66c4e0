// Child process for the crash test: opens the desktop core on a data folder, places one
// option (local commit + outbox row in one transaction), says so, and waits to be killed.
import { startCore } from '../../src-main/core/guichetCore.node.ts';
import { MIGRATIONS_DIR } from './tempCore.node.ts';

const [dataDir, centralUrl, slotId] = process.argv.slice(2) as [string, string, string];
const core = await startCore({ dataDir, migrationsDir: MIGRATIONS_DIR, appVersion: 'crash-test', centralUrl, backgroundSync: false });
const placed = await core.dispatch('options.place', { slotId, composition: { visitors: 10, guides: 1, leaders: 0 } });
console.log(placed.ok ? 'COMMITTED' : `FAILED ${JSON.stringify(placed)}`);
setInterval(() => undefined, 1000);
