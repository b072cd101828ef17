// `pika-tray get <task>`: asks the feed once (retrying only what is worth retrying, briefly)
// and prints the task for a person, or as JSON with --json.
import { PikaApiError } from '../../core/api/errors';
import type { FeedTask, FeedVideo } from '../../core/api/types';
import { UNKNOWN_TASK_LIMIT } from '../../core/tasks/unknown-task';
import { parseTaskInput } from '../../core/tasks/parse-input';
import type { CliContext } from '../command';
import { EXIT, exitCodeOf } from '../exit-codes';
import { SHARED_HELP, UsageError, parseCommandArgs } from '../options';

export const GET_HELP = `Usage: pika-tray get <task> [--json] [--retries <n>]

Asks the Pika API once about a task and prints its status, progress, seed, duration, links
and error. <task> is a task id, a feed link (…/pika/feed/<id>) or a pasted feed answer.

  --json          print the task as JSON (the normalised form the app uses)
  --retries <n>   retries for rate limits, server and network errors (default 3, max 10)

A task created moments ago can be unknown to the gateway for a few seconds. Like the app,
get calls a task unknown only after 3 "no such task" answers in a row: it asks again after
1 s and 2 s (saying so on stderr), so an unknown id costs about 3 s before exit 1.

${SHARED_HELP}

Exit codes: 0 answered, 1 task unknown or the server kept failing, 2 bad usage or
configuration, 3 token rejected or account not allowed.`;

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
  const { values, positionals } = parseCommandArgs(argv, GET_OPTIONS);
  if (values['help']) {
    ctx.out(GET_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('get needs a task id: pika-tray get <task>');
  const parsed = parseTaskInput(positionals.join(' '));
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    throw new UsageError(`not a task id: ${first.input}: ${first.message}`);
  }
  if (parsed.ids.length !== 1) throw new UsageError('get takes exactly one task.');
  const taskId = parsed.ids[0]!;
  const retries = retriesFrom(values['retries']);
  const client = ctx.client(values);

  let unknownAnswers = 0;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const task = await client.getTask(taskId);
      if (values['json']) ctx.out(JSON.stringify(task, null, 2));
      else for (const line of describeTask(task)) ctx.out(line);
      return EXIT.ok;
    } catch (err) {
      if (!(err instanceof PikaApiError)) throw err;
      if (err.kind === 'unknown-task') {
        unknownAnswers += 1;
        const pause = UNKNOWN_WAITS_MS[unknownAnswers - 1];
        if (unknownAnswers < UNKNOWN_TASK_LIMIT && pause !== undefined) {
          ctx.err(
            `pika-tray get: ${err.message} A task created moments ago can be unknown for a few seconds: asking again in ${(pause / 1000).toFixed(0)} s (answer ${unknownAnswers} of ${UNKNOWN_TASK_LIMIT})…`,
          );
          attempt -= 1; // not a failure of the server: --retries is not spent on it
          await new Promise((resolve) => setTimeout(resolve, pause));
          continue;
        }
        ctx.err(`pika-tray get: ${err.message}`);
        if (unknownAnswers > 1)
          ctx.err(`The server said ${unknownAnswers} times in a row that it has no such task.`);
        return exitCodeOf(err);
      }
      const wait = backoffMs(attempt, err.retryAfterMs);
      if (!err.retryable || attempt >= retries || wait > MAX_WAIT_MS) {
        ctx.err(`pika-tray get: ${err.message}`);
        if (err.retryable && attempt > 0) ctx.err(`Gave up after ${attempt + 1} attempts.`);
        if (err.kind === 'token-rejected')
          ctx.err('Set PIKA_TOKEN (or pass --token) to a valid API token.');
        return exitCodeOf(err);
      }
      ctx.err(`pika-tray get: ${err.message} Retrying in ${(wait / 1000).toFixed(1)} s…`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

function retriesFrom(value: string | boolean | undefined): number {
  if (value === undefined) return 3;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n > 10) {
    throw new UsageError('--retries must be a whole number from 0 to 10.');
  }
  return n;
}

/** Short exponential backoff with jitter, or what the server asked for. */
function backoffMs(attempt: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const base = 300 * 2 ** attempt;
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export function describeTask(task: FeedTask): string[] {
  const lines = [`Task       ${task.id}`];
  if (task.promptText !== '') lines.push(`Prompt     ${task.promptText}`);
  const progress = task.progress === null ? '' : ` · ${task.progress}%`;
  const none = task.videos.length === 0 ? ' (no videos yet)' : '';
  lines.push(`Status     ${task.state}${progress}${none}`);
  task.videos.forEach((video, i) => {
    lines.push(
      '',
      task.videos.length === 1
        ? `Video      ${video.id}`
        : `Video ${i + 1}/${task.videos.length}  ${video.id}`,
    );
    lines.push(...describeVideo(video));
  });
  return lines;
}

function describeVideo(v: FeedVideo): string[] {
  const lines: string[] = [];
  const raw = v.status.toLowerCase() === expectedRaw(v.state) ? '' : ` (server says "${v.status}")`;
  const progress = v.progress === null || v.state === 'failed' ? '' : ` · ${v.progress}%`;
  lines.push(`  Status     ${v.state}${progress}${raw}`);
  if (v.seed !== null) lines.push(`  Seed       ${v.seed}`);
  if (v.duration !== null) lines.push(`  Duration   ${v.duration} s`);
  if (v.resultUrl) lines.push(`  Video URL  ${v.resultUrl}`);
  if (v.sharingUrl) lines.push(`  Share URL  ${v.sharingUrl}`);
  if (v.videoPoster) lines.push(`  Poster     ${v.videoPoster}`);
  if (v.imageThumb) lines.push(`  Thumbnail  ${v.imageThumb}`);
  if (v.error) lines.push(`  Error      ${v.error}`);
  return lines;
}

function expectedRaw(state: FeedVideo['state']): string {
  return { queued: 'queued', running: 'pending', finished: 'finished', failed: 'error' }[state];
}
