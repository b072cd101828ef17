// Where tracked tasks live between runs. The tracker sees only the TaskStore port; here it
// is implemented over any conf-like store (conf in plain Node, electron-store in the app),
// which writes atomically. A file that cannot be read is renamed aside and kept, never
// deleted, and the user is told where it went; a bad entry is skipped, not fatal.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { TrackedTask } from './model';
import { parseStoredTask } from './task-schema';

export interface LoadResult {
  tasks: TrackedTask[];
  /** The unreadable file was set aside here (null when all was well). */
  recoveredFrom: string | null;
  /** Stored entries that were invalid and skipped. */
  dropped: number;
}

export interface TaskStore {
  load(): LoadResult;
  save(tasks: TrackedTask[]): void;
  /** Writes anything the store buffers (optional: conf writes on each save). */
  flush?(): void;
}

/** The part of conf / electron-store used here. */
export interface ConfLike {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  readonly path: string;
}

const TASKS_KEY = 'tasks';
const VERSION_KEY = 'version';
const STORE_VERSION = 1;

/** `tasks.json` -> `tasks.corrupt-2026-01-02T03-04-05.678Z.json` (no colons: Windows). */
export function asideName(filePath: string, label: string, at: Date): string {
  const ext = path.extname(filePath);
  const stem = filePath.slice(0, filePath.length - ext.length);
  const stamp = at.toISOString().replace(/:/g, '-');
  let candidate = `${stem}.${label}-${stamp}${ext}`;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${stem}.${label}-${stamp}-${n}${ext}`;
  return candidate;
}

function readsAsJson(filePath: string): boolean {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    return true; // missing or unreadable for other reasons: not ours to rename
  }
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isJsonSyntaxError(error: unknown): boolean {
  return error instanceof SyntaxError || (error as { name?: unknown })?.name === 'SyntaxError';
}

/**
 * Opens the task store through `open`. When the file is not valid JSON it is renamed aside
 * and a fresh store is opened; `recoveredFrom` then names the kept copy. `filePath` (the
 * file `open` reads) lets a file that makes `open` throw be found and moved.
 */
export function openConfTaskStore(
  open: () => ConfLike,
  filePath?: string,
): TaskStore & { readonly recoveredFrom: string | null; readonly path: string } {
  let recoveredFrom: string | null = null;
  const setAside = (file: string, label: string): string => {
    const target = asideName(file, label, new Date());
    fs.renameSync(file, target);
    return target;
  };

  if (filePath !== undefined && !readsAsJson(filePath))
    recoveredFrom = setAside(filePath, 'corrupt');
  let conf: ConfLike;
  try {
    conf = open();
  } catch (error) {
    if (!isJsonSyntaxError(error)) throw error;
    if (filePath === undefined) {
      throw new Error(
        // eslint-disable-next-line main-text/no-literal-error-text -- logged when the store cannot be opened; the window words the recovery
        'The task list file is not valid JSON and its path is unknown, so it was left alone.',
        {
          cause: error,
        },
      );
    }
    recoveredFrom = setAside(filePath, 'corrupt');
    conf = open();
  }
  // conf re-reads its file on every access: a file broken after opening is caught here too.
  if (!readsAsJson(conf.path)) recoveredFrom = setAside(conf.path, 'corrupt');

  let versionWritten = false;
  const store = {
    get recoveredFrom() {
      return recoveredFrom;
    },
    get path() {
      return conf.path;
    },
    load(): LoadResult {
      let raw: unknown;
      try {
        raw = conf.get(TASKS_KEY);
      } catch (error) {
        if (!isJsonSyntaxError(error)) throw error;
        recoveredFrom = setAside(conf.path, 'corrupt');
        raw = undefined;
      }
      if (raw === undefined) return { tasks: [], recoveredFrom, dropped: 0 };
      if (!Array.isArray(raw)) {
        // Readable JSON of the wrong shape: keep the file as it is and start afresh.
        recoveredFrom = setAside(conf.path, 'invalid');
        return { tasks: [], recoveredFrom, dropped: 0 };
      }
      const tasks: TrackedTask[] = [];
      const seen = new Set<string>();
      let dropped = 0;
      for (const entry of raw) {
        const task = parseStoredTask(entry);
        if (task === null || seen.has(task.id)) {
          dropped++;
          continue;
        }
        seen.add(task.id);
        tasks.push(task);
      }
      if (dropped > 0) {
        // The next save drops the bad entries from the file: keep a copy of what they were.
        const copy = asideName(conf.path, 'invalid', new Date());
        fs.copyFileSync(conf.path, copy);
        recoveredFrom = copy;
      }
      return { tasks, recoveredFrom, dropped };
    },
    save(tasks: TrackedTask[]): void {
      // Each conf.set is one atomic write of the whole file.
      if (!versionWritten) {
        if (conf.get(VERSION_KEY) !== STORE_VERSION) conf.set(VERSION_KEY, STORE_VERSION);
        versionWritten = true;
      }
      conf.set(TASKS_KEY, tasks);
    },
  };
  return store;
}

/** The task store for plain Node (CLI, tests, benchmarks): `<dir>/tasks.json` via conf. */
export function createConfTaskStore(dir: string): ReturnType<typeof openConfTaskStore> {
  const filePath = path.join(dir, 'tasks.json');
  return openConfTaskStore(
    () =>
      new Conf<Record<string, unknown>>({
        cwd: dir,
        configName: 'tasks',
        projectName: 'pika-tray',
      }),
    filePath,
  );
}
