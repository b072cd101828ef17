// The options every command takes, and how they become a client. The token comes from
// --token or PIKA_TOKEN (the environment is better: a flag shows up in the process list), the
// base URL from --base-url or PIKA_BASE_URL, checked by the same rule as the app's settings.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { normalizeBaseUrl } from '../core/api/base-url';
import { createPikaClient, type PikaClient } from '../core/api/client';
import { textOf } from '../core/text/text-error';
import { cliLocale, cliText, type CliText } from './i18n';
import { httpLayerFrom } from './network-options';

export const SHARED_OPTIONS = {
  'base-url': { type: 'string' },
  token: { type: 'string' },
  proxy: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Values of the shared options as parseArgs returns them. */
export type SharedValues = Record<string, string | boolean | undefined>;

/** A mistake in how the command was called; the entry point prints it and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedCommandArgs {
  values: SharedValues;
  positionals: string[];
}

/** The CLI's words for the language of this environment (LC_ALL / LC_MESSAGES / LANG). */
export function textFor(env: NodeJS.ProcessEnv): CliText {
  return cliText(cliLocale(env));
}

/**
 * node:util parseArgs' complaint in the CLI's language. Node words it in English only; its
 * error code says which mistake it is and its message names the option, which stays literal.
 */
export function parseArgsProblem(err: unknown, text: CliText): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  const u = text.t.usage;
  const named = /'(?:-\w, )?(-[^' ]+)/.exec(message)?.[1];
  if (named === undefined) return message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return u.unknownOption(named);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(message)) return u.missingValue(named);
    if (/does not take an argument/.test(message)) return u.noValue(named);
    if (/ambiguous/.test(message)) return u.ambiguousValue(named);
  }
  return message;
}

/** parseArgs in strict mode with the shared options merged in; throws UsageError. */
export function parseCommandArgs(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  text: CliText = cliText('en'),
): ParsedCommandArgs {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...SHARED_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as SharedValues, positionals: parsed.positionals };
  } catch (err) {
    throw new UsageError(parseArgsProblem(err, text));
  }
}

export interface ResolvedConfig {
  baseUrl: string;
  token: string;
}

/** Base URL and token from the options, then the environment; throws UsageError naming what is wrong. */
export function resolveConfig(
  values: SharedValues,
  env: NodeJS.ProcessEnv,
  text: CliText = textFor(env),
): ResolvedConfig {
  const u = text.t.usage;
  const flagUrl = typeof values['base-url'] === 'string' ? values['base-url'] : undefined;
  const rawUrl = flagUrl ?? (env['PIKA_BASE_URL'] || undefined);
  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(rawUrl);
  } catch (err) {
    const from = flagUrl === undefined ? 'PIKA_BASE_URL' : '--base-url';
    // The rule is the core's (shared with Settings); its words come with it.
    throw new UsageError(u.problem(from, textOf(err, text.locale)));
  }
  const flagToken = typeof values['token'] === 'string' ? values['token'].trim() : undefined;
  const token = flagToken || env['PIKA_TOKEN']?.trim() || '';
  if (token === '') throw new UsageError(u.noToken);
  if (/\s/.test(token)) throw new UsageError(u.tokenSpaces);
  return { baseUrl, token };
}

/** A client for the shared options; throws UsageError for a missing token or a bad base URL. */
export function clientFrom(
  values: SharedValues,
  env: NodeJS.ProcessEnv,
  timeoutMs?: number,
  text: CliText = textFor(env),
): PikaClient {
  const { baseUrl, token } = resolveConfig(values, env, text);
  const http = httpLayerFrom(values, env, text);
  return createPikaClient({ baseUrl, getToken: () => token, timeoutMs, http });
}

/**
 * The token this invocation may carry (flag or environment), found before any parsing, so
 * every line written can be scrubbed of it whatever goes wrong.
 */
export function tokenIn(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const found: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--token' && argv[i + 1] !== undefined) found.push(argv[i + 1]!);
    else if (arg.startsWith('--token=')) found.push(arg.slice('--token='.length));
  });
  if (env['PIKA_TOKEN']) found.push(env['PIKA_TOKEN']);
  return found.map((t) => t.trim()).filter((t) => t !== '');
}
