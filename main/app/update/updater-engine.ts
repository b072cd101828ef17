// electron-updater as the policy's engine for installs that replace themselves (macOS zip,
// Windows NSIS, AppImage). The policy decides when; electron-updater finds the feed from
// resources/app-update.yml, downloads, checks the sha512 (and on Windows the publisher's
// signature) and installs. Its own scheduling and logging are switched off so that the
// policy's rules hold and a failure is one log line.
import type { AppUpdater } from 'electron-updater';
import { compareToRunning } from '../../core/update/feed';
import type { UpdateEngine } from '../../core/update/update-controller';

/** The part of electron-updater's AppUpdater the app uses (tests stand in for it). */
export type UpdaterLike = Pick<
  AppUpdater,
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'logger'
  | 'checkForUpdates'
  | 'downloadUpdate'
  | 'quitAndInstall'
> & { on(event: 'error', listener: (error: Error) => void): unknown };

/**
 * electron-updater's updater for this system, loaded on first use (deb and tar.gz never load
 * it). It is a CommonJS module whose exports Node's ESM loader cannot name: it is reached
 * through `default`. On Linux its `autoUpdater` would pick the deb updater whenever
 * resources/package-type says deb, a file the deb target writes into the folder the other
 * Linux targets are also packed from; the policy has already decided this is an AppImage.
 */
export async function loadAutoUpdater(platform: NodeJS.Platform): Promise<UpdaterLike> {
  const updater = (await import('electron-updater')).default;
  return platform === 'linux' ? new updater.AppImageUpdater() : updater.autoUpdater;
}

export function createUpdaterEngine(updater: UpdaterLike, currentVersion: string): UpdateEngine {
  // Downloads start when the policy says so, not inside every check.
  updater.autoDownload = false;
  // "Install on the next quit if the user does nothing."
  updater.autoInstallOnAppQuit = true;
  // electron-updater logs every step to the console by default; the policy logs one line.
  updater.logger = null;
  // Failures come back through the promises below; without a listener an 'error' event
  // would be thrown as an uncaught exception.
  updater.on('error', () => {});
  return {
    mode: 'self',
    async check() {
      const result = await updater.checkForUpdates();
      if (!result) throw new Error('The updater is not active in this install.');
      const version = result.updateInfo.version;
      return {
        verdict: result.isUpdateAvailable ? 'newer' : compareToRunning(version, currentVersion),
        version,
      };
    },
    async download() {
      await updater.downloadUpdate();
    },
    // Not silent (the Windows installer shows its progress); start the new version after.
    install: () => updater.quitAndInstall(false, true),
    releaseUrl: () => '',
  };
}
