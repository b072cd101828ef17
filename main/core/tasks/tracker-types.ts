// The tracker's public face: what the app, the command line and benchmarks rely on.
import type { TaskError, TrackedTask, VideoDownload } from './model';

export interface PollSettings {
  /** Shortest gap between polls of one task, ms. */
  floorMs: number;
  /** Longest gap between polls of one task, ms. */
  capMs: number;
  /** Delay before a new task's first poll, ms. */
  firstPollMs: number;
  /** A task running longer than this (since added) is marked stalled, ms. */
  stalledAfterMs: number;
  /** Feed requests in flight at once. */
  maxInFlight: number;
  /** The upper bound of the learnt request budget: at most `max` requests per `windowMs`
   * (the user's cap; Infinity for none). The budget itself is learnt (learnt-rate.ts). */
  budget: { max: number; windowMs: number };
  /** Requests per budget window the learnt budget starts from (generous; cut on a 429). */
  budgetStartMax: number;
}

/** What changed in a `changed` event: the keys of TrackedTask that differ. */
export type ChangedKeys = (keyof TrackedTask)[];

export interface TrackerStatus {
  paused: boolean;
  /** 401 seen: no polling until the token changes. */
  tokenRejected: boolean;
  /** Tasks still being polled. */
  activeCount: number;
  /** The error that stopped all polling (401 token rejected, 402/403 forbidden/quota), or
   * null while polling runs. Optional for older readers; the tracker always sets it. */
  blocked?: TaskError | null;
}

export interface TrackerEvents {
  added: [task: TrackedTask];
  changed: [task: TrackedTask, changed: ChangedKeys];
  finished: [task: TrackedTask];
  failed: [task: TrackedTask];
  stalled: [task: TrackedTask];
  removed: [taskId: string];
  status: [status: TrackerStatus];
  /** A poll failed; the task keeps its state and is retried as the error allows. */
  error: [taskId: string, error: TaskError];
}

export interface AddResult {
  added: TrackedTask[];
  duplicates: string[];
}

export interface TaskTracker {
  on<E extends keyof TrackerEvents>(event: E, listener: (...args: TrackerEvents[E]) => void): this;
  off<E extends keyof TrackerEvents>(event: E, listener: (...args: TrackerEvents[E]) => void): this;
  /** Starts tracking valid ids (already parsed); stored before the first poll. */
  add(taskIds: string[]): AddResult;
  remove(taskId: string): boolean;
  /** Poll again now, even a finished or failed task. */
  recheck(taskId: string): void;
  get(taskId: string): TrackedTask | undefined;
  list(): TrackedTask[];
  markSeen(taskIds: string[]): void;
  /** Records a video download's state on its task (persisted when it settles). */
  setDownload(taskId: string, videoId: string, download: VideoDownload): void;
  pause(): void;
  resume(): void;
  /** Re-check every active task now (wake, unlock, back online). */
  pollAllNow(): void;
  /** The token changed: lift a token-rejected pause. */
  tokenChanged(): void;
  updateSettings(settings: Partial<PollSettings>): void;
  status(): TrackerStatus;
  /** Stops all timers and writes pending state; resolves when written. */
  close(): Promise<void>;
}
