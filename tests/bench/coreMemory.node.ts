// Run by the pull bench in a process of its own: the desktop core started on a data folder that
// holds a year of every venue, showing one month, then its resident memory, printed as JSON.
import { startCore } from '../../src-main/core/guichetCore.node.ts';
import { MIGRATIONS_DIR } from '../support/tempCore.node.ts';

const [dataDir, centralUrl] = process.argv.slice(2);
const core = await startCore({ dataDir: dataDir!, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-bench', centralUrl, backgroundSync: false });
const month = new Date().toISOString().slice(0, 7);
const shown = await core.dispatch('calendar.month', { venueId: 'sainte-chapelle', month });
if (!shown.ok) throw new Error(shown.error.message);
console.log(JSON.stringify({ rssBytes: process.memoryUsage().rss, heapUsedBytes: process.memoryUsage().heapUsed }));
await core.close();
