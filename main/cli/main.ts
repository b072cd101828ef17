// The command line's dispatcher: picks the command, gives it a context, turns what escapes
// into a message and an exit code. Everything written, to stdout as to stderr, passes a
// token scrubber: a server may echo the token in any text we print.
import { redact } from '../core/api/classify';
import type { CliContext } from './command';
import { COMMANDS } from './commands/index';
import { EXIT } from './exit-codes';
import { mainHelp } from './help-pages';
import { cliLocale, cliText, type CliText } from './i18n';
import { SHARED_OPTIONS, UsageError, clientFrom, tokenIn } from './options';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** `pika-tray --help`: the commands and the shared options, in the given language. */
export function usage(text: CliText = cliText('en'), width?: number): string {
  const commands = Object.entries(COMMANDS).map(([name, c]) => [name, c.summary(text.t)] as const);
  return mainHelp(text, commands, width);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const tokens = tokenIn(argv, io.env);
  const scrub = (text: string): string => tokens.reduce((acc, t) => redact(acc, t), text);
  const text = cliText(cliLocale(io.env));
  const t = text.t.main;
  const ctx: CliContext = {
    out: (line) => io.stdout(`${scrub(line)}\n`),
    err: (line) => io.stderr(`${scrub(line)}\n`),
    scrub,
    env: io.env,
    text,
    sharedOptions: SHARED_OPTIONS,
    client: (shared) => clientFrom(shared, io.env, undefined, text),
  };

  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? ctx.err : ctx.out)(usage(text));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    ctx.err(t.unknownCommand(scrub(name), Object.keys(COMMANDS).join(', ')));
    ctx.err(t.runHelp);
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.err(t.prefixed(name, err.message));
      ctx.err(t.runCommandHelp(name));
      return EXIT.usage;
    }
    ctx.err(t.unexpected(name, err instanceof Error ? err.message : String(err)));
    return EXIT.failed;
  }
}
