// The options every command takes, and how they become a client. The token comes from
// --token or PIKA_TOKEN (the environment is better: a flag shows up in the process list), the
// base URL from --base-url or PIKA_BASE_URL, checked by the same rule as the app's settings.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_BASE_URL, normalizeBaseUrl } from '../core/api/base-url';
import { createPikaClient, type PikaClient } from '../core/api/client';
import { PROXY_HELP, httpLayerFrom } from './network-options';

export const SHARED_OPTIONS = {
  'base-url': { type: 'string' },
  token: { type: 'string' },
  proxy: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const SHARED_HELP = `Options for every command:
  --base-url <url>  API base URL (or env PIKA_BASE_URL; default ${DEFAULT_BASE_URL})
  --token <token>   API token (or env PIKA_TOKEN, which keeps it out of the process list)
${PROXY_HELP}
  -h, --help        show help`;

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

/** parseArgs in strict mode with the shared options merged in; throws UsageError. */
export function parseCommandArgs(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
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
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export interface ResolvedConfig {
  baseUrl: string;
  token: string;
}

/** Base URL and token from the options, then the environment; throws UsageError naming what is wrong. */
export function resolveConfig(values: SharedValues, env: NodeJS.ProcessEnv): ResolvedConfig {
  const flagUrl = typeof values['base-url'] === 'string' ? values['base-url'] : undefined;
  const rawUrl = flagUrl ?? (env['PIKA_BASE_URL'] || undefined);
  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(rawUrl);
  } catch (err) {
    const from = flagUrl === undefined ? 'PIKA_BASE_URL' : '--base-url';
    throw new UsageError(`${from}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const flagToken = typeof values['token'] === 'string' ? values['token'].trim() : undefined;
  const token = flagToken || env['PIKA_TOKEN']?.trim() || '';
  if (token === '') {
    throw new UsageError(
      'No API token: set the environment variable PIKA_TOKEN (or pass --token).',
    );
  }
  if (/\s/.test(token))
    throw new UsageError('The API token must not contain spaces or line breaks.');
  return { baseUrl, token };
}

/** A client for the shared options; throws UsageError for a missing token or a bad base URL. */
export function clientFrom(
  values: SharedValues,
  env: NodeJS.ProcessEnv,
  timeoutMs?: number,
): PikaClient {
  const { baseUrl, token } = resolveConfig(values, env);
  const http = httpLayerFrom(values, env);
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
