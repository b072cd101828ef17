// The one IPC contract. Every channel between main and renderer is named here with its
// request and response types; main, preload and renderer all compile against it, and the
// checks at the bottom fail the build when a channel is named but not mapped (or mapped
// but not named). Only types and channel names live here: it is bundled into the preload.
import type { PikaErrorKind } from '../main/core/api/errors';
import type { GenerateRequest } from '../main/core/api/types';
import type { TrackedTask } from '../main/core/tasks/model';
import type { NetworkSetting, Settings } from '../main/core/settings';
import type { CreditView } from '../main/core/credit/types';
import type { Locale } from '../main/core/i18n/locale';

export type { TrackedTask, TaskState, VideoDownload, TaskError } from '../main/core/tasks/model';
export type { FeedVideo, VideoState, GenerateRequest } from '../main/core/api/types';
export type { Settings, NetworkSetting, NetworkMode, TaskLayout } from '../main/core/settings';
export type { CreditView, CreditAmounts } from '../main/core/credit/types';
/** The credit view before main's first answer (no reading yet). */
export { NO_CREDIT_VIEW } from '../main/core/credit/types';
export type { Locale, LanguageSetting } from '../main/core/i18n/locale';

/** Why the renderer asks for the credit: the window was shown, or the Refresh button. */
export type CreditAsk = 'open' | 'manual';

/** Names one video of one task. */
export interface VideoRef {
  taskId: string;
  videoId: string;
}

export interface AddTasksResult {
  added: TrackedTask[];
  /** Ids that were already tracked (or repeated in the input). */
  duplicates: string[];
  /** Parts of the input that are not a task id, with why. */
  errors: { input: string; message: string }[];
}

/** A change to the task list. Progress ticks travel as patches, not whole lists. */
export type TaskChange =
  | { type: 'upsert'; task: TrackedTask }
  | { type: 'patch'; id: string; patch: Partial<TrackedTask> }
  | { type: 'remove'; id: string };

/** Whether the token works, as far as main knows. The token itself never crosses IPC. */
export type TokenState = 'missing' | 'unchecked' | 'accepted' | 'rejected';

/** How the token is protected at rest. `basic_text` = Linux without a keyring: weak. */
export type TokenProtection = 'os' | 'basic_text' | 'unavailable';

/** The numeric settings main accepts, by field: the form offers exactly this range. */
export type SettingLimits = Record<
  'pollFloorSec' | 'pollCapSec' | 'stalledAfterMin' | 'pollMaxPerMin',
  { min: number; max: number }
>;

export interface SettingsView {
  settings: Settings;
  hasToken: boolean;
  tokenState: TokenState;
  tokenProtection: TokenProtection;
  limits: SettingLimits;
  /**
   * The language the window speaks: Settings -> Language, or, for 'system', what main
   * resolved from the OS's preferred languages.
   */
  locale: Locale;
  /**
   * The origin the saved token is bound to, when that is not the base URL's: the token is
   * not sent until the user confirms in main's dialog or saves it again. Absent otherwise.
   */
  tokenSavedFor?: string;
}

export type TokenTestResult =
  | { result: 'accepted' }
  | { result: 'rejected'; message: string }
  | { result: 'unreachable'; message: string };

/**
 * What Settings -> Network -> Test found: the gateway answered (any HTTP answer counts), the
 * proxy failed (refused, 407, could not reach the host; the message names the proxy, never
 * its password), or the gateway could not be reached at all.
 */
export type NetworkTestResult =
  | { result: 'reached'; message: string }
  | { result: 'proxy-failed'; message: string }
  | { result: 'unreachable'; message: string };

export interface AppStatus {
  paused: boolean;
  online: boolean;
  /**
   * The gateway's requests fail at the proxy (refused, 407, cannot reach the host): the
   * proxy as scheme://host:port and why, never its password. Absent or null otherwise.
   */
  proxyProblem?: { proxy: string; message: string } | null;
  tokenState: TokenState;
  activeCount: number;
  /** The store was unreadable and set aside at this path; the user should be told once. */
  storeRecoveredFrom: string | null;
}

export type GenerateOutcome =
  | { outcome: 'created'; task: TrackedTask }
  | {
      outcome: 'rejected';
      kind: PikaErrorKind;
      message: string;
      field?: string;
      /** Refused for quota: the gateway's top-up page, when the gateway is known. */
      topUpUrl?: string;
    }
  /** No answer came: the generation may or may not have started (and been billed). */
  | { outcome: 'unknown'; message: string };

export type View = 'tasks' | 'settings' | 'new';

/** Where main wants the window: on a view, or on one task (which shows the task list). */
export type Navigation = { view: View } | { taskId: string };

/** What the renderer may change in one go: not the download folder (see choose-folder). */
export type SettingsPatch = Partial<Omit<Settings, 'downloadDir'>>;

/** renderer -> main, answered. `args` is the argument tuple, `result` the resolved value. */
export interface InvokeChannels {
  'tasks:list': { args: []; result: TrackedTask[] };
  'tasks:add': { args: [text: string]; result: AddTasksResult };
  'tasks:remove': { args: [taskId: string]; result: void };
  'tasks:recheck': { args: [taskId: string]; result: void };
  'tasks:mark-seen': { args: [taskIds: string[]]; result: void };
  'tasks:download': { args: [ref: VideoRef]; result: void };
  /** How many finished videos are not saved (offered when auto-download is turned on). */
  'tasks:count-not-downloaded': { args: []; result: number };
  /** Starts downloading every finished video not saved; answers how many were started. */
  'tasks:download-all-finished': { args: []; result: number };
  'tasks:open-file': { args: [ref: VideoRef]; result: void };
  'tasks:reveal-file': { args: [ref: VideoRef]; result: void };
  /** Opens the video's link in the browser: main looks the URL up from the task. */
  'tasks:open-link': { args: [ref: VideoRef]; result: void };
  'settings:get': { args: []; result: SettingsView };
  /** Every setting but the download folder, which only main's folder picker changes. */
  'settings:update': { args: [patch: SettingsPatch]; result: SettingsView };
  /** Shows main's folder picker and saves the choice: the new view, or null when cancelled. */
  'settings:choose-folder': { args: []; result: SettingsView | null };
  'token:set': { args: [token: string]; result: SettingsView };
  'token:clear': { args: []; result: SettingsView };
  'token:test': { args: []; result: TokenTestResult };
  /** Reaches the gateway through the given network setting (saved or not). */
  'network:test': { args: [network: NetworkSetting]; result: NetworkTestResult };
  'polling:pause': { args: []; result: AppStatus };
  'polling:resume': { args: []; result: AppStatus };
  'app:status': { args: []; result: AppStatus };
  'app:copy-text': { args: [text: string]; result: void };
  'app:hide-window': { args: []; result: void };
  /** The renderer listens now: hands over a navigation main asked for before it did. */
  'app:take-navigation': { args: []; result: Navigation | null };
  'generate:create': {
    args: [request: GenerateRequest, requestId: string];
    result: GenerateOutcome;
  };
  /** Asks for the token's credit (main decides whether a request is due); the view now. */
  'credit:refresh': { args: [reason: CreditAsk]; result: CreditView };
  /** Opens the top-up page main knows for the current gateway (none: does nothing). */
  'credit:open-top-up': { args: []; result: void };
}

/** renderer -> main, fire and forget. */
export interface SendChannels {
  /** Must be sent from a dragstart handler: main calls webContents.startDrag at once. */
  'drag:start': [ref: VideoRef];
}

/** main -> renderer pushes. */
export interface EventChannels {
  'tasks:changed': TaskChange[];
  'app:status': AppStatus;
  'app:focus-task': string;
  'app:navigate': View;
  /** A drag could not start (not downloaded yet, file missing): say why. */
  'drag:refused': { ref: VideoRef; message: string };
  /** The credit view changed (a reading came, the token or base URL changed). */
  'credit:changed': CreditView;
}

export type InvokeChannel = keyof InvokeChannels;
export type SendChannel = keyof SendChannels;
export type EventChannel = keyof EventChannels;

/** Every channel by a code-friendly name. Values must cover every channel exactly once. */
export const CHANNELS = {
  invoke: {
    listTasks: 'tasks:list',
    addTasks: 'tasks:add',
    removeTask: 'tasks:remove',
    recheckTask: 'tasks:recheck',
    markSeen: 'tasks:mark-seen',
    download: 'tasks:download',
    countNotDownloaded: 'tasks:count-not-downloaded',
    downloadAllFinished: 'tasks:download-all-finished',
    openFile: 'tasks:open-file',
    revealFile: 'tasks:reveal-file',
    openLink: 'tasks:open-link',
    getSettings: 'settings:get',
    updateSettings: 'settings:update',
    chooseFolder: 'settings:choose-folder',
    setToken: 'token:set',
    clearToken: 'token:clear',
    testToken: 'token:test',
    testNetwork: 'network:test',
    pausePolling: 'polling:pause',
    resumePolling: 'polling:resume',
    status: 'app:status',
    copyText: 'app:copy-text',
    hideWindow: 'app:hide-window',
    takeNavigation: 'app:take-navigation',
    generate: 'generate:create',
    refreshCredit: 'credit:refresh',
    openTopUp: 'credit:open-top-up',
  },
  send: { startDrag: 'drag:start' },
  event: {
    tasksChanged: 'tasks:changed',
    status: 'app:status',
    focusTask: 'app:focus-task',
    navigate: 'app:navigate',
    dragRefused: 'drag:refused',
    creditChanged: 'credit:changed',
  },
} as const satisfies {
  invoke: Record<string, InvokeChannel>;
  send: Record<string, SendChannel>;
  event: Record<string, EventChannel>;
};

/**
 * `true` when `Named` names every member of `All`; otherwise an object naming the missing
 * ones, which is not assignable to `true` (so the compiler error lists them).
 */
export type Coverage<All, Named> = [Exclude<All, Named>] extends [never]
  ? true
  : { missing: Exclude<All, Named> };
type Values<T> = T[keyof T];

// Compile-time coverage: a channel declared above but missing from CHANNELS fails here
// (preload/contract.test.ts shows that it does).
const coverage: { invoke: true; send: true; event: true } = {} as {
  invoke: Coverage<InvokeChannel, Values<typeof CHANNELS.invoke>>;
  send: Coverage<SendChannel, Values<typeof CHANNELS.send>>;
  event: Coverage<EventChannel, Values<typeof CHANNELS.event>>;
};
void coverage;

export type Unsubscribe = () => void;

/**
 * What the preload exposes as `window.pika`: intents, not channels. Subscriptions hand the
 * payload only (never the IPC event) and return an unsubscribe function.
 */
export interface PikaBridge {
  tasks: {
    list(): Promise<TrackedTask[]>;
    add(text: string): Promise<AddTasksResult>;
    remove(taskId: string): Promise<void>;
    recheck(taskId: string): Promise<void>;
    markSeen(taskIds: string[]): Promise<void>;
    download(ref: VideoRef): Promise<void>;
    countNotDownloaded(): Promise<number>;
    downloadAllFinished(): Promise<number>;
    openFile(ref: VideoRef): Promise<void>;
    revealFile(ref: VideoRef): Promise<void>;
    openLink(ref: VideoRef): Promise<void>;
    startDrag(ref: VideoRef): void;
    onChange(listener: (changes: TaskChange[]) => void): Unsubscribe;
    onDragRefused(listener: (info: EventChannels['drag:refused']) => void): Unsubscribe;
  };
  settings: {
    get(): Promise<SettingsView>;
    update(patch: SettingsPatch): Promise<SettingsView>;
    chooseFolder(): Promise<SettingsView | null>;
    setToken(token: string): Promise<SettingsView>;
    clearToken(): Promise<SettingsView>;
    testToken(): Promise<TokenTestResult>;
    testNetwork(network: NetworkSetting): Promise<NetworkTestResult>;
  };
  polling: {
    pause(): Promise<AppStatus>;
    resume(): Promise<AppStatus>;
  };
  app: {
    status(): Promise<AppStatus>;
    onStatus(listener: (status: AppStatus) => void): Unsubscribe;
    onFocusTask(listener: (taskId: string) => void): Unsubscribe;
    onNavigate(listener: (view: View) => void): Unsubscribe;
    copyText(text: string): Promise<void>;
    hideWindow(): Promise<void>;
    /** Ask once the navigation listeners are set: what main wanted before they were. */
    takeNavigation(): Promise<Navigation | null>;
  };
  generate: {
    create(request: GenerateRequest, requestId: string): Promise<GenerateOutcome>;
  };
  credit: {
    refresh(reason: CreditAsk): Promise<CreditView>;
    /** The page is looked up by main from the base URL; the renderer names no URL. */
    openTopUp(): Promise<void>;
    onChange(listener: (view: CreditView) => void): Unsubscribe;
  };
}

/** The global name the bridge is exposed under. */
export const BRIDGE_KEY = 'pika';
