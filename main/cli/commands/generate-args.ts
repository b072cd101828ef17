// `pika-tray generate "<prompt>" [options]` arguments -> the same form the app's "New video"
// view fills, so both build the request body with one function and one set of rules.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { emptyForm, type GenerateForm } from '../../core/generate/generate-form';
import { cliText, type CliText } from '../i18n';
import { parseArgsProblem } from '../options';

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
  text: CliText = cliText('en'),
): ParsedGenerate {
  const u = text.t.usage;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...sharedOptions, ...GENERATE_OPTIONS },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    return { ok: false, error: parseArgsProblem(err, text) };
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
      return { ok: false, error: u.generateTimeout };
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
    return { ok: false, error: u.watchOnly };
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
