// Tasks on their way to the window carry their error words in the window's language: a task
// error or failed download with a ref gets `message` rendered for `locale`. Only tasks that
// hold such words are copied; every other task (nearly all, at 10,000 tasks and 100 updates a
// second) is passed on as the same object, and English needs no copy at all: the stored
// `message` is already the English render.
import type { Locale } from '../../core/i18n';
import type { TaskError, TrackedTask, VideoDownload } from '../../core/tasks/model';
import { renderMessage } from '../../core/text/message-ref';

function downloadsNeedWords(downloads: Record<string, VideoDownload>): boolean {
  for (const id in downloads) {
    const d = downloads[id]!;
    if (d.status === 'failed' && d.ref !== undefined) return true;
  }
  return false;
}

/** The task holds words that read differently in another language. */
export function hasWords(task: Pick<TrackedTask, 'lastError' | 'downloads'>): boolean {
  return task.lastError?.ref !== undefined || downloadsNeedWords(task.downloads);
}

function errorFor(error: TaskError | null, locale: Locale): TaskError | null {
  if (!error?.ref) return error;
  return { ...error, message: renderMessage(error.ref, locale) };
}

function downloadsFor(
  downloads: Record<string, VideoDownload>,
  locale: Locale,
): Record<string, VideoDownload> {
  if (!downloadsNeedWords(downloads)) return downloads;
  const out: Record<string, VideoDownload> = {};
  for (const id in downloads) {
    const d = downloads[id]!;
    out[id] =
      d.status === 'failed' && d.ref !== undefined
        ? { ...d, message: renderMessage(d.ref, locale) }
        : d;
  }
  return out;
}

/** The task as the window shows it in `locale`: the same object when nothing changes. */
export function taskForWindow(task: TrackedTask, locale: Locale): TrackedTask {
  if (locale === 'en' || !hasWords(task)) return task;
  return {
    ...task,
    lastError: errorFor(task.lastError, locale),
    downloads: downloadsFor(task.downloads, locale),
  };
}

/** A patch of changed keys, its error words in `locale` (only those keys are looked at). */
export function patchForWindow(patch: Partial<TrackedTask>, locale: Locale): Partial<TrackedTask> {
  if (locale === 'en') return patch;
  const error = patch.lastError;
  const downloads = patch.downloads;
  const errorChanges = error?.ref !== undefined;
  const downloadsChange = downloads !== undefined && downloadsNeedWords(downloads);
  if (!errorChanges && !downloadsChange) return patch;
  return {
    ...patch,
    ...(errorChanges ? { lastError: errorFor(error ?? null, locale) } : {}),
    ...(downloadsChange ? { downloads: downloadsFor(downloads, locale) } : {}),
  };
}

/** Every task of a list for the window: the same list when no task needs other words. */
export function tasksForWindow(tasks: readonly TrackedTask[], locale: Locale): TrackedTask[] {
  let out: TrackedTask[] | null = null;
  if (locale !== 'en') {
    for (let i = 0; i < tasks.length; i++) {
      const task = taskForWindow(tasks[i]!, locale);
      if (task !== tasks[i]) (out ??= [...tasks])[i] = task;
    }
  }
  return out ?? (tasks as TrackedTask[]);
}
