// What a command module gets and gives back. A command parses its own argv (with the shared
// options merged in), prints through `out`/`err`, and returns an exit code (see exit-codes.ts).
import type { PikaClient } from '../core/api/client';
import type { Catalog } from '../core/i18n';
import type { CliCatalog, CliText } from './i18n';
import type { SHARED_OPTIONS, SharedValues } from './options';

export interface CliContext {
  /** One line to stdout; the token is scrubbed from it. */
  out(line: string): void;
  /** One line to stderr; the token is scrubbed from it. */
  err(line: string): void;
  /** Removes this invocation's token from text written any other way (progress bars). */
  scrub(text: string): string;
  env: NodeJS.ProcessEnv;
  /** The language of human output (LC_ALL / LC_MESSAGES / LANG), its catalog and formatter. */
  text: CliText;
  /** The options every command accepts, to merge into its parseArgs config. */
  sharedOptions: typeof SHARED_OPTIONS;
  /** A client for the shared option values; throws UsageError (exit 2) for a missing token or bad URL. */
  client(shared: SharedValues): PikaClient;
}

export interface CommandModule {
  run(argv: string[], ctx: CliContext): Promise<number>;
}

export interface CommandEntry {
  /** One line for `pika-tray --help`, from the catalog of the CLI's language. */
  summary: (t: Catalog<CliCatalog>) => string;
  load(): Promise<CommandModule>;
}
