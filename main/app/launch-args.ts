// Task ids handed to the app from outside: `pika-tray --add <ids>` and `pika-tray://task/<id>`
// links (argv on Windows and Linux, 'open-url' on macOS). They go through the same parsing
// and checks as the add box, so nothing from outside reaches the tracker unchecked.
import { ENGLISH, type MainText } from '../core/text';
import { URL_SCHEME } from '../core/app-id';
import type { AddTasksResult } from '../../preload/contract';

const LINK_PREFIX = `${URL_SCHEME}://`;
/** Longer than any link to one task id (128 chars) with a query; the rest is dropped. */
const MAX_LINK_CHARS = 2048;

/** The task text in a command line, or null when it holds none. Other arguments are ignored. */
export function taskInputFromArgv(argv: readonly string[]): string | null {
  const parts: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--add') {
      const value = argv[i + 1];
      if (value !== undefined && !value.startsWith('--')) {
        parts.push(value);
        i++;
      }
    } else if (arg.startsWith('--add=')) {
      parts.push(arg.slice('--add='.length));
    } else if (isAppLink(arg)) {
      parts.push(appLinkInput(arg));
    }
  }
  return parts.length > 0 ? parts.join('\n') : null;
}

/** What a second instance hands the first through requestSingleInstanceLock. */
export interface LaunchData {
  argv: string[];
}

export function launchData(argv: readonly string[]): LaunchData {
  return { argv: [...argv] };
}

/**
 * The command line of a second launch. Chromium rebuilds the argv that 'second-instance'
 * reports (switches first, its own appended: `electron . --add abc` arrives as
 * `[electron, --add, ., abc]`), so the original one, sent as the lock's additional data,
 * is what we read. Without it (an older copy of the app started second) the rebuilt argv.
 */
export function secondLaunchArgv(argv: readonly string[], additionalData: unknown): string[] {
  const data = additionalData as Partial<LaunchData> | null | undefined;
  if (
    data &&
    typeof data === 'object' &&
    Array.isArray(data.argv) &&
    data.argv.every((a) => typeof a === 'string')
  ) {
    return data.argv;
  }
  return [...argv];
}

export function isAppLink(url: string): boolean {
  return url.toLowerCase().startsWith(LINK_PREFIX);
}

/**
 * What a pika-tray:// link may add: its first word only, so one link (which any web page
 * can hand the OS) names at most one task, however much text or JSON it carries.
 */
export function appLinkInput(url: string): string {
  const cut = url.slice(0, MAX_LINK_CHARS).search(/[\s,;]/);
  return cut === -1 ? url.slice(0, MAX_LINK_CHARS) : url.slice(0, cut);
}

/** Adds tasks given from outside and opens the window on the first one (or says why not). */
export function createExternalAdd(deps: {
  addTasks(text: string): Promise<AddTasksResult> | AddTasksResult;
  /** Shows the window on a task (null: the task list). */
  focus(taskId: string | null): void;
  /** Tells the user something went wrong (nothing could be added). */
  report(message: string): void;
  /** The words in the language of the moment. Default English. */
  text?: () => MainText;
}): (text: string) => Promise<void> {
  const words = () => (deps.text?.() ?? ENGLISH).t.notify;
  return async (text) => {
    let result: AddTasksResult;
    try {
      result = await deps.addTasks(text);
    } catch (error) {
      deps.report(words().addFailed((error as Error).message));
      return;
    }
    const first = result.added[0]?.id ?? result.duplicates[0] ?? null;
    if (first !== null) {
      deps.focus(first);
      return;
    }
    const why = result.errors[0]?.message;
    deps.report(why === undefined ? words().noTaskId : words().nothingAdded(why));
  };
}
