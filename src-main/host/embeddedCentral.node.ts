// The demo's central service, run in-process when no other is configured: PGlite in the
// user's data folder, the demo catalogue and a validated demo office, signed in at once,
// so a newcomer sees live sync with no set-up. Used by the browser host and by Electron.
import path from 'node:path';
import { DEMO_ACCOUNT } from '../contract/centralApi.std.ts';
import type { GuichetCore } from '../core/guichetCore.node.ts';
import { startCentral } from '../../src-central/central.node.ts';
import { templateFile } from '../../src-central/store/pgliteTemplate.node.ts';

export type EmbeddedCentral = Awaited<ReturnType<typeof startCentral>>;

export function embeddedCentral(dataDir: string, appRoot: string) {
  let running: EmbeddedCentral | undefined;
  return {
    start: async () => {
      running = await startCentral({
        dataDir: path.join(dataDir, 'central'),
        migrationsDir: path.join(appRoot, 'drizzle', 'central'),
        pgliteTemplate: templateFile(appRoot),
        seedDemo: true,
        demoAccount: true,
        // Its demo office's password is public: no page may reach it under another name.
        loopbackHostsOnly: true,
      });
      return running.url;
    },
    get running() {
      return running;
    },
    /**
     * Signs the desktop in as the demo office the first time it meets the embedded service.
     * The first pull that follows runs while the window opens: the calendar shows it loading,
     * and fills in when the catalogue has come.
     */
    async signInDemoOffice(core: GuichetCore) {
      if (!running) return;
      const account = await core.dispatch('account.status', {});
      if (account.ok && !(account.value as { signedIn: boolean }).signedIn) {
        await core.dispatch('account.signIn', { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password });
      }
    },
    close: async () => running?.close(),
  };
}
