// Launch at login on every platform. macOS and Windows go through Electron's login items;
// Linux (and other XDG desktops) get an autostart desktop entry. The app passes HIDDEN_ARG
// so a login start stays in the tray instead of opening the window.
import type { App } from 'electron';
import { isAutostartEnabled, removeAutostartEntry, writeAutostartEntry } from './xdg-autostart';
import type { AutostartTarget } from './xdg-autostart';

export type LoginItemApp = Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;

/** Argument given to the app when the OS starts it at login. */
export const HIDDEN_ARG = '--hidden';

export interface LaunchAtLoginOptions extends AutostartTarget {
  /**
   * Arguments placed before HIDDEN_ARG. Only needed in development, where the executable
   * is the Electron binary and must be told which app to run (app.getAppPath()).
   */
  appArgs?: readonly string[];
}

function uses(platform: NodeJS.Platform): 'electron' | 'xdg' {
  return platform === 'darwin' || platform === 'win32' ? 'electron' : 'xdg';
}

// Windows keys the Run entry by executable and arguments: the same pair must be used to
// set and to read it back, or getLoginItemSettings reports false.
function windowsItem(options: LaunchAtLoginOptions): { path: string; args: string[] } {
  return {
    path: options.execPath ?? process.execPath,
    args: [...(options.appArgs ?? []), HIDDEN_ARG],
  };
}

/** Current state as the OS sees it (the user may have changed it in system settings). */
export async function getLaunchAtLogin(
  electronApp: LoginItemApp,
  platform: NodeJS.Platform = process.platform,
  options: LaunchAtLoginOptions = {},
): Promise<boolean> {
  if (uses(platform) === 'xdg') return isAutostartEnabled(options);
  if (platform === 'win32') {
    return electronApp.getLoginItemSettings(windowsItem(options)).openAtLogin;
  }
  return electronApp.getLoginItemSettings().openAtLogin;
}

/**
 * Turns launch at login on or off and returns the state read back afterwards, so the
 * caller can show the truth (macOS may need the user's approval; a read-only autostart
 * folder throws with the path in the message).
 */
export async function setLaunchAtLogin(
  enabled: boolean,
  electronApp: LoginItemApp,
  platform: NodeJS.Platform = process.platform,
  options: LaunchAtLoginOptions = {},
): Promise<boolean> {
  if (uses(platform) === 'xdg') {
    if (enabled) await writeAutostartEntry([...(options.appArgs ?? []), HIDDEN_ARG], options);
    else await removeAutostartEntry(options);
  } else if (platform === 'win32') {
    electronApp.setLoginItemSettings({ openAtLogin: enabled, ...windowsItem(options) });
  } else {
    // macOS 13+ registers the app bundle itself as a login item (SMAppService); arguments
    // are not supported there, so startedAtLogin() asks wasOpenedAtLogin instead.
    electronApp.setLoginItemSettings({ openAtLogin: enabled });
  }
  return getLaunchAtLogin(electronApp, platform, options);
}

/** Whether this run was started by the OS at login (and should stay in the tray). */
export function startedAtLogin(
  argv: readonly string[],
  electronApp: Pick<App, 'getLoginItemSettings'>,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return platform === 'darwin' && electronApp.getLoginItemSettings().wasOpenedAtLogin;
}
