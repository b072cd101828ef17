// Arguments of `pika-tray watch`: task ids (or feed links / feed answers) and the options.
// Nothing is contacted here; every mistake is found before the first request.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseTaskInput } from '../../core/tasks/parse-input';
import { downloadFolderProblem } from '../../core/download/folder-rules';
import { textOf } from '../../core/text/text-error';
import { cliText, type CliText } from '../i18n';
import { parseArgsProblem } from '../options';

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
  text: CliText,
): number | null | string {
  if (raw === undefined) return fallback;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || value < min) {
    const u = text.t.usage;
    return min > 0 ? u.secondsAtLeast(`--${name}`, String(min), raw) : u.seconds(`--${name}`, raw);
  }
  return value;
}

export function parseWatchArgs(
  argv: string[],
  sharedOptions: NonNullable<ParseArgsConfig['options']> = {},
  text: CliText = cliText('en'),
): WatchArgsResult {
  const u = text.t.usage;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...sharedOptions, ...WATCH_OPTIONS },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { ok: false, error: parseArgsProblem(error, text) };
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return { ok: 'help' };

  const input = parseTaskInput(parsed.positionals.join('\n'));
  if (input.errors.length > 0) {
    // The task id rules are the core's (the app's add box uses them too).
    const why = (e: (typeof input.errors)[number]) => textOf(e, text.locale);
    return {
      ok: false,
      error: input.errors
        .map((e) => (e.input ? u.inputProblem(e.input, why(e)) : why(e)))
        .join('\n'),
    };
  }
  if (input.ids.length === 0) return { ok: false, error: u.watchNeedsTask };

  const timeout = seconds('timeout', v.timeout as string | undefined, null, 0.001, text);
  const floor = seconds(
    'interval',
    v.interval as string | undefined,
    DEFAULT_FLOOR_SEC,
    0.01,
    text,
  );
  const cap = seconds('max-interval', v['max-interval'] as string | undefined, null, 0.01, text);
  const stalled = seconds(
    'stalled-after',
    v['stalled-after'] as string | undefined,
    DEFAULT_STALLED_SEC,
    0.01,
    text,
  );
  for (const value of [timeout, floor, cap, stalled]) {
    if (typeof value === 'string') return { ok: false, error: value };
  }
  const floorSec = floor as number;
  // The cap keeps its default unless the interval is longer (the tracker slows down towards
  // the cap while nothing changes).
  const capSec = (cap as number | null) ?? Math.max(DEFAULT_CAP_SEC, floorSec);
  if (capSec < floorSec) return { ok: false, error: u.capBelowFloor };
  const dir = v['download-dir'];
  if (dir === '') return { ok: false, error: u.dirEmpty };
  // The folder rules are the core's (Settings applies them too): their words come with them.
  const folderProblem = typeof dir === 'string' ? downloadFolderProblem(dir) : null;
  if (folderProblem !== null) {
    return { ok: false, error: u.problem('--download-dir', textOf(folderProblem, text.locale)) };
  }
  const rawRate = v['max-rate'] as string | undefined;
  const maxRate = rawRate === undefined ? null : Number(rawRate.trim());
  if (maxRate !== null && (rawRate!.trim() === '' || !Number.isInteger(maxRate) || maxRate < 1)) {
    return { ok: false, error: u.maxRate(rawRate!) };
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
