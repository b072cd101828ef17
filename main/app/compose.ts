// Builds AppServices from the core and a platform's adapters, and connects them: settings
// drive the tracker's timing, feed answers and errors drive the online and token states,
// going offline pauses polling. Electron-free: the app (index.ts) and the plain-Node
// services for tests and the end-to-end harness (node-services.ts) both come through here.
import { normalizeBaseUrl } from '../core/api/base-url';
import { createTracker, pollSettingsFrom, type Tracker } from '../core/tasks/create-tracker';
import { createRateMemory } from './settings/rate-memory';
import type { PollSettings } from '../core/tasks/tracker-types';
import type { TaskStore } from '../core/tasks/storage';
import type { Settings } from '../core/settings';
import { createDownloadsService } from './downloads/downloads-service';
import { createOnlineWatch, type OnlineWatch } from './online-watch';
import { createPauseControl } from './pause-control';
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
}

export interface ComposedApp {
  services: AppServices;
  tracker: Tracker;
  online: OnlineWatch;
  /** Status that does not come from the tracker changed (online, token): push it. */
  onStatusChanged(listener: () => void): () => void;
  close(): Promise<void>;
}

export function composeApp(ports: PlatformPorts): ComposedApp {
  const settings = createSettingsPort({
    storage: ports.settingsStorage,
    defaults: ports.defaults,
    rules: { normalizeBaseUrl },
  });
  const vault = createTokenVault(ports.cipher, ports.secretStorage, {
    ...(ports.onTokenUnreadable ? { onUnreadable: ports.onTokenUnreadable } : {}),
  });
  const client = createSwitchingClient({
    baseUrl: () => settings.get().baseUrl,
    getToken: () => vault.get(),
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
  const online = createOnlineWatch({
    isOnline: ports.isOnline,
    ...(ports.onlineRecheckMs !== undefined ? { recheckMs: ports.onlineRecheckMs } : {}),
    onChange: (isOnline) => {
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
      // A different gateway may take the token it refused: let polling try again.
      if (next.baseUrl !== previous.baseUrl) {
        tokenState.reset();
        tracker.tokenChanged();
      }
    }),
    tokenState.onChange(statusChanged),
    pauses.onChange(statusChanged),
  );
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
    onStatusChanged(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    async close() {
      for (const off of unsubscribe) off();
      tracker.off('status', onTrackerStatus);
      tracker.off('changed', onChanged);
      tracker.off('error', onError);
      online.close();
      realDownloads?.close();
      await tracker.close();
    },
  };
}
