// The one IPC contract. Every channel between main and renderer is named here with its
// request and response types; main, preload and renderer all compile against it, and the
// checks at the bottom fail the build when a channel is named but not mapped (or mapped
// but not named). Only types and channel names live here: it is bundled into the preload.
import type { PikaErrorKind } from '../main/core/api/errors';
import type { GenerateRequest } from '../main/core/api/types';
import type { TrackedTask } from '../main/core/tasks/model';
import type { Settings } from '../main/core/settings';

export type { TrackedTask, TaskState, VideoDownload, TaskError } from '../main/core/tasks/model';
export type { FeedVideo, VideoState, GenerateRequest } from '../main/core/api/types';
export type { Settings, TaskLayout } from '../main/core/settings';

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
  'pollFloorSec' | 'pollCapSec' | 'stalledAfterMin',
  { min: number; max: number }
>;

export interface SettingsView {
  settings: Settings;
  hasToken: boolean;
  tokenState: TokenState;
  tokenProtection: TokenProtection;
  limits: SettingLimits;
}

export type TokenTestResult =
  | { result: 'accepted' }
  | { result: 'rejected'; message: string }
  | { result: 'unreachable'; message: string };

export interface AppStatus {
  paused: boolean;
  online: boolean;
  tokenState: TokenState;
  activeCount: number;
  /** The store was unreadable and set aside at this path; the user should be told once. */
  storeRecoveredFrom: string | null;
}

export type GenerateOutcome =
  | { outcome: 'created'; task: TrackedTask }
  | { outcome: 'rejected'; kind: PikaErrorKind; message: string; field?: string }
  /** No answer came: the generation may or may not have started (and been billed). */
  | { outcome: 'unknown'; message: string };

export type View = 'tasks' | 'settings' | 'new';

/** Where main wants the window: on a view, or on one task (which shows the task list). */
export type Navigation = { view: View } | { taskId: string };

/** renderer -> main, answered. `args` is the argument tuple, `result` the resolved value. */
export interface InvokeChannels {
  'tasks:list': { args: []; result: TrackedTask[] };
  'tasks:add': { args: [text: string]; result: AddTasksResult };
  'tasks:remove': { args: [taskId: string]; result: void };
  'tasks:recheck': { args: [taskId: string]; result: void };
  'tasks:mark-seen': { args: [taskIds: string[]]; result: void };
  'tasks:download': { args: [ref: VideoRef]; result: void };
  'tasks:open-file': { args: [ref: VideoRef]; result: void };
  'tasks:reveal-file': { args: [ref: VideoRef]; result: void };
  'settings:get': { args: []; result: SettingsView };
  'settings:update': { args: [patch: Partial<Settings>]; result: SettingsView };
  'settings:choose-folder': { args: []; result: string | null };
  'token:set': { args: [token: string]; result: SettingsView };
  'token:clear': { args: []; result: SettingsView };
  'token:test': { args: []; result: TokenTestResult };
  'polling:pause': { args: []; result: AppStatus };
  'polling:resume': { args: []; result: AppStatus };
  'app:status': { args: []; result: AppStatus };
  'app:open-external': { args: [url: string]; result: void };
  'app:copy-text': { args: [text: string]; result: void };
  'app:hide-window': { args: []; result: void };
  /** The renderer listens now: hands over a navigation main asked for before it did. */
  'app:take-navigation': { args: []; result: Navigation | null };
  'generate:create': {
    args: [request: GenerateRequest, requestId: string];
    result: GenerateOutcome;
  };
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
    openFile: 'tasks:open-file',
    revealFile: 'tasks:reveal-file',
    getSettings: 'settings:get',
    updateSettings: 'settings:update',
    chooseFolder: 'settings:choose-folder',
    setToken: 'token:set',
    clearToken: 'token:clear',
    testToken: 'token:test',
    pausePolling: 'polling:pause',
    resumePolling: 'polling:resume',
    status: 'app:status',
    openExternal: 'app:open-external',
    copyText: 'app:copy-text',
    hideWindow: 'app:hide-window',
    takeNavigation: 'app:take-navigation',
    generate: 'generate:create',
  },
  send: { startDrag: 'drag:start' },
  event: {
    tasksChanged: 'tasks:changed',
    status: 'app:status',
    focusTask: 'app:focus-task',
    navigate: 'app:navigate',
    dragRefused: 'drag:refused',
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
    openFile(ref: VideoRef): Promise<void>;
    revealFile(ref: VideoRef): Promise<void>;
    startDrag(ref: VideoRef): void;
    onChange(listener: (changes: TaskChange[]) => void): Unsubscribe;
    onDragRefused(listener: (info: EventChannels['drag:refused']) => void): Unsubscribe;
  };
  settings: {
    get(): Promise<SettingsView>;
    update(patch: Partial<Settings>): Promise<SettingsView>;
    chooseFolder(): Promise<string | null>;
    setToken(token: string): Promise<SettingsView>;
    clearToken(): Promise<SettingsView>;
    testToken(): Promise<TokenTestResult>;
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
    openExternal(url: string): Promise<void>;
    copyText(text: string): Promise<void>;
    hideWindow(): Promise<void>;
    /** Ask once the navigation listeners are set: what main wanted before they were. */
    takeNavigation(): Promise<Navigation | null>;
  };
  generate: {
    create(request: GenerateRequest, requestId: string): Promise<GenerateOutcome>;
  };
}

/** The global name the bridge is exposed under. */
export const BRIDGE_KEY = 'pika';
