// An in-memory PikaBridge for component tests: records every call, answers from plain state,
// and lets a test push main's events. (End-to-end tests use the real preload and main.)
import type {
  AddTasksResult,
  AppStatus,
  CreditView,
  EventChannels,
  Navigation,
  PikaBridge,
  SettingsView,
  TaskChange,
  NetworkSetting,
  NetworkTestResult,
  TokenTestResult,
  TrackedTask,
  View,
  Locale,
} from '../../../preload/contract';

type Listeners = { [K in keyof EventChannels]: Set<(p: EventChannels[K]) => void> };

export interface FakeBridge extends PikaBridge {
  calls: { method: string; args: unknown[] }[];
  state: {
    tasks: TrackedTask[];
    status: AppStatus;
    settings: SettingsView;
    addResult: (text: string) => AddTasksResult;
    testResult: TokenTestResult;
    networkTestResult: (network: NetworkSetting) => NetworkTestResult;
    /** When set, settings.update rejects with this message. */
    updateError: string | null;
    /** What main would resolve Settings -> Language 'system' to. */
    systemLocale: Locale;
    /** What app.takeNavigation answers (main's navigation from before the page listened). */
    pendingNavigation: Navigation | null;
    /** Finished videos not downloaded, as main would count them. */
    notDownloaded: number;
    /** What credit.refresh answers. */
    credit: CreditView;
  };
  emit<K extends keyof EventChannels>(channel: K, payload: EventChannels[K]): void;
  listenerCount(channel: keyof EventChannels): number;
}

export function defaultStatus(partial: Partial<AppStatus> = {}): AppStatus {
  return {
    paused: false,
    online: true,
    tokenState: 'accepted',
    activeCount: 0,
    storeRecoveredFrom: null,
    ...partial,
  };
}

export function createFakeBridge(init: Partial<FakeBridge['state']> = {}): FakeBridge {
  const listeners: Listeners = {
    'tasks:changed': new Set(),
    'app:status': new Set(),
    'app:focus-task': new Set(),
    'app:navigate': new Set(),
    'drag:refused': new Set(),
    'credit:changed': new Set(),
  };
  const calls: FakeBridge['calls'] = [];
  const state: FakeBridge['state'] = {
    tasks: [],
    status: defaultStatus(),
    settings: {
      settings: {
        baseUrl: 'https://api.gpt.ge',
        autoDownload: true,
        downloadDir: '/home/u/Videos/Pika',
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
      },
      locale: 'en',
      hasToken: true,
      tokenState: 'accepted',
      tokenProtection: 'os',
      limits: {
        pollFloorSec: { min: 2, max: 600 },
        pollCapSec: { min: 5, max: 3600 },
        stalledAfterMin: { min: 5, max: 1440 },
        pollMaxPerMin: { min: 0, max: 6000 },
      },
    },
    addResult: () => ({ added: [], duplicates: [], errors: [] }),
    testResult: { result: 'accepted' },
    networkTestResult: () => ({ result: 'reached', message: 'The gateway answered.' }),
    updateError: null,
    systemLocale: 'en',
    pendingNavigation: null,
    notDownloaded: 0,
    credit: {
      status: 'none',
      credit: null,
      checkedAt: null,
      message: null,
      topUpUrl: null,
      refreshing: false,
    },
    ...init,
  };
  const record = (method: string, args: unknown[]) => calls.push({ method, args });
  const on =
    <K extends keyof EventChannels>(channel: K) =>
    (l: (p: EventChannels[K]) => void) => {
      listeners[channel].add(l);
      return () => {
        listeners[channel].delete(l);
      };
    };
  const answer =
    <A extends unknown[], R>(method: string, fn: (...args: A) => R) =>
    async (...args: A): Promise<Awaited<R>> => {
      record(method, args);
      return await fn(...args);
    };

  return {
    calls,
    state,
    emit(channel, payload) {
      for (const l of [...listeners[channel]]) (l as (p: typeof payload) => void)(payload);
    },
    listenerCount: (channel) => listeners[channel].size,
    tasks: {
      list: answer('tasks.list', () => [...state.tasks]),
      add: answer('tasks.add', (text: string) => state.addResult(text)),
      remove: answer('tasks.remove', (_id: string) => undefined),
      recheck: answer('tasks.recheck', (_id: string) => undefined),
      markSeen: answer('tasks.markSeen', (_ids: string[]) => undefined),
      download: answer('tasks.download', () => undefined),
      countNotDownloaded: answer('tasks.countNotDownloaded', () => state.notDownloaded),
      downloadAllFinished: answer('tasks.downloadAllFinished', () => {
        const started = state.notDownloaded;
        state.notDownloaded = 0;
        return started;
      }),
      openFile: answer('tasks.openFile', () => undefined),
      revealFile: answer('tasks.revealFile', () => undefined),
      openLink: answer('tasks.openLink', () => undefined),
      startDrag: (ref) => record('tasks.startDrag', [ref]),
      onChange: on('tasks:changed') as (l: (c: TaskChange[]) => void) => () => void,
      onDragRefused: on('drag:refused'),
    },
    settings: {
      get: answer('settings.get', () => state.settings),
      update: answer('settings.update', (patch: Partial<SettingsView['settings']>) => {
        if (state.updateError) throw new Error(state.updateError);
        const settings = { ...state.settings.settings, ...patch };
        // Main resolves 'system' from the OS; the fake OS speaks what the view last said.
        const locale = settings.language === 'system' ? state.systemLocale : settings.language;
        state.settings = { ...state.settings, settings, locale };
        return state.settings;
      }),
      // Main picks and saves the folder itself, then answers with the new view.
      chooseFolder: answer('settings.chooseFolder', () => {
        state.settings = {
          ...state.settings,
          settings: { ...state.settings.settings, downloadDir: '/chosen' },
        };
        return state.settings;
      }),
      setToken: answer('settings.setToken', (_token: string) => {
        state.settings = { ...state.settings, hasToken: true, tokenState: 'unchecked' };
        return state.settings;
      }),
      clearToken: answer('settings.clearToken', () => {
        state.settings = { ...state.settings, hasToken: false, tokenState: 'missing' };
        return state.settings;
      }),
      testToken: answer('settings.testToken', () => state.testResult),
      testNetwork: answer('settings.testNetwork', (network: NetworkSetting) =>
        state.networkTestResult(network),
      ),
    },
    polling: {
      pause: answer('polling.pause', () => (state.status = { ...state.status, paused: true })),
      resume: answer('polling.resume', () => (state.status = { ...state.status, paused: false })),
    },
    app: {
      status: answer('app.status', () => state.status),
      onStatus: on('app:status'),
      onFocusTask: on('app:focus-task'),
      onNavigate: on('app:navigate') as (l: (v: View) => void) => () => void,
      copyText: answer('app.copyText', (_t: string) => undefined),
      hideWindow: answer('app.hideWindow', () => undefined),
      takeNavigation: answer('app.takeNavigation', () => state.pendingNavigation),
    },
    generate: {
      create: answer('generate.create', () => ({
        outcome: 'unknown' as const,
        message: 'not in tests',
      })),
    },
    credit: {
      refresh: answer('credit.refresh', (_reason: 'open' | 'manual') => state.credit),
      openTopUp: answer('credit.openTopUp', () => undefined),
      onChange: on('credit:changed'),
    },
  };
}

export function callsTo(bridge: FakeBridge, method: string): unknown[][] {
  return bridge.calls.filter((c) => c.method === method).map((c) => c.args);
}
