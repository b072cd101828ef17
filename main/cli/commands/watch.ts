// `pika-tray watch <task...>`: follows tasks with the app's own tracker (kept in memory, so
// the app's saved list is never touched) until each has finished or failed, stalled, or the
// --timeout passed; saves the videos with --download-dir; notifies the desktop.
//
// Exit codes: 0 all finished (and saved when asked), 1 a task failed/stalled/timed out or a
// download failed, 2 bad usage or configuration, 3 token rejected or account refused (as for
// every command), 130 interrupted (Ctrl-C; partial downloads stay as `.part` files that the
// next run resumes).
import { stat, access, constants } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { FeedSource } from '../../core/api/types';
import { createDownloadQueue, type DownloadQueue } from '../../core/download';
import { mediaAccessOf } from '../../core/http/media-access';
import { createNotificationPolicy, connectTracker } from '../../core/notify/notification-policy';
import { mainText } from '../../core/text';
import { textOf } from '../../core/text/text-error';
import { cliText, type CliText } from '../i18n';
import { createTracker } from '../../core/tasks/create-tracker';
import type { TrackedTask } from '../../core/tasks/model';
import type { CliContext } from '../command';
import { EXIT } from '../exit-codes';
import { createMemoryStore } from '../memory-store';
import { createNodeNotifier, type Notifier } from '../notifier';
import { watchHelp } from '../help-pages';
import {
  DEFAULT_CAP_SEC,
  DEFAULT_FLOOR_SEC,
  DEFAULT_STALLED_SEC,
  parseWatchArgs,
  type WatchArgs,
} from './watch-args';
import {
  createBarsView,
  createJsonView,
  createPlainView,
  type Terminal,
  type WatchView,
} from './watch-view';

export const EXIT_OK = EXIT.ok;
export const EXIT_FAILED = EXIT.failed;
export const EXIT_USAGE = EXIT.usage;
export const EXIT_TOKEN = EXIT.auth;
export const EXIT_INTERRUPTED = 130;

export interface WatchDeps {
  /** The feed client, built from the shared options (throws when the configuration is bad). */
  client: (shared: WatchArgs['shared']) => FeedSource;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Present when stdout is a terminal: progress bars are redrawn in place through it. */
  terminal?: Terminal | null;
  /** Default: node-notifier, waiting at most PIKA_TRAY_NOTIFY_TIMEOUT_MS (default 5000). */
  notifier?: Notifier;
  /** Longest wait for notifications at the end. Default: PIKA_TRAY_NOTIFY_TIMEOUT_MS or 5 s. */
  notifyTimeoutMs?: number;
  /** Aborting it stops the watch as Ctrl-C does. SIGINT is handled too while watching. */
  interrupt?: AbortSignal;
  /** Language of the bars, lines and notifications (not of --json). Default: English. */
  text?: CliText;
}

/** The watch options for a list of ids with every default (for `generate --watch`). */
export function defaultWatchArgs(taskIds: string[], shared: WatchArgs['shared']): WatchArgs {
  return {
    taskIds,
    downloadDir: null,
    json: false,
    notify: true,
    timeoutMs: null,
    floorMs: DEFAULT_FLOOR_SEC * 1000,
    capMs: DEFAULT_CAP_SEC * 1000,
    stalledAfterMs: DEFAULT_STALLED_SEC * 1000,
    maxRatePerMin: null,
    shared,
  };
}

export async function runWatch(
  argv: string[],
  deps: WatchDeps,
  sharedOptions: NonNullable<ParseArgsConfig['options']> = {},
): Promise<number> {
  const text = deps.text ?? cliText('en');
  const parsed = parseWatchArgs(argv, sharedOptions, text);
  if (parsed.ok === 'help') {
    deps.out(watchHelp(text));
    return EXIT_OK;
  }
  if (!parsed.ok) {
    deps.err(text.t.main.prefixed('watch', parsed.error));
    deps.err(text.t.main.runOptionsHelp('watch'));
    return EXIT_USAGE;
  }
  return watchTasks(parsed.args, deps);
}

/** The command table's entry point: bars on a terminal, lines or JSON otherwise. */
export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const stdout = process.stdout;
  const notifier = createNodeNotifier({
    timeoutMs: notifyTimeoutMs(),
    onError: (why) => ctx.err(ctx.text.t.watch.notifyFailed(why)),
    text: ctx.text,
  });
  const code = await runWatch(
    argv,
    {
      client: (shared) => ctx.client(shared),
      out: ctx.out,
      err: ctx.err,
      text: ctx.text,
      notifier,
      terminal: stdout.isTTY
        ? { write: (text) => stdout.write(ctx.scrub(text)), columns: () => stdout.columns || 80 }
        : null,
    },
    ctx.sharedOptions,
  );
  if (notifier.stuck()) {
    // A notification helper that never answered (a hung notification daemon: notify-send
    // waits 25 s for D-Bus) would hold the process open after everything is done. The timer
    // is unref'd: it only fires if something else still keeps the process alive.
    setTimeout(() => process.exit(), 1_000).unref();
  }
  return code;
}

/** Checks the download folder before anything is tracked; returns a message or null. */
async function folderProblem(dir: string, text: CliText): Promise<string | null> {
  const t = text.t.folder;
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return t.notFolder(dir);
    await access(dir, constants.W_OK);
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return t.missing(dir);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return t.noWrite(dir);
    return t.unusable(dir, (error as Error).message);
  }
}

function notifyTimeoutMs(): number {
  const raw = Number(process.env.PIKA_TRAY_NOTIFY_TIMEOUT_MS);
  return Number.isFinite(raw) && raw > 0 ? raw : 5_000;
}

type Outcome = 'ok' | 'failed' | 'stalled' | 'timeout';

export async function watchTasks(args: WatchArgs, deps: WatchDeps): Promise<number> {
  const text = deps.text ?? cliText('en');
  const say = (message: string) => deps.err(text.t.main.prefixed('watch', message));
  const dir = args.downloadDir === null ? null : resolve(args.downloadDir);
  if (dir !== null) {
    const problem = await folderProblem(dir, text);
    if (problem) {
      say(problem);
      return EXIT_USAGE;
    }
  }
  let client: FeedSource;
  try {
    client = deps.client(args.shared);
  } catch (error) {
    say(textOf(error, text.locale));
    return EXIT_USAGE;
  }

  const view: WatchView = args.json
    ? createJsonView(deps.out)
    : deps.terminal
      ? createBarsView(deps.terminal, text)
      : createPlainView(deps.out, text);
  const tracker = createTracker({
    source: client,
    store: createMemoryStore(),
    settings: {
      firstPollMs: 0,
      floorMs: args.floorMs,
      capMs: args.capMs,
      stalledAfterMs: args.stalledAfterMs,
      // The learnt budget, per minute; only this run remembers what it learns (no rateMemory).
      budget: { max: args.maxRatePerMin ?? Infinity, windowMs: 60_000 },
    },
    onStoreError: () => undefined,
  });

  const timeoutMs = deps.notifyTimeoutMs ?? notifyTimeoutMs();
  const notifier =
    deps.notifier ??
    createNodeNotifier({
      timeoutMs,
      onError: (why) => deps.err(text.t.watch.notifyFailed(why)),
      text,
    });
  const sends: Promise<boolean>[] = [];
  // Notifications in the terminal's language, with the app's words for them.
  const words = mainText(text.locale);
  const policy = createNotificationPolicy({
    enabled: () => args.notify,
    windowMs: 300,
    text: () => words,
  });
  const disconnectPolicy = connectTracker(tracker, policy);
  policy.onNotify((request) => sends.push(notifier.notify(request)));

  const refreshUrl = async (taskId: string, videoId: string) => {
    const task = await client.getTask(taskId);
    return task.videos.find((v) => v.id === videoId)?.resultUrl ?? null;
  };
  const queue: DownloadQueue | null =
    dir === null
      ? null
      : createDownloadQueue({
          dir: () => dir,
          refreshUrl,
          concurrency: 2,
          access: mediaAccessOf(client),
        });

  const outcomes = new Map<string, Outcome>();
  let finish!: (code: number) => void;
  const done = new Promise<number>((res) => (finish = res));
  let finished = false;
  const end = (code: number) => {
    if (finished) return;
    finished = true;
    finish(code);
  };
  const settle = (taskId: string, outcome: Outcome) => {
    if (outcomes.has(taskId)) return;
    outcomes.set(taskId, outcome);
    if (outcomes.size === args.taskIds.length) {
      end([...outcomes.values()].every((o) => o === 'ok') ? EXIT_OK : EXIT_FAILED);
    }
  };

  const download = async (task: TrackedTask) => {
    const videos = task.videos.filter((v) => v.state === 'finished' && v.resultUrl);
    let allSaved = videos.length > 0;
    await Promise.all(
      videos.map(async (video) => {
        const ref = {
          taskId: task.id,
          videoId: video.id,
          url: video.resultUrl!,
          prompt: task.promptText,
          seed: video.seed,
        };
        const off = queue!.on('progress', (v, progress) => {
          if (v.videoId === video.id) view.downloadProgress(task, video.id, progress);
        });
        try {
          const result = await queue!.enqueue(ref);
          view.downloaded(task, video.id, result);
        } catch (error) {
          allSaved = false;
          if ((error as { kind?: string }).kind !== 'aborted') {
            // --json keeps the English message; people read it in their language.
            const why = args.json ? (error as Error).message : textOf(error, text.locale);
            view.downloadFailed(task, video.id, why);
          }
        } finally {
          off();
        }
      }),
    );
    settle(task.id, allSaved ? 'ok' : 'failed');
  };

  const lastRetry = new Map<string, string | null>();
  tracker.on('changed', (task, keys) => {
    if (finished) return;
    if (keys.includes('state') || keys.includes('progress') || keys.includes('promptText')) {
      if (task.state === 'queued' || task.state === 'running') view.update(task, null);
    }
  });
  tracker.on('error', (taskId, error) => {
    const task = tracker.get(taskId);
    if (finished || !task || lastRetry.get(taskId) === error.message) return;
    lastRetry.set(taskId, error.message);
    if (error.kind !== 'token-rejected' && error.kind !== 'forbidden') view.update(task, error);
  });
  tracker.on('finished', (task) => {
    if (finished || outcomes.has(task.id)) return;
    view.finished(task);
    if (queue) void download(task);
    else settle(task.id, 'ok');
  });
  tracker.on('failed', (task) => {
    if (finished || outcomes.has(task.id)) return;
    // The server's own words, as sent and marked as its words; else our account of it.
    const said = task.videos.find((v) => v.state === 'failed' && v.error)?.error;
    const words = args.json ? cliText('en') : text; // --json: stable English
    const lastError = task.lastError ? textOf(task.lastError, words.locale) : undefined;
    const reason = said ?? lastError ?? words.t.watch.generationFailed;
    view.failed(task, reason, said !== undefined);
    settle(task.id, 'failed');
  });
  tracker.on('stalled', (task) => {
    if (finished || outcomes.has(task.id)) return;
    view.stalled(task);
    settle(task.id, 'stalled');
  });
  tracker.on('status', (status) => {
    const blocked = status.blocked ?? null;
    if (finished || (!status.tokenRejected && blocked === null)) return;
    // Blocked means a 401 (token) or 402/403 (account): no task can go on until the user acts.
    // --json keeps the stable English words; people read theirs.
    const words = (t: CliText) =>
      blocked ? textOf(blocked, t.locale) : t.t.apiError['token-rejected']('');
    say(words(text));
    const message = args.json ? words(cliText('en')) : words(text);
    for (const id of args.taskIds) {
      const task = tracker.get(id);
      if (task && !outcomes.has(id)) view.failed(task, message);
    }
    end(EXIT_TOKEN);
  });

  const interrupted = new AbortController();
  const onSigint = () => interrupted.abort();
  process.once('SIGINT', onSigint);
  const onInterrupt = () => end(EXIT_INTERRUPTED);
  interrupted.signal.addEventListener('abort', onInterrupt, { once: true });
  deps.interrupt?.addEventListener('abort', onInterrupt, { once: true });
  if (deps.interrupt?.aborted) end(EXIT_INTERRUPTED);

  const deadline =
    args.timeoutMs === null
      ? null
      : setTimeout(() => {
          for (const id of args.taskIds) {
            const task = tracker.get(id);
            if (task && !outcomes.has(id)) {
              view.timeout(task);
              outcomes.set(id, 'timeout');
            }
          }
          end(EXIT_FAILED);
        }, args.timeoutMs);

  tracker.add(args.taskIds);
  const code = await done;

  // Wind down: stop polling and downloads (a cut download keeps its .part), then give the
  // notifications a bounded moment.
  if (deadline) clearTimeout(deadline);
  process.removeListener('SIGINT', onSigint);
  deps.interrupt?.removeEventListener('abort', onInterrupt);
  if (code === EXIT_INTERRUPTED) {
    deps.err(text.t.watch.interrupted);
  }
  queue?.cancelAll();
  await Promise.race([queue?.idle(), wait(5_000)]);
  await tracker.close();
  if (code !== EXIT_INTERRUPTED) policy.flush();
  disconnectPolicy();
  policy.dispose();
  view.close();
  await Promise.race([Promise.allSettled(sends), wait(timeoutMs + 500)]);
  return code;
}

function wait(ms: number): Promise<void> {
  return new Promise((res) => setTimeout(res, ms).unref());
}
