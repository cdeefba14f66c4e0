// `npm run start:browser`: the whole app served to any browser on this machine.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../core/guichetCore.node.ts';
import { DatabaseFromFutureError } from '../core/store/migrations.node.ts';
import { startBrowserHost } from './browserHost.node.ts';
import { userDataDir } from './userDataDir.node.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const dataDir = userDataDir();
  const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
  const core = startCore({ dataDir, migrationsDir: path.join(root, 'drizzle', 'local'), appVersion: version });
  const host = await startBrowserHost({
    core,
    rendererDir: path.join(root, 'dist-renderer'),
    port: Number(process.env.GUICHET_PORT ?? 0),
  });
  console.log(`Guichet is ready. Open this link in your browser: ${host.launchUrl}`);
  console.log(`Data folder: ${dataDir}`);
  console.log(`GUICHET_URL=${host.launchUrl}`);
  const stop = async () => {
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof DatabaseFromFutureError ? error.message : `Guichet could not start: ${String(error)}`);
  process.exit(1);
});
