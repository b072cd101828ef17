// `pika-tray get <task>`: asks the feed once (retrying only what is worth retrying, briefly)
// and prints the task for a person, or as JSON with --json.
import stringWidth from 'string-width';
import { PikaApiError } from '../../core/api/errors';
import type { FeedTask, FeedVideo } from '../../core/api/types';
import { UNKNOWN_TASK_LIMIT } from '../../core/tasks/unknown-task';
import { parseTaskInput } from '../../core/tasks/parse-input';
import { textOf } from '../../core/text/text-error';
import type { CliContext } from '../command';
import type { CliText } from '../i18n';
import { EXIT, exitCodeOf } from '../exit-codes';
import { getHelp } from '../help-pages';
import { UsageError, parseCommandArgs } from '../options';

const GET_OPTIONS = {
  json: { type: 'boolean' },
  retries: { type: 'string' },
} as const;

/** Longest server-requested wait the command sits through; beyond it, it gives up and says so. */
const MAX_WAIT_MS = 15_000;
/** Waits before asking again about a task the server does not know (yet): the app's rule of
 * UNKNOWN_TASK_LIMIT answers in a row, within a few seconds. */
const UNKNOWN_WAITS_MS = [1_000, 2_000] as const;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const u = ctx.text.t.usage;
  const { values, positionals } = parseCommandArgs(argv, GET_OPTIONS, ctx.text);
  if (values['help']) {
    ctx.out(getHelp(ctx.text));
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError(u.getNeedsTask);
  const parsed = parseTaskInput(positionals.join(' '));
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    // The rule is the core's (the app's add box uses it too): its words come with it.
    throw new UsageError(u.notTaskId(first.input, textOf(first, ctx.text.locale)));
  }
  if (parsed.ids.length !== 1) throw new UsageError(u.getOneTask);
  const taskId = parsed.ids[0]!;
  const retries = retriesFrom(values['retries'], u.retries);
  const client = ctx.client(values);

  const t = ctx.text.t.get;
  const m = ctx.text.t.main;
  const seconds = (ms: number) => ctx.text.fmt.duration(ms / 1000);
  let unknownAnswers = 0;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const task = await client.getTask(taskId);
      if (values['json']) ctx.out(JSON.stringify(task, null, 2));
      else for (const line of describeTask(task, ctx.text)) ctx.out(line);
      return EXIT.ok;
    } catch (err) {
      if (!(err instanceof PikaApiError)) throw err;
      const said = textOf(err, ctx.text.locale);
      if (err.kind === 'unknown-task') {
        unknownAnswers += 1;
        const pause = UNKNOWN_WAITS_MS[unknownAnswers - 1];
        if (unknownAnswers < UNKNOWN_TASK_LIMIT && pause !== undefined) {
          ctx.err(
            m.prefixed(
              'get',
              `${said} ${t.unknownAgain(seconds(pause), unknownAnswers, UNKNOWN_TASK_LIMIT)}`,
            ),
          );
          attempt -= 1; // not a failure of the server: --retries is not spent on it
          await new Promise((resolve) => setTimeout(resolve, pause));
          continue;
        }
        ctx.err(m.prefixed('get', said));
        if (unknownAnswers > 1) ctx.err(t.unknownTimes(unknownAnswers));
        return exitCodeOf(err);
      }
      const wait = backoffMs(attempt, err.retryAfterMs);
      if (!err.retryable || attempt >= retries || wait > MAX_WAIT_MS) {
        ctx.err(m.prefixed('get', said));
        if (err.retryable && attempt > 0) ctx.err(t.gaveUp(attempt + 1));
        if (err.kind === 'token-rejected') ctx.err(t.tokenHint);
        return exitCodeOf(err);
      }
      ctx.err(m.prefixed('get', `${said} ${t.retryingIn(ctx.text.fmt.clipLength(wait / 1000))}`));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

function retriesFrom(value: string | boolean | undefined, problem: string): number {
  if (value === undefined) return 3;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n > 10) throw new UsageError(problem);
  return n;
}

/** Short exponential backoff with jitter, or what the server asked for. */
function backoffMs(attempt: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const base = 300 * 2 ** attempt;
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Label column: padded to the widest label of this language, in terminal columns. */
function labeller(labels: readonly string[]): (label: string) => string {
  const width = Math.max(...labels.map((l) => stringWidth(l))) + 2;
  return (label) => label + ' '.repeat(Math.max(1, width - stringWidth(label)));
}

export function describeTask(task: FeedTask, text: CliText): string[] {
  const t = text.t.get;
  const state = text.t.state;
  const n = task.videos.length;
  const label = labeller([t.task, t.prompt, t.status, t.video, t.videoOf(n, n)]);
  const lines = [`${label(t.task)}${task.id}`];
  if (task.promptText !== '') lines.push(`${label(t.prompt)}${task.promptText}`);
  const progress = task.progress === null ? '' : ` · ${text.fmt.percent(task.progress / 100)}`;
  const none = n === 0 ? ` ${t.noVideosYet}` : '';
  lines.push(`${label(t.status)}${state[task.state]}${progress}${none}`);
  task.videos.forEach((video, i) => {
    lines.push('', `${label(n === 1 ? t.video : t.videoOf(i + 1, n))}${video.id}`);
    lines.push(...describeVideo(video, text));
  });
  return lines;
}

function describeVideo(v: FeedVideo, text: CliText): string[] {
  const t = text.t.get;
  const label = labeller([
    t.status,
    t.seed,
    t.duration,
    t.videoUrl,
    t.shareUrl,
    t.poster,
    t.thumbnail,
    t.error,
  ]);
  const row = (name: string, value: string) => `  ${label(name)}${value}`;
  const lines: string[] = [];
  const raw = v.status.toLowerCase() === expectedRaw(v.state) ? '' : ` ${t.serverStatus(v.status)}`;
  const progress =
    v.progress === null || v.state === 'failed' ? '' : ` · ${text.fmt.percent(v.progress / 100)}`;
  lines.push(row(t.status, `${text.t.state[v.state]}${progress}${raw}`));
  if (v.seed !== null) lines.push(row(t.seed, String(v.seed)));
  if (v.duration !== null) lines.push(row(t.duration, text.fmt.clipLength(v.duration)));
  if (v.resultUrl) lines.push(row(t.videoUrl, v.resultUrl));
  if (v.sharingUrl) lines.push(row(t.shareUrl, v.sharingUrl));
  if (v.videoPoster) lines.push(row(t.poster, v.videoPoster));
  if (v.imageThumb) lines.push(row(t.thumbnail, v.imageThumb));
  // The server's own words, marked as such, in whatever language it wrote them.
  if (v.error) lines.push(row(t.error, text.t.server.said(v.error)));
  return lines;
}

function expectedRaw(state: FeedVideo['state']): string {
  return { queued: 'queued', running: 'pending', finished: 'finished', failed: 'error' }[state];
}
