// The ports the IPC handlers need. Everything here is plain data and functions, so the real
// handlers run in plain Node (tests, the end-to-end harness) with Electron's own objects
// swapped for stand-ins; main/app/index.ts fills them with the Electron adapters.
import type { RouteAnswer } from '../core/api/client';
import type { FeedSource, GenerateRequest } from '../core/api/types';
import type { CreditService } from '../core/credit/credit-service';
import type { Locale } from '../core/i18n/locale';
import type { Settings } from '../core/settings';
import { textOf } from '../core/text/text-error';
import type { TaskTracker } from '../core/tasks/tracker-types';
import type { NetworkService } from './network/network-service';
import type { PauseControl } from './pause-control';
import type {
  AppStatus,
  Navigation,
  TokenProtection,
  TokenState,
  VideoRef,
} from '../../preload/contract';

export interface SettingsPort {
  get(): Settings;
  /** Validates the patch as a whole (nothing is written when any field is bad). */
  update(patch: Partial<Settings>): Settings;
  /** Called after every successful update with the new and previous settings. */
  onChange(listener: (next: Settings, previous: Settings) => void): () => void;
}

export interface TokenVault {
  has(): boolean;
  /** The origin the saved token is bound to (null: none, or no token). */
  origin(): string | null;
  /**
   * The token for the HTTP client only, and only for the origin it is bound to: null for
   * any other origin. Never handed to the renderer.
   */
  tokenFor(origin: string): string | null;
  /** Saves a token bound to the origin it is meant for. */
  set(token: string, origin: string): void;
  /** Binds the saved token to another origin (after the user confirmed it in main). */
  bind(origin: string): void;
  clear(): void;
  /** How the stored token is protected at rest. */
  protection(): TokenProtection;
}

export interface TokenStatePort {
  get(): TokenState;
  /** Record what a token test or a feed answer showed about the current token. */
  record(state: 'accepted' | 'rejected'): void;
  /** A new token was saved (or the token was cleared): what we knew is void. */
  reset(): void;
  onChange(listener: (state: TokenState) => void): () => void;
}

/** The HTTP client, as far as the handlers use it. */
export interface PikaClientPort extends FeedSource {
  generate(request: GenerateRequest, opts?: { signal?: AbortSignal }): Promise<{ id: string }>;
  /** Another route of the gateway (the billing routes of core/credit). */
  getRoute(path: string, opts?: { signal?: AbortSignal }): Promise<RouteAnswer>;
}

export interface ShellPort {
  openExternal(url: string): Promise<void>;
  /** Resolves to an error message, or '' on success (Electron's shell.openPath contract). */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

export interface ClipboardPort {
  writeText(text: string): void;
}

export interface DialogPort {
  /** Lets the user pick a folder; null when cancelled. */
  chooseFolder(current: string): Promise<string | null>;
  /**
   * Asks the user, in a native dialog, whether the token saved for `from` may be sent to
   * `to` (the base URL's origin changed). True only for an explicit yes.
   */
  confirmTokenOrigin(from: string | null, to: string): Promise<boolean>;
}

export interface WindowPort {
  hide(): void;
  /** The navigation that waited for the renderer to listen (see navigation-mailbox.ts). */
  takeNavigation(): Navigation | null;
}

export interface DownloadsPort {
  /** Starts (or restarts) downloading one video; resolves once it has been started. */
  start(ref: VideoRef): Promise<void>;
  /** Finished videos not saved and not downloading now (offered when auto-download is
   * turned on). */
  notDownloaded(): VideoRef[];
  /** Starts every one of `notDownloaded()`; resolves with how many were started. */
  downloadAllFinished(): Promise<number>;
}

export interface LoginItemPort {
  /** Turns launch at login on or off; resolves with the state read back from the OS. */
  set(enabled: boolean): Promise<boolean>;
}

export interface StatusSource {
  online(): boolean;
  /** The task store was unreadable and set aside here; null when all was well. */
  storeRecoveredFrom(): string | null;
}

export interface AppServices {
  tracker: TaskTracker;
  /** Pause reasons combined over the tracker's one switch; the handlers use 'user'. */
  pauses: PauseControl;
  settings: SettingsPort;
  vault: TokenVault;
  tokenState: TokenStatePort;
  client: PikaClientPort;
  shell: ShellPort;
  clipboard: ClipboardPort;
  dialog: DialogPort;
  window: WindowPort;
  downloads: DownloadsPort;
  loginItem: LoginItemPort;
  status: StatusSource;
  /** The token's credit, asked for sparingly (core/credit). */
  credit: CreditService;
  /** The HTTP layer that follows Settings -> Network, and what its proxy meets. */
  network: Pick<NetworkService, 'layerFor' | 'proxyProblem'>;
  /** The language the app speaks now: Settings -> Language, or the OS's for 'system'. */
  locale(): Locale;
}

/** The status pushed to and asked for by the renderer, built from the services. */
export function appStatusOf(services: AppServices): AppStatus {
  const tracker = services.tracker.status();
  return {
    // The user's pause: polling stopped by sleep or a lost connection shows as `online`
    // (or not at all), so "Resume" in the UI always means something.
    paused: services.pauses.has('user'),
    online: services.status.online(),
    tokenState: services.tokenState.get(),
    activeCount: tracker.activeCount,
    storeRecoveredFrom: services.status.storeRecoveredFrom(),
    proxyProblem: proxyProblemOf(services),
  };
}

function proxyProblemOf(services: AppServices): AppStatus['proxyProblem'] {
  const problem = services.network.proxyProblem();
  // In the window's language when the proxy error carried its words as data.
  return problem ? { proxy: problem.proxy, message: textOf(problem, services.locale()) } : null;
}
