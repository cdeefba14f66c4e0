// electron-updater behind the update life cycle's port: it only reports, the life cycle
// (core/updates/updateLifecycle.std.ts) decides when to download and when to install.
import { autoUpdater, type ProgressInfo, type UpdateDownloadedEvent, type UpdateInfo } from 'electron-updater';
import type { UpdaterPort, UpdaterEvent } from '../core/updates/updateLifecycle.std.ts';

export function electronUpdaterPort(feedUrl: string): UpdaterPort {
  // The feed is configuration, not the URL electron-builder wrote into app-update.yml.
  autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  autoUpdater.autoDownload = false;
  // Installing on quit would restart into the new version behind the agent's back, even
  // in the middle of the work the life cycle waits for.
  autoUpdater.autoInstallOnAppQuit = false;
  return {
    checkForUpdates: async () => {
      await autoUpdater.checkForUpdates();
    },
    downloadUpdate: async () => {
      await autoUpdater.downloadUpdate();
    },
    // Silent, then relaunched: the installer's questions (its folder) were answered at the
    // first install, and "Restart to update" promises a restart, not an installer wizard.
    quitAndInstall: () => autoUpdater.quitAndInstall(true, true),
    subscribe(listener: (event: UpdaterEvent) => void) {
      const checking = () => listener({ type: 'checking' });
      const available = (info: UpdateInfo) => listener({ type: 'available', version: info.version });
      const notAvailable = () => listener({ type: 'not-available' });
      const progress = ({ percent, transferred, total, bytesPerSecond }: ProgressInfo) =>
        listener({ type: 'progress', percent, transferred, total, bytesPerSecond });
      const downloaded = (event: UpdateDownloadedEvent) => listener({ type: 'downloaded', version: event.version });
      const error = (failure: Error) => listener({ type: 'error', message: failure.message });
      autoUpdater.on('checking-for-update', checking);
      autoUpdater.on('update-available', available);
      autoUpdater.on('update-not-available', notAvailable);
      autoUpdater.on('download-progress', progress);
      autoUpdater.on('update-downloaded', downloaded);
      autoUpdater.on('error', error);
      return () => {
        autoUpdater.off('checking-for-update', checking);
        autoUpdater.off('update-available', available);
        autoUpdater.off('update-not-available', notAvailable);
        autoUpdater.off('download-progress', progress);
        autoUpdater.off('update-downloaded', downloaded);
        autoUpdater.off('error', error);
      };
    },
  };
}
