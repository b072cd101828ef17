// The task tracker: keeps the list of tracked tasks, polls the feed through one scheduler,
// folds answers in, decides what each error means (retry, back off, pause all, give up),
// persists what matters and tells listeners. Electron-free: the app, the CLI and tests all
// run this same code.
import type { FeedSource, FeedTask, RateLimitInfo } from '../api/types';
import { PIKA_ERROR_KINDS, type PikaErrorKind } from '../api/errors';
import { backoffDelay } from './backoff';
import { createCoalescedWriter } from './coalesced-writer';
import { changedKeys, mergeFeed, needsWrite } from './merge-feed';
import { isEnded, newTask, type TaskError, type TrackedTask, type VideoDownload } from './model';
import { readMessageRef, renderMessage, say, type MessageRef } from '../text/message-ref';
import { nextPollAt } from './next-poll';
import { addSample, emptyTrack, predictedFinish, type ProgressTrack } from './progress-eta';
import { resolvePollSettings } from './poll-settings';
import { createRateLearner, type LearntRate } from './learnt-rate';
import { createScheduler } from './scheduler';
import type { TaskStore } from './storage';
import { TypedEmitter } from './typed-emitter';
import { UNKNOWN_TASK_LIMIT } from './unknown-task';
import type {
  AddResult,
  PollSettings,
  TaskTracker,
  TrackerEvents,
  TrackerStatus,
} from './tracker-types';

export { DEFAULT_POLL_SETTINGS, pollSettingsFrom } from './poll-settings';

export interface TrackerOptions {
  source: FeedSource;
  store: TaskStore;
  settings?: Partial<PollSettings>;
  now?: () => number;
  random?: () => number;
  /** Shortest gap between two writes of the task list, ms. Default 1000. */
  writeDelayMs?: number;
  /** A write of the task list failed (the list stays in memory and is written again later). */
  onStoreError?: (error: unknown) => void;
  /** Where the learnt request rate for this gateway is remembered across restarts (the app
   * keeps it per gateway origin in its settings store; the CLI keeps none). */
  rateMemory?: RateMemory;
}

export interface RateMemory {
  load(): LearntRate | null;
  save(rate: LearntRate): void;
}

/** The tracker, plus a probe for tests: is a timer pending (a poll's, a write's, or either)? */
export type Tracker = TaskTracker & {
  hasPendingTimer(kind?: 'poll' | 'write'): boolean;
  /** The request budget learnt so far (requests per window). */
  learntRate(): LearntRate;
};

export { UNKNOWN_TASK_LIMIT };
/** Retries of a re-check of an ended task after transient errors. */
const RECHECK_RETRY_LIMIT = 5;
const CLOSE_WAIT_MS = 2_000;

const KNOWN_KINDS: ReadonlySet<string> = new Set<PikaErrorKind>(PIKA_ERROR_KINDS);

interface PollFailure {
  kind: PikaErrorKind;
  message: string;
  ref: MessageRef | undefined;
  retryAfterMs: number | undefined;
  rateLimit: RateLimitInfo | undefined;
}

/** Any thrown value as a classified failure; duck-typed so a PikaApiError from another copy
 * of the module is still understood. */
function failureOf(error: unknown): PollFailure {
  const e = error as {
    kind?: unknown;
    message?: unknown;
    ref?: unknown;
    retryAfterMs?: unknown;
    rateLimit?: unknown;
  };
  if (typeof e?.kind === 'string' && KNOWN_KINDS.has(e.kind)) {
    const hasMessage = typeof e.message === 'string' && e.message !== '';
    const ref = hasMessage ? readMessageRef(e.ref) : say('tasks.requestFailed');
    return {
      kind: e.kind as PikaErrorKind,
      message: hasMessage ? (e.message as string) : renderMessage(ref!, 'en'),
      ref,
      retryAfterMs: typeof e.retryAfterMs === 'number' ? e.retryAfterMs : undefined,
      rateLimit:
        e.rateLimit !== null && typeof e.rateLimit === 'object'
          ? (e.rateLimit as RateLimitInfo)
          : undefined,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  const ref = say('tasks.couldNotAsk', detail);
  return {
    kind: 'network',
    message: renderMessage(ref, 'en'),
    ref,
    retryAfterMs: undefined,
    rateLimit: undefined,
  };
}

/** A task error whose English message is its ref's English words. */
function textError(kind: TaskError['kind'], ref: MessageRef): TaskError {
  return { kind, message: renderMessage(ref, 'en'), ref };
}

/** A port that must not break polling: what it throws is logged and ignored. */
function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (error) {
    console.error('Pika Tray: could not read or remember the learnt request rate:', error);
    return fallback;
  }
}

interface Runtime {
  unchangedPolls: number;
  progress: ProgressTrack;
  errorStreak: number;
  unknownStreak: number;
  /** A re-check of an ended task is under way (transient errors are retried a few times). */
  recheck: boolean;
  controller: AbortController | null;
}

export function createTracker(options: TrackerOptions): Tracker {
  const { source, store } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  let settings = resolvePollSettings(options.settings);

  const emitter = new TypedEmitter<TrackerEvents>((error) => {
    console.error('Pika Tray: a task listener failed:', error);
  });
  const tasks = new Map<string, TrackedTask>();
  const runtimes = new Map<string, Runtime>();
  let paused = false;
  let tokenRejected = false;
  let blocked: TaskError | null = null;
  let rateLimitStreak = 0;
  let closed = false;
  let lastStatus = '';

  const writer = createCoalescedWriter({
    write: () => store.save([...tasks.values()]),
    delayMs: options.writeDelayMs ?? 1000,
    now,
    onError:
      options.onStoreError ??
      ((error) =>
        console.error('Pika Tray: could not save the task list; it will be tried again:', error)),
  });
  const capOf = (max: number): number | null => (Number.isFinite(max) ? max : null);
  const learner = createRateLearner({
    startMax: settings.budgetStartMax,
    windowMs: settings.budget.windowMs,
    capMax: capOf(settings.budget.max),
    remembered: safely(() => options.rateMemory?.load() ?? null, null),
    onLearnt: (rate) => safely(() => options.rateMemory?.save(rate), undefined),
  });
  const scheduler = createScheduler({
    now,
    maxInFlight: settings.maxInFlight,
    budget: learner.budget,
    run: (id) => poll(id),
    priority: (id) => tasks.get(id)?.progress ?? -1,
    agingMs: settings.capMs,
    maxGapMs: settings.capMs,
    onBound: () => learner.onBound(now()),
  });
  /** What a gateway's headers say, on any answer: follow a stated limit, wait out a spent one. */
  const onRateLimit = (info: RateLimitInfo): void => {
    const hold = learner.onHeaders(now(), info, scheduler.inFlightCount());
    if (hold > 0) scheduler.holdUntil(hold);
  };

  const runtime = (id: string): Runtime => {
    let rt = runtimes.get(id);
    if (!rt) {
      rt = {
        unchangedPolls: 0,
        progress: emptyTrack(),
        errorStreak: 0,
        unknownStreak: 0,
        recheck: false,
        controller: null,
      };
      runtimes.set(id, rt);
    }
    return rt;
  };

  const currentStatus = (): TrackerStatus => {
    let activeCount = 0;
    for (const task of tasks.values()) if (!isEnded(task.state)) activeCount++;
    return { paused, tokenRejected, activeCount, blocked };
  };
  const emitStatus = (): void => {
    const status = currentStatus();
    const key = JSON.stringify(status);
    if (key === lastStatus) return;
    lastStatus = key;
    emitter.emit('status', status);
  };
  const applyPause = (): void => {
    scheduler.setPaused(paused || tokenRejected || blocked !== null);
    emitStatus();
  };

  /** Stores the new version of a task, writes it if that matters, and says what changed. */
  const commit = (before: TrackedTask, after: TrackedTask): void => {
    const keys = changedKeys(before, after);
    if (keys.length === 0) return;
    tasks.set(after.id, after);
    if (needsWrite(before, after, keys)) writer.markDirty();
    emitter.emit('changed', after, keys);
  };

  const announceEnding = (before: TrackedTask, after: TrackedTask): void => {
    if (after.state === before.state) return;
    if (after.state === 'finished') emitter.emit('finished', after);
    else if (after.state === 'failed') emitter.emit('failed', after);
    else if (after.state === 'stalled') emitter.emit('stalled', after);
  };

  const scheduleNext = (task: TrackedTask, rt: Runtime): void => {
    scheduler.schedule(
      task.id,
      nextPollAt({
        task,
        progress: rt.progress,
        unchangedPolls: rt.unchangedPolls,
        floorMs: settings.floorMs,
        capMs: settings.capMs,
        now: now(),
      }),
    );
  };

  /** Kept and still polled (slowly): generations that take far too long do finish sometimes. */
  const overdue = (task: TrackedTask, at: number): boolean =>
    !isEnded(task.state) && at - task.addedAt > settings.stalledAfterMs;

  const onAnswer = (before: TrackedTask, feed: FeedTask, rt: Runtime): void => {
    const at = now();
    rt.errorStreak = 0;
    rt.unknownStreak = 0;
    rt.recheck = false;
    rateLimitStreak = 0;
    learner.onAnswer(at);
    const after = mergeFeed(before, feed, at);
    after.attempts = before.attempts + 1;
    if (overdue(after, at)) after.state = 'stalled';
    const news = after.state !== before.state || after.progress !== before.progress;
    rt.unchangedPolls = news ? 0 : rt.unchangedPolls + 1;
    rt.progress =
      after.state === 'running' ? addSample(rt.progress, at, after.progress) : emptyTrack();
    // The central estimate for people ("about 40 s left"); polls aim at the later bound.
    after.finishAt = after.state === 'running' ? predictedFinish(rt.progress) : null;
    commit(before, after);
    announceEnding(before, after);
    if (isEnded(after.state)) scheduler.cancel(after.id);
    else scheduleNext(after, rt);
    emitStatus();
  };

  const onFailure = (before: TrackedTask, error: unknown, rt: Runtime, sentAt: number): void => {
    const at = now();
    const failure = failureOf(error);
    const taskError: TaskError = failure.ref
      ? { kind: failure.kind, message: failure.message, ref: failure.ref }
      : { kind: failure.kind, message: failure.message };
    let after: TrackedTask = {
      ...before,
      lastError: taskError,
      attempts: before.attempts + 1,
      lastCheckedAt: at,
    };
    const ended = isEnded(before.state);
    const retryIn = (attempt: number, minMs = 0): number =>
      backoffDelay({
        attempt,
        baseMs: settings.floorMs,
        capMs: settings.capMs,
        retryAfterMs: failure.retryAfterMs,
        minMs,
        random,
      });

    switch (failure.kind) {
      case 'token-rejected':
      case 'forbidden':
        // Every task would get the same answer: stop all polling until the user acts. The
        // task stays due, so it is asked first when polling resumes.
        if (failure.kind === 'token-rejected') tokenRejected = true;
        blocked = taskError;
        scheduler.schedule(before.id, at);
        break;
      case 'unknown-task':
        if (ended) break; // a finished task the gateway has forgotten is still finished
        rt.unknownStreak++;
        if (rt.unknownStreak >= UNKNOWN_TASK_LIMIT) {
          after = {
            ...after,
            state: 'failed',
            endedAt: at,
            seen: false,
            lastError: textError(
              'unknown-task',
              say('tasks.unknownGaveUp', before.id, UNKNOWN_TASK_LIMIT),
            ),
          };
          scheduler.cancel(before.id);
        } else {
          // Right after creation a task can be briefly unknown: ask again soon.
          scheduler.schedule(before.id, at + retryIn(rt.unknownStreak, settings.floorMs));
        }
        break;
      case 'rate-limited': {
        // The limit is per client, not per task: everyone waits.
        rateLimitStreak++;
        const learnt = learner.onRateLimited(at, sentAt, failure.rateLimit);
        const until = Math.max(learnt, at + retryIn(rateLimitStreak, settings.floorMs));
        scheduler.holdUntil(until);
        if (!ended || (rt.recheck && rateLimitStreak <= RECHECK_RETRY_LIMIT))
          scheduler.schedule(before.id, until);
        break;
      }
      default:
        rt.errorStreak++;
        if (ended && (!rt.recheck || rt.errorStreak > RECHECK_RETRY_LIMIT)) {
          rt.recheck = false;
          break;
        }
        scheduler.schedule(before.id, at + retryIn(rt.errorStreak));
    }
    // A task past the limit is stalled even while the gateway keeps failing to answer for it.
    if (failure.kind !== 'unknown-task' && overdue(after, at))
      after = { ...after, state: 'stalled' };
    commit(before, after);
    emitter.emit('error', before.id, taskError);
    announceEnding(before, after);
    applyPause();
  };

  async function poll(id: string): Promise<void> {
    if (closed || !tasks.has(id)) return;
    const rt = runtime(id);
    const controller = new AbortController();
    rt.controller = controller;
    const sentAt = now();
    let feed: FeedTask | undefined;
    let error: unknown;
    try {
      feed = await source.getTask(id, { signal: controller.signal, onRateLimit });
    } catch (e) {
      error = e;
    } finally {
      if (rt.controller === controller) rt.controller = null;
    }
    const before = tasks.get(id);
    // Removed or closed while asking: the answer belongs to nobody.
    if (closed || before === undefined || controller.signal.aborted) return;
    if (feed !== undefined) onAnswer(before, feed, rt);
    else onFailure(before, error, rt, sentAt);
  }

  const requireOpen = (): void => {
    // eslint-disable-next-line main-text/no-literal-error-text -- a broken invariant in our code, never shown
    if (closed) throw new Error('The task tracker has been closed.');
  };

  // Resume what a previous run was tracking.
  const loaded = store.load();
  for (const task of loaded.tasks) {
    tasks.set(task.id, task);
    if (!isEnded(task.state)) scheduler.schedule(task.id, now() + settings.firstPollMs);
  }
  lastStatus = JSON.stringify(currentStatus());

  const tracker: Tracker = {
    on(event, listener) {
      emitter.on(event, listener);
      return tracker;
    },
    off(event, listener) {
      emitter.off(event, listener);
      return tracker;
    },
    add(taskIds: string[]): AddResult {
      requireOpen();
      for (const id of taskIds) {
        if (typeof id !== 'string' || id.trim() === '' || id !== id.trim()) {
          // eslint-disable-next-line main-text/no-literal-error-text -- a broken invariant: ids are parsed before they get here
          throw new TypeError(`Not a task id: ${JSON.stringify(id)}. Parse the input first.`);
        }
      }
      const added: TrackedTask[] = [];
      const duplicates: string[] = [];
      const at = now();
      for (const id of taskIds) {
        if (tasks.has(id)) {
          duplicates.push(id);
          continue;
        }
        const task = newTask(id, at);
        tasks.set(id, task);
        added.push(task);
      }
      if (added.length === 0) return { added, duplicates };
      // On disk before the first poll: a crash now loses nothing the user pasted.
      writer.writeNow();
      for (const task of added) emitter.emit('added', task);
      for (const task of added) scheduler.schedule(task.id, at + settings.firstPollMs);
      emitStatus();
      return { added, duplicates };
    },
    remove(taskId) {
      if (!tasks.delete(taskId)) return false;
      runtimes.get(taskId)?.controller?.abort();
      runtimes.delete(taskId);
      scheduler.cancel(taskId);
      writer.markDirty();
      emitter.emit('removed', taskId);
      emitStatus();
      return true;
    },
    recheck(taskId) {
      if (closed || !tasks.has(taskId)) return;
      const rt = runtime(taskId);
      rt.recheck = true;
      rt.errorStreak = 0;
      // The user may have topped up their quota: one request will tell.
      if (blocked !== null && !tokenRejected) blocked = null;
      scheduler.schedule(taskId, now());
      applyPause();
    },
    get: (taskId) => tasks.get(taskId),
    list: () => [...tasks.values()],
    markSeen(taskIds) {
      for (const id of taskIds) {
        const task = tasks.get(id);
        if (task && !task.seen) commit(task, { ...task, seen: true });
      }
    },
    setDownload(taskId: string, videoId: string, download: VideoDownload) {
      const task = tasks.get(taskId);
      if (!task) return;
      commit(task, { ...task, downloads: { ...task.downloads, [videoId]: download } });
    },
    pause() {
      paused = true;
      applyPause();
    },
    resume() {
      paused = false;
      if (blocked !== null && !tokenRejected) blocked = null;
      applyPause();
    },
    pollAllNow() {
      if (closed) return;
      if (blocked !== null && !tokenRejected) blocked = null;
      const at = now();
      for (const task of tasks.values()) {
        if (!isEnded(task.state) && !scheduler.isInFlight(task.id)) scheduler.schedule(task.id, at);
      }
      applyPause();
    },
    tokenChanged() {
      tokenRejected = false;
      blocked = null;
      rateLimitStreak = 0;
      tracker.pollAllNow();
    },
    updateSettings(patch) {
      settings = resolvePollSettings(patch, settings);
      learner.setCap(capOf(settings.budget.max), settings.budget.windowMs);
      scheduler.setMaxInFlight(settings.maxInFlight);
      scheduler.setAgingMs(settings.capMs);
      scheduler.setMaxGapMs(settings.capMs);
      // A lowered cap applies now, not after the next long wait.
      const latest = now() + settings.capMs;
      for (const task of tasks.values()) {
        const due = scheduler.dueAt(task.id);
        if (due !== undefined && due > latest) scheduler.schedule(task.id, latest);
      }
      scheduler.kick();
    },
    status: currentStatus,
    learntRate: () => learner.current(),
    hasPendingTimer(kind) {
      if (kind === 'poll') return scheduler.hasPendingTimer();
      if (kind === 'write') return writer.hasPendingTimer();
      return scheduler.hasPendingTimer() || writer.hasPendingTimer();
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const rt of runtimes.values()) rt.controller?.abort();
      let waitTimer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        scheduler.close(),
        new Promise<void>((resolve) => (waitTimer = setTimeout(resolve, CLOSE_WAIT_MS))),
      ]);
      clearTimeout(waitTimer);
      writer.close();
      store.flush?.();
    },
  };
  return tracker;
}
