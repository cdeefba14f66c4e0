// `npm run start:browser`: the whole app served to any browser on this machine, synced
// with GUICHET_CENTRAL_URL, the service chosen in settings, or the embedded demo one.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNT } from '../contract/centralApi.std.ts';
import { startCore } from '../core/guichetCore.node.ts';
import { DatabaseFromFutureError } from '../core/store/migrations.node.ts';
import { embeddedCentral } from './embeddedCentral.node.ts';
import { startFromDeskMirror } from './deskMirror.node.ts';
import { startBrowserHost } from './browserHost.node.ts';
import { userDataDir } from './userDataDir.node.ts';
import { unsupportedNode } from './supportedNode.node.ts';

// Under tsx this file sits in src-main/host; bundled (dist-electron/host.cjs), one folder below the root.
const root = typeof __filename === 'string' ? path.resolve(path.dirname(__filename), '..') : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const unsupported = unsupportedNode();
  if (unsupported) {
    console.error(unsupported);
    process.exit(1);
  }
  const dataDir = userDataDir();
  const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
  const embedded = embeddedCentral(dataDir, root);
  const migrationsDir = path.join(root, 'drizzle', 'local');
  if (!process.env.GUICHET_CENTRAL_URL) startFromDeskMirror(dataDir, root, migrationsDir);
  const core = await startCore({
    dataDir,
    migrationsDir,
    appVersion: version,
    centralUrl: process.env.GUICHET_CENTRAL_URL,
    embeddedCentral: embedded.start,
    onWindowShown: embedded.open,
    // Test-only (tests/e2e): slows bundles down enough to watch their progress bar.
    bundlePagePaceMs: Number(process.env.GUICHET_TEST_BUNDLE_PAGE_MS ?? 0),
  });
  // The page loads while the embedded service opens its store.
  const signedIn = embedded.signInDemoOffice(core);
  const host = await startBrowserHost({
    core,
    rendererDir: path.join(root, 'dist-renderer'),
    port: Number(process.env.GUICHET_PORT ?? 0),
    signingIn: signedIn.catch(() => undefined),
  });
  console.log(`Guichet is ready. Open this link in your browser: ${host.launchUrl}`);
  console.log(`Data folder: ${dataDir}`);
  console.log(`GUICHET_URL=${host.launchUrl}`);
  const stop = async () => {
    await host.close();
    await core.close();
    await embedded.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await signedIn;
  if (embedded.inUse) {
    const running = await embedded.started;
    console.log(`Embedded central service: ${running.url} (back office token: ${running.adminToken}); demo office ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof DatabaseFromFutureError ? error.message : `Guichet could not start: ${String(error)}`);
  process.exit(1);
});
