// Forwards tracker events to the renderer as batches of TaskChange. Bursts are coalesced:
// changes wait up to `flushMs` and merge per task (the latest upsert wins, patches fold
// into it), so hundreds of progress ticks become one message. No timer runs while idle.
import type { TaskTracker, ChangedKeys } from '../../core/tasks/tracker-types';
import type { TrackedTask } from '../../core/tasks/model';
import type { AppStatus, EventChannels, TaskChange } from '../../../preload/contract';
import type { Locale } from '../../core/i18n';
import { hasWords, patchForWindow, taskForWindow } from './task-words';

export type FeedSend = <C extends 'tasks:changed' | 'app:status'>(
  channel: C,
  payload: EventChannels[C],
) => void;

export interface TaskFeed {
  /** Something outside the tracker changed the status (online, token): push it. */
  statusChanged(): void;
  /** Sends whatever is pending now. */
  flush(): void;
  close(): void;
}

/** Keys that change a task's place in lists and badges: sent as whole-task upserts. */
const UPSERT_KEYS: ReadonlySet<keyof TrackedTask> = new Set(['state', 'seen', 'endedAt']);

const ENDINGS = ['finished', 'failed', 'stalled'] as const;

function patchOf(task: TrackedTask, keys: ChangedKeys): Partial<TrackedTask> {
  const patch: Partial<TrackedTask> = {};
  for (const key of keys) (patch as Record<string, unknown>)[key] = task[key];
  return patch;
}

export function createTaskFeed(options: {
  tracker: TaskTracker;
  send: FeedSend;
  status(): AppStatus;
  flushMs?: number;
  /** The window's language now: task errors are sent in it (English when absent). */
  locale?: () => Locale;
  /** Calls back when the language setting changed; returns how to stop. The feed then
   * re-sends the tasks that hold error words, so they read in the new language. */
  languageChanges?: (listener: () => void) => () => void;
}): TaskFeed {
  const { tracker, send } = options;
  const localeNow = options.locale ?? ((): Locale => 'en');
  let sentLocale = localeNow();
  const flushMs = options.flushMs ?? 100;
  const pending = new Map<string, TaskChange>();
  let statusDirty = false;
  let lastStatus = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const schedule = (): void => {
    if (timer === null && !closed) timer = setTimeout(flush, flushMs);
  };

  const queue = (change: TaskChange): void => {
    const id = change.type === 'upsert' ? change.task.id : change.id;
    const before = pending.get(id);
    let merged: TaskChange = change;
    if (change.type === 'patch' && before) {
      if (before.type === 'upsert') {
        merged = { type: 'upsert', task: { ...before.task, ...change.patch } };
      } else if (before.type === 'patch') {
        merged = { type: 'patch', id, patch: { ...before.patch, ...change.patch } };
      } else {
        return; // a patch after a remove is stale
      }
    }
    // Re-insert so a task removed and re-added arrives after its removal.
    pending.delete(id);
    pending.set(id, merged);
    schedule();
  };

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.size > 0) {
      const batch = [...pending.values()];
      pending.clear();
      const locale = localeNow();
      if (locale !== 'en') {
        for (let i = 0; i < batch.length; i++) {
          const change = batch[i]!;
          if (change.type === 'upsert') {
            const task = taskForWindow(change.task, locale);
            if (task !== change.task) batch[i] = { type: 'upsert', task };
          } else if (change.type === 'patch') {
            const patch = patchForWindow(change.patch, locale);
            if (patch !== change.patch) batch[i] = { type: 'patch', id: change.id, patch };
          }
        }
      }
      send('tasks:changed', batch);
    }
    if (statusDirty) {
      statusDirty = false;
      const status = options.status();
      const key = JSON.stringify(status);
      if (key !== lastStatus) {
        lastStatus = key;
        send('app:status', status);
      }
    }
  }

  const onAdded = (task: TrackedTask): void => queue({ type: 'upsert', task });
  const onChanged = (task: TrackedTask, keys: ChangedKeys): void => {
    if (keys.some((k) => UPSERT_KEYS.has(k))) queue({ type: 'upsert', task });
    else queue({ type: 'patch', id: task.id, patch: patchOf(task, keys) });
  };
  const onRemoved = (id: string): void => queue({ type: 'remove', id });
  const onStatus = (): void => {
    statusDirty = true;
    schedule();
  };

  const onLanguage = (): void => {
    const locale = localeNow();
    if (locale === sentLocale) return; // 'system' → the language the window already speaks
    sentLocale = locale;
    for (const task of tracker.list()) if (hasWords(task)) queue({ type: 'upsert', task });
  };
  const offLanguage = options.languageChanges?.(onLanguage);

  tracker.on('added', onAdded);
  tracker.on('changed', onChanged);
  tracker.on('removed', onRemoved);
  tracker.on('status', onStatus);
  // Endings are upserts even if the tracker reports them without a matching 'changed'.
  for (const ending of ENDINGS) tracker.on(ending, onAdded);

  return {
    statusChanged: onStatus,
    flush,
    close() {
      flush();
      closed = true;
      offLanguage?.();
      tracker.off('added', onAdded);
      tracker.off('changed', onChanged);
      tracker.off('removed', onRemoved);
      tracker.off('status', onStatus);
      for (const ending of ENDINGS) tracker.off(ending, onAdded);
    },
  };
}
