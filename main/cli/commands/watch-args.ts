// Arguments of `pika-tray watch`: task ids (or feed links / feed answers) and the options.
// Nothing is contacted here; every mistake is found before the first request.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseTaskInput } from '../../core/tasks/parse-input';
import { downloadFolderProblem } from '../../core/download/folder-rules';

export const WATCH_HELP = `Usage: pika-tray watch <task...> [options]

Follows Pika tasks until each has finished or failed, showing progress.
A task is a task id, a .../pika/feed/<id> link or a feed answer (JSON).

Options:
  --download-dir DIR      Save every video of each finished task in DIR (it must exist).
                          Interrupted downloads resume next time.
  --json                  Print one JSON object per line per event instead of progress bars:
                          {"type": "update"|"finished"|"downloaded"|"failed"|"stalled"|"timeout",
                           "taskId": ..., ...}
  --no-notify             No desktop notification when a task finishes or fails.
  --timeout SECONDS       Stop waiting after SECONDS (exit 1 if a task is still running).
  --interval SECONDS      Shortest gap between two checks of a task (default 5).
  --max-interval SECONDS  Longest gap between two checks of a task (default 60).
  --stalled-after SECONDS Report a task still running after this long as stalled and stop
                          waiting for it (default 3600).
  --max-rate N            At most N requests per minute (default: no cap). The rate is learnt
                          from the gateway anyway: generous at first, cut on a 429 (at once to
                          what Retry-After / RateLimit headers say), raised slowly while clean;
                          this run only remembers it in memory. --max-rate bounds it; each
                          running task is still asked at least once per --max-interval.
  -h, --help              Show this help.

Exit codes: 0 every task finished (and was saved, with --download-dir);
            1 a task failed, stalled or timed out, or a download failed;
            2 bad arguments or configuration; 3 the API token was rejected or the
            account refused (quota, ban, IP);
            130 interrupted (Ctrl-C): partial downloads stay as .part files and resume.
`;

export interface WatchArgs {
  taskIds: string[];
  downloadDir: string | null;
  json: boolean;
  notify: boolean;
  timeoutMs: number | null;
  floorMs: number;
  capMs: number;
  stalledAfterMs: number;
  /** --max-rate: requests per minute at most, or null for no cap. */
  maxRatePerMin: number | null;
  /** Values of the shared options (--base-url, ...), passed through untouched. */
  shared: Record<string, string | boolean | undefined>;
}

export type WatchArgsResult =
  | { ok: true; args: WatchArgs }
  | { ok: false; error: string }
  | {
      ok: 'help';
    };

const WATCH_OPTIONS = {
  'download-dir': { type: 'string' },
  json: { type: 'boolean' },
  notify: { type: 'boolean' },
  'no-notify': { type: 'boolean' },
  timeout: { type: 'string' },
  interval: { type: 'string' },
  'max-interval': { type: 'string' },
  'stalled-after': { type: 'string' },
  'max-rate': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const DEFAULT_FLOOR_SEC = 5;
export const DEFAULT_CAP_SEC = 60;
export const DEFAULT_STALLED_SEC = 3600;

function seconds(
  name: string,
  raw: string | undefined,
  fallback: number | null,
  min: number,
): number | null | string {
  if (raw === undefined) return fallback;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || value < min) {
    return `--${name} takes a number of seconds${min > 0 ? ` of at least ${min}` : ''}, not "${raw}".`;
  }
  return value;
}

export function parseWatchArgs(
  argv: string[],
  sharedOptions: NonNullable<ParseArgsConfig['options']> = {},
): WatchArgsResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...sharedOptions, ...WATCH_OPTIONS },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return { ok: 'help' };

  const input = parseTaskInput(parsed.positionals.join('\n'));
  if (input.errors.length > 0) {
    return {
      ok: false,
      error: input.errors.map((e) => `${e.input ? `"${e.input}": ` : ''}${e.message}`).join('\n'),
    };
  }
  if (input.ids.length === 0) return { ok: false, error: 'Give at least one task id to watch.' };

  const timeout = seconds('timeout', v.timeout as string | undefined, null, 0.001);
  const floor = seconds('interval', v.interval as string | undefined, DEFAULT_FLOOR_SEC, 0.01);
  const cap = seconds('max-interval', v['max-interval'] as string | undefined, null, 0.01);
  const stalled = seconds(
    'stalled-after',
    v['stalled-after'] as string | undefined,
    DEFAULT_STALLED_SEC,
    0.01,
  );
  for (const value of [timeout, floor, cap, stalled]) {
    if (typeof value === 'string') return { ok: false, error: value };
  }
  const floorSec = floor as number;
  // The cap keeps its default unless the interval is longer (the tracker slows down towards
  // the cap while nothing changes).
  const capSec = (cap as number | null) ?? Math.max(DEFAULT_CAP_SEC, floorSec);
  if (capSec < floorSec) {
    return { ok: false, error: '--max-interval cannot be shorter than --interval.' };
  }
  const dir = v['download-dir'];
  if (dir === '') return { ok: false, error: '--download-dir needs a folder.' };
  const folderProblem = typeof dir === 'string' ? downloadFolderProblem(dir) : null;
  if (folderProblem !== null) return { ok: false, error: `--download-dir: ${folderProblem}` };
  const rawRate = v['max-rate'] as string | undefined;
  const maxRate = rawRate === undefined ? null : Number(rawRate.trim());
  if (maxRate !== null && (rawRate!.trim() === '' || !Number.isInteger(maxRate) || maxRate < 1)) {
    return {
      ok: false,
      error: `--max-rate takes a whole number of requests per minute of at least 1, not "${rawRate}".`,
    };
  }

  const shared: WatchArgs['shared'] = {};
  for (const key of Object.keys(sharedOptions)) shared[key] = v[key];
  return {
    ok: true,
    args: {
      taskIds: input.ids,
      downloadDir: typeof dir === 'string' ? dir : null,
      json: v.json === true,
      notify: v['no-notify'] !== true && v.notify !== false,
      timeoutMs: timeout === null ? null : Math.round((timeout as number) * 1000),
      floorMs: Math.round(floorSec * 1000),
      capMs: Math.round(capSec * 1000),
      stalledAfterMs: Math.round((stalled as number) * 1000),
      maxRatePerMin: maxRate,
      shared,
    },
  };
}
