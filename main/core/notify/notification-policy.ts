// Decides what to tell the user and when, from the tracker's finished/failed events.
//
// - One video ending gives one notification naming it; the request carries the task id so a
//   click opens the window on that task.
// - Videos ending close together give ONE summary (taskId null: a click opens the list). The
//   window is fixed from the first ending, not reset by each new one, so a steady stream of
//   endings can never hold notifications back for longer than `windowMs`.
// - The notifications setting is read when an event arrives (off: dropped, never queued for
//   later) and again when the window closes (switched off meanwhile: the batch is dropped).
// - `stalled` does not notify: the task is still running and may yet finish, and the user will
//   hear about that ending. The tray shows stalled tasks instead (see core/tray).
// - The same task ending twice in one window (a re-check) is reported once, in its last state.
import type { TrackedTask } from '../tasks/model';
import type { TaskTracker } from '../tasks/tracker-types';
import { ENGLISH, type MainText } from '../text';
import {
  failureReasonOf,
  shortenText,
  subjectOf,
  SUMMARY_LINES,
  SUMMARY_PROMPT_MAX,
} from './notification-text';

/** 'credit': the low-credit warning (low-credit-policy.ts). */
export type NotificationKind = 'finished' | 'failed' | 'summary' | 'credit';

export interface NotificationRequest {
  title: string;
  body: string;
  /** The task to open on click; null for a summary (open the list). */
  taskId: string | null;
  kind: NotificationKind;
}

/** Runs `run` after `ms`; returns a function that cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

export interface NotificationPolicyOptions {
  /** The user's notifications setting, read at each event and when a batch is sent. */
  enabled: () => boolean;
  /** Endings within this many ms of the first are summarised together. Default 1500. */
  windowMs?: number;
  /** Timer to use; default setTimeout. Tests pass a manual one. */
  schedule?: Schedule;
  /** The words in the language of the moment, read when a notification is made. Default English. */
  text?: () => MainText;
}

export interface NotificationPolicy {
  onFinished(task: TrackedTask): void;
  onFailed(task: TrackedTask): void;
  /** Listens for requests; returns an unsubscribe function. */
  onNotify(listener: (request: NotificationRequest) => void): () => void;
  /** Sends what is waiting now instead of at the end of the window (e.g. before quitting). */
  flush(): void;
  /** Drops what is waiting, stops the timer and forgets listeners. */
  dispose(): void;
}

export const DEFAULT_WINDOW_MS = 1500;

const defaultSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

interface Ending {
  task: TrackedTask;
  kind: 'finished' | 'failed';
}

export function createNotificationPolicy(options: NotificationPolicyOptions): NotificationPolicy {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  if (!Number.isFinite(windowMs) || windowMs < 0) {
    throw new RangeError(`windowMs must be a finite number >= 0, got ${windowMs}`);
  }
  const schedule = options.schedule ?? defaultSchedule;
  const listeners = new Set<(request: NotificationRequest) => void>();
  // Insertion order = order of first ending; a repeat replaces the value in place.
  const pending = new Map<string, Ending>();
  let cancelTimer: (() => void) | null = null;
  let disposed = false;

  const emit = (request: NotificationRequest) => {
    for (const listener of [...listeners]) {
      try {
        listener(request);
      } catch {
        // One broken listener (a notifier that threw) must not silence the others.
      }
    }
  };

  const flush = () => {
    cancelTimer?.();
    cancelTimer = null;
    const endings = [...pending.values()];
    pending.clear();
    if (disposed || endings.length === 0 || !options.enabled()) return;
    const text = options.text?.() ?? ENGLISH;
    emit(endings.length === 1 ? single(endings[0]!, text) : summary(endings, text));
  };

  const record = (task: TrackedTask, kind: Ending['kind']) => {
    if (disposed || !options.enabled()) return;
    pending.delete(task.id);
    pending.set(task.id, { task, kind });
    cancelTimer ??= schedule(flush, windowMs);
  };

  return {
    onFinished: (task) => record(task, 'finished'),
    onFailed: (task) => record(task, 'failed'),
    onNotify(listener) {
      if (disposed) return () => {};
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
    dispose() {
      disposed = true;
      cancelTimer?.();
      cancelTimer = null;
      pending.clear();
      listeners.clear();
    },
  };
}

function single({ task, kind }: Ending, text: MainText): NotificationRequest {
  const t = text.t.notify;
  const subject = subjectOf(task, undefined, text);
  if (kind === 'finished') {
    return { kind, taskId: task.id, title: t.videoReady, body: subject };
  }
  return {
    kind,
    taskId: task.id,
    title: t.generationFailed,
    body: `${subject}\n${failureReasonOf(task, text)}`,
  };
}

function summary(endings: Ending[], text: MainText): NotificationRequest {
  const t = text.t.notify;
  const ready = endings.filter((e) => e.kind === 'finished').length;
  const failed = endings.length - ready;
  const title =
    failed === 0
      ? text.fmt.plural(ready, t.readyTitle)
      : ready === 0
        ? text.fmt.plural(failed, t.failedTitle)
        : t.readyAndFailedTitle(ready, failed);
  const lines = endings.slice(0, SUMMARY_LINES).map(({ task, kind }) => {
    const name = task.promptText.trim()
      ? shortenText(task.promptText, SUMMARY_PROMPT_MAX)
      : t.task(task.id);
    return kind === 'failed' ? `✗ ${name}` : `✓ ${name}`;
  });
  const more = endings.length - lines.length;
  if (more > 0) lines.push(t.more(more));
  return { kind: 'summary', taskId: null, title, body: lines.join('\n') };
}

/** Feeds a tracker's endings to the policy; returns a function that stops it. */
export function connectTracker(tracker: TaskTracker, policy: NotificationPolicy): () => void {
  const finished = (task: TrackedTask) => policy.onFinished(task);
  const failed = (task: TrackedTask) => policy.onFailed(task);
  tracker.on('finished', finished).on('failed', failed);
  return () => {
    tracker.off('finished', finished).off('failed', failed);
  };
}
