// `pika-tray generate "<prompt>" [options]` arguments -> the same form the app's "New video"
// view fills, so both build the request body with one function and one set of rules.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { emptyForm, type GenerateForm } from '../../core/generate/generate-form';

export interface GenerateArgs {
  form: GenerateForm;
  /** --image: a file path or an http(s) URL, resolved by the command. */
  image: string | null;
  /** --extend: a task id (its finished video) or a video URL, resolved by the command. */
  extend: string | null;
  json: boolean;
  watch: boolean;
  /** --timeout in ms: how long to wait for the answer before calling the outcome unknown. */
  timeoutMs: number | null;
  /** Options for `watch` (its own spelling), given with --watch; checked by watch itself. */
  watchArgv: string[];
  /** Values of the shared options (--base-url, --token, ...), passed through untouched. */
  shared: Record<string, string | boolean | undefined>;
}

export const GENERATE_OPTIONS = {
  model: { type: 'string' },
  effect: { type: 'string' },
  aspect: { type: 'string' },
  'frame-rate': { type: 'string' },
  motion: { type: 'string' },
  guidance: { type: 'string' },
  negative: { type: 'string' },
  image: { type: 'string' },
  extend: { type: 'string' },
  json: { type: 'boolean' },
  watch: { type: 'boolean' },
  timeout: { type: 'string' },
  // Passed on to `watch` with --watch:
  'download-dir': { type: 'string' },
  'no-notify': { type: 'boolean' },
  interval: { type: 'string' },
  'watch-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export type ParsedGenerate =
  { ok: true; args: GenerateArgs } | { ok: false; error: string } | { ok: 'help' };

/**
 * `sharedOptions`: the options every command takes (owned by the CLI's options module), so
 * they may appear anywhere on the line without being refused as unknown.
 */
export function parseGenerateArgs(
  argv: string[],
  sharedOptions: NonNullable<ParseArgsConfig['options']> = {},
): ParsedGenerate {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...sharedOptions, ...GENERATE_OPTIONS },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v['help']) return { ok: 'help' };
  const str = (key: string): string | undefined => {
    const value = v[key];
    return typeof value === 'string' ? value : undefined;
  };

  // An unquoted prompt arrives as several words: take them as one prompt.
  const prompt = parsed.positionals.join(' ');
  const form: GenerateForm = { ...emptyForm(), prompt };
  form.model = str('model') ?? form.model;
  form.pikaffect = str('effect') ?? form.pikaffect;
  form.aspectRatio = str('aspect') ?? form.aspectRatio;
  form.frameRate = str('frame-rate') ?? form.frameRate;
  form.motion = str('motion') ?? form.motion;
  form.guidanceScale = str('guidance') ?? form.guidanceScale;
  form.negativePrompt = str('negative') ?? form.negativePrompt;

  let timeoutMs: number | null = null;
  const timeout = str('timeout');
  if (timeout !== undefined) {
    const seconds = Number(timeout);
    if (!/^\d+(\.\d+)?$/.test(timeout.trim()) || seconds <= 0 || seconds > 600) {
      return { ok: false, error: '--timeout must be a number of seconds above 0, at most 600.' };
    }
    timeoutMs = Math.round(seconds * 1000);
  }

  const watchArgv: string[] = [];
  const dir = str('download-dir');
  if (dir !== undefined) watchArgv.push('--download-dir', dir);
  if (v['no-notify'] === true) watchArgv.push('--no-notify');
  const interval = str('interval');
  if (interval !== undefined) watchArgv.push('--interval', interval);
  const watchTimeout = str('watch-timeout');
  if (watchTimeout !== undefined) watchArgv.push('--timeout', watchTimeout);
  if (watchArgv.length > 0 && v['watch'] !== true) {
    return {
      ok: false,
      error: '--download-dir, --no-notify, --interval and --watch-timeout only apply with --watch.',
    };
  }

  const shared: GenerateArgs['shared'] = {};
  for (const key of Object.keys(sharedOptions)) shared[key] = v[key];

  return {
    ok: true,
    args: {
      form,
      image: str('image') ?? null,
      extend: str('extend') ?? null,
      json: v['json'] === true,
      watch: v['watch'] === true,
      timeoutMs,
      watchArgv,
      shared,
    },
  };
}

export const GENERATE_HELP = `Usage: pika-tray generate "<prompt>" [options]

Starts one video generation (billed by Pika) and prints its task id.
The request is sent once and never retried: if no answer comes, the outcome is unknown
and you should check your tasks before sending again.

Options:
  --model 1.5|2.0          Pika model (default 2.0)
  --effect NAME            Pikaffect: Levitate, Decapitate, Eye-pop, Ta-da, Deflate,
                           Crumble, Dissolve, Squish, Inflate, Melt, Crush, Cake-ify, Explode
  --aspect W:H             16:9 (default), 9:16, 1:1, 4:5, 5:4, 4:3, 3:4
                           (ignored with --image or --extend: the frame comes from them)
  --frame-rate N           8-24 frames per second (default 24)
  --motion N               0-4 (default 1)
  --guidance N             8-24, how closely to follow the prompt (default 12)
  --negative TEXT          what the video should avoid
  --image FILE|URL         start from an image: a PNG/JPEG/WebP file (up to 10 MB) or https URL
  --extend TASK|URL        continue a finished video: its task id or its video URL
  --json                   print {"id": ...} as JSON
  --watch                  follow the new task until it ends (as "pika-tray watch"); with
                           --json its events follow the id as JSON lines
    --download-dir DIR     with --watch: save the video in DIR
    --no-notify            with --watch: no desktop notification
    --interval SECONDS     with --watch: shortest gap between checks (default 5)
    --watch-timeout SECONDS  with --watch: stop waiting after this long (exit 1)
  --timeout SECONDS        how long to wait for the server's answer (default 30); the
                           request is not resent after it
`;
