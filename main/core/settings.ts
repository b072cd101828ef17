// User settings shared by the app and the command line. The token is not here: it lives
// only in the main process's token vault.
import type { LanguageSetting } from './i18n/locale';

export interface Settings {
  /** Gateway base URL; a trailing slash is tolerated. */
  baseUrl: string;
  autoDownload: boolean;
  /** Absolute folder finished videos are downloaded to. */
  downloadDir: string;
  notifications: boolean;
  launchAtLogin: boolean;
  /** Look for new versions on a schedule (and install them on quit where the app can). */
  autoUpdate: boolean;
  /** Shortest gap between two polls of one task, seconds. */
  pollFloorSec: number;
  /** Longest gap between two polls of one task, seconds. */
  pollCapSec: number;
  /** A task still running after this many minutes is marked stalled (and kept). */
  stalledAfterMin: number;
  /** Warn once when the token's credit falls below this many dollars; 0 = off. */
  lowCreditUsd: number;
  /** How requests reach the gateway and the CDN (Settings -> Network). */
  network: NetworkSetting;
  /** Most feed requests per minute; 0: no cap (the rate is learnt from the gateway). */
  pollMaxPerMin: number;
  /** How the window shows tasks: the list of cards, or a two-column grid of posters. */
  taskLayout: TaskLayout;
  /** Settings -> Language: follow the OS ('system'), or always English / 简体中文. */
  language: LanguageSetting;
}

/**
 * `system`: the proxy the OS (or its PAC file) names for each host, as the browser uses;
 * `none`: always connect directly; `manual`: every request through `proxyUrl`. The URL is
 * kept while another mode is chosen, so switching back restores it.
 */
export interface NetworkSetting {
  mode: NetworkMode;
  proxyUrl: string;
}

export const NETWORK_MODES = ['system', 'none', 'manual'] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

export type TaskLayout = 'list' | 'grid';

export const DEFAULT_BASE_URL = 'https://api.gpt.ge';

export function defaultSettings(downloadDir: string): Settings {
  return {
    baseUrl: DEFAULT_BASE_URL,
    autoDownload: true,
    downloadDir,
    notifications: true,
    launchAtLogin: false,
    autoUpdate: true,
    pollFloorSec: 5,
    pollCapSec: 60,
    stalledAfterMin: 60,
    lowCreditUsd: 1,
    network: { mode: 'system', proxyUrl: '' },
    pollMaxPerMin: 0,
    taskLayout: 'list',
    language: 'system',
  };
}
