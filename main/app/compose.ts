// Builds AppServices from the core and a platform's adapters, and connects them: settings
// drive the tracker's timing, feed answers and errors drive the online and token states,
// going offline pauses polling. Electron-free: the app (index.ts) and the plain-Node
// services for tests and the end-to-end harness (node-services.ts) both come through here.
import { createHash } from 'node:crypto';
import { normalizeBaseUrl } from '../core/api/base-url';
import { createCreditService } from '../core/credit/credit-service';
import { createTracker, pollSettingsFrom, type Tracker } from '../core/tasks/create-tracker';
import { createRateMemory } from './settings/rate-memory';
import type { PollSettings } from '../core/tasks/tracker-types';
import type { TaskStore } from '../core/tasks/storage';
import type { Settings } from '../core/settings';
import type { DownloadQueue } from '../core/download';
import type { HttpLayerOptions } from '../core/http/http-layer';
import { mediaAccessFor } from '../core/http/media-access';
import type { ResolveProxyPort } from '../core/http/system-proxy-resolver';
import { createDownloadsService } from './downloads/downloads-service';
import { createOnlineWatch, type OnlineWatch } from './online-watch';
import { createNetworkService, type NetworkService } from './network/network-service';
import { normalizeProxyUrl } from './network/proxy-url-rule';
import { createPauseControl } from './pause-control';
import { effectiveLocale } from '../core/i18n/locale';
import type {
  AppServices,
  ClipboardPort,
  DialogPort,
  DownloadsPort,
  LoginItemPort,
  ShellPort,
  WindowPort,
} from './services';
import { createSettingsPort, type SettingsStorage } from './settings/settings-port';
import { createSwitchingClient } from './switching-client';
import { originOf } from './token/token-origin';
import { createTokenState } from './token/token-state';
import { createTokenVault, type SecretStorage, type TokenCipher } from './token/token-vault';

export interface PlatformPorts {
  settingsStorage: SettingsStorage;
  defaults: Settings;
  secretStorage: SecretStorage;
  cipher: TokenCipher;
  taskStore: TaskStore & { readonly recoveredFrom: string | null };
  /** The settings file was unreadable and set aside here (the user is told, like for tasks). */
  settingsRecoveredFrom?: string | null;
  shell: ShellPort;
  clipboard: ClipboardPort;
  dialog: DialogPort;
  window: WindowPort;
  loginItem: LoginItemPort;
  /** Replaces the real downloader (built once the services exist); rarely needed. */
  downloads?: (services: Omit<AppServices, 'downloads'>) => DownloadsPort;
  /** Downloader tuning (tests shorten retries and timeouts). */
  downloadTuning?: Parameters<typeof createDownloadsService>[0]['tuning'];
  log?: (message: string) => void;
  /** The OS's view of connectivity (Electron: net.isOnline). */
  isOnline(): boolean;
  /** How often to re-check connectivity while offline. */
  onlineRecheckMs?: number;
  clientTimeoutMs?: number;
  /** Timing the user cannot set (first poll delay, budget); tests shorten them. */
  pollOverrides?: Partial<PollSettings>;
  /** Where the learnt request rate is kept per gateway origin (the settings file); none: it
   * is learnt afresh at each start. */
  rateStore?: { get(key: string): unknown; set(key: string, value: unknown): void };
  /** A stored token could not be decrypted and was dropped. */
  onTokenUnreadable?(): void;
  /** Chromium's proxy resolver (session.resolveProxy) for Settings -> Network -> System
   * proxy; without it (plain Node) the system proxy is read from the proxy variables. */
  resolveProxy?: ResolveProxyPort;
  /** Passed to every HTTP layer (tests: a CA made in the test). */
  httpOptions?: HttpLayerOptions;
  /**
   * The OS's preferred languages, most preferred first (Electron:
   * app.getPreferredSystemLanguages()); read whenever Settings -> Language is 'system'.
   * Default: ['en-US'].
   */
  preferredLanguages?: () => readonly string[];
}

export interface ComposedApp {
  services: AppServices;
  tracker: Tracker;
  online: OnlineWatch;
  /** The video download queue (null when a test replaced the downloader). */
  downloadQueue: DownloadQueue | null;
  /** The HTTP layer that follows Settings -> Network (the Electron glue reports wake-ups). */
  network: NetworkService;
  /** Status that does not come from the tracker changed (online, token): push it. */
  onStatusChanged(listener: () => void): () => void;
  close(): Promise<void>;
}

export function composeApp(ports: PlatformPorts): ComposedApp {
  const settings = createSettingsPort({
    storage: ports.settingsStorage,
    defaults: ports.defaults,
    rules: { normalizeBaseUrl, normalizeProxyUrl },
  });
  const vault = createTokenVault(ports.cipher, ports.secretStorage, {
    ...(ports.onTokenUnreadable ? { onUnreadable: ports.onTokenUnreadable } : {}),
    legacyOrigin: () => originOf(settings.get().baseUrl),
  });
  const network = createNetworkService({
    setting: settings.get().network,
    gatewayOrigin: () => settings.get().baseUrl,
    ...(ports.resolveProxy ? { resolveProxy: ports.resolveProxy } : {}),
    ...(ports.httpOptions ? { httpOptions: ports.httpOptions } : {}),
    ...(ports.log ? { log: ports.log } : {}),
  });
  const client = createSwitchingClient({
    baseUrl: () => settings.get().baseUrl,
    getToken: (baseUrl) => vault.tokenFor(originOf(baseUrl)),
    http: network.http,
    ...(ports.clientTimeoutMs !== undefined ? { timeoutMs: ports.clientTimeoutMs } : {}),
  });
  const tracker = createTracker({
    source: client,
    store: ports.taskStore,
    settings: { ...pollSettingsFrom(settings.get()), ...ports.pollOverrides },
    ...(ports.rateStore
      ? {
          rateMemory: createRateMemory({
            store: ports.rateStore,
            baseUrl: () => settings.get().baseUrl,
          }),
        }
      : {}),
  });
  const statusListeners = new Set<() => void>();
  const statusChanged = (): void => {
    for (const listener of statusListeners) listener();
  };
  const pauses = createPauseControl(tracker);
  const tokenState = createTokenState({
    hasToken: () => vault.has(),
    trackerRejected: () => tracker.status().tokenRejected,
  });
  // The credit follows the base URL and token; the token is only ever hashed here.
  const credit = createCreditService({
    source: client,
    baseUrl: () => settings.get().baseUrl,
    identity: () => {
      const origin = vault.origin();
      const token = origin === null ? null : vault.tokenFor(origin);
      if (token === null) return null;
      const hash = createHash('sha256').update(token).digest('hex').slice(0, 32);
      return `${settings.get().baseUrl}\n${hash}`;
    },
    onTokenAnswer: (state) => tokenState.record(state),
    ...(ports.log ? { log: ports.log } : {}),
  });
  const online = createOnlineWatch({
    isOnline: ports.isOnline,
    ...(ports.onlineRecheckMs !== undefined ? { recheckMs: ports.onlineRecheckMs } : {}),
    onChange: (isOnline) => {
      // Another network may name another proxy (or none).
      network.networkChanged();
      pauses.set('offline', !isOnline);
      statusChanged();
    },
  });

  const unsubscribe: (() => void)[] = [];
  unsubscribe.push(
    settings.onChange((next, previous) => {
      const timing = pollSettingsFrom(next);
      const before = pollSettingsFrom(previous);
      if (JSON.stringify(timing) !== JSON.stringify(before)) tracker.updateSettings(timing);
      network.apply(next.network);
      // A different gateway may take the token it refused: let polling try again.
      if (next.baseUrl !== previous.baseUrl) {
        tokenState.reset();
        tracker.tokenChanged();
      }
    }),
    tokenState.onChange(statusChanged),
    pauses.onChange(statusChanged),
    // A new base URL: the old credit is void (asked again at the next trigger). A new token
    // is handled where it is saved (handlers/token.ts).
    settings.onChange(() => credit.sync()),
    network.onProxyProblem(statusChanged),
  );
  // The status carries words (the proxy problem): the window gets them in the new language.
  unsubscribe.push(
    settings.onChange((next, previous) => {
      if (next.language !== previous.language) statusChanged();
    }),
  );
  const onFinished = (): void => void credit.refresh('finished');
  tracker.on('finished', onFinished);
  const onTrackerStatus = (): void => tokenState.refresh();
  const onChanged = (task: { lastError: unknown }, keys: readonly string[]): void => {
    if (!keys.includes('lastCheckedAt') || task.lastError !== null) return;
    // An answer from the feed: we are online and the token works.
    online.answered();
    tokenState.record('accepted');
  };
  const onError = (_id: string, error: { kind: string }): void => {
    if (error.kind === 'network') online.networkFailed();
    else online.answered();
  };
  tracker.on('status', onTrackerStatus);
  tracker.on('changed', onChanged);
  tracker.on('error', onError);

  const partial = {
    tracker,
    pauses,
    settings,
    vault,
    tokenState,
    client,
    shell: ports.shell,
    clipboard: ports.clipboard,
    dialog: ports.dialog,
    window: ports.window,
    loginItem: ports.loginItem,
    credit,
    network,
    locale: () =>
      effectiveLocale(settings.get().language, ports.preferredLanguages?.() ?? ['en-US']),
    status: {
      online: () => online.online(),
      storeRecoveredFrom: () =>
        ports.taskStore.recoveredFrom ?? ports.settingsRecoveredFrom ?? null,
    },
  };
  const realDownloads = ports.downloads
    ? null
    : createDownloadsService({
        tracker,
        settings,
        client,
        access: () => mediaAccessFor(network.http, settings.get().baseUrl),
        ...(ports.downloadTuning ? { tuning: ports.downloadTuning } : {}),
        ...(ports.log ? { log: ports.log } : {}),
      });
  const services: AppServices = {
    ...partial,
    downloads: ports.downloads ? ports.downloads(partial) : realDownloads!,
  };

  return {
    services,
    tracker,
    online,
    downloadQueue: realDownloads?.queue ?? null,
    network,
    onStatusChanged(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    async close() {
      for (const off of unsubscribe) off();
      tracker.off('status', onTrackerStatus);
      tracker.off('changed', onChanged);
      tracker.off('error', onError);
      tracker.off('finished', onFinished);
      credit.close();
      online.close();
      realDownloads?.close();
      // Cancelled downloads close their .part and release their file locks before we go.
      if (realDownloads) {
        await Promise.race([
          realDownloads.queue.idle(),
          new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
        ]);
      }
      await tracker.close();
      network.close();
    },
  };
}
