// User settings shared by the app and the command line. The token is not here: it lives
// only in the main process's token vault.

export interface Settings {
  /** Gateway base URL; a trailing slash is tolerated. */
  baseUrl: string;
  autoDownload: boolean;
  /** Absolute folder finished videos are downloaded to. */
  downloadDir: string;
  notifications: boolean;
  launchAtLogin: boolean;
  /** Shortest gap between two polls of one task, seconds. */
  pollFloorSec: number;
  /** Longest gap between two polls of one task, seconds. */
  pollCapSec: number;
  /** A task still running after this many minutes is marked stalled (and kept). */
  stalledAfterMin: number;
  /** How the window shows tasks: the list of cards, or a two-column grid of posters. */
  taskLayout: TaskLayout;
}

export type TaskLayout = 'list' | 'grid';

export const DEFAULT_BASE_URL = 'https://api.gpt.ge';

export function defaultSettings(downloadDir: string): Settings {
  return {
    baseUrl: DEFAULT_BASE_URL,
    autoDownload: true,
    downloadDir,
    notifications: true,
    launchAtLogin: false,
    pollFloorSec: 5,
    pollCapSec: 60,
    stalledAfterMin: 60,
    taskLayout: 'list',
  };
}
