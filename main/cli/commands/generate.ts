// `pika-tray generate "<prompt>" [options] [--watch]`: builds the body with the same rules as
// the app's "New video" form, sends it ONCE (each call is billed; nothing here retries), and
// prints the new task id on stdout so scripts can capture it. When no answer comes, the
// outcome is unknown: say so plainly and exit 1, so nobody resends blindly.
import { cliText, type CliText } from '../i18n';
import type { PikaClient } from '../../core/api/client';
import { buildGenerateRequest } from '../../core/generate/build-request';
import {
  fieldFromServer,
  type FieldErrors,
  type GenerateField,
} from '../../core/generate/generate-form';
import { generateFailureOf } from '../../core/generate/generate-outcome';
import { imageFromUrl } from '../../core/generate/image-input';
import { extendableUrl } from '../../core/generate/prefill';
import { textOf } from '../../core/text/text-error';
import type { CliContext } from '../command';
import { EXIT } from '../exit-codes';
import { generateHelp } from '../help-pages';
import { clientFrom, SHARED_OPTIONS, UsageError } from '../options';
import { COMMANDS } from './index';
import { parseGenerateArgs, type GenerateArgs } from './generate-args';
import { imageFromFile } from './image-file';

export const EXIT_OK = EXIT.ok;
/** Refused, not sent, or unknown outcome. */
export const EXIT_FAILED = EXIT.failed;
/** Bad arguments: nothing was sent. */
export const EXIT_USAGE = EXIT.usage;

export interface GenerateDeps {
  /** Built from the shared options once the arguments are known to be valid. */
  client: (shared: GenerateArgs['shared'], timeoutMs: number | null) => PikaClient;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Follows a task until it ends; resolves to the exit code. Absent: --watch is refused. */
  watch?: (taskId: string, args: GenerateArgs) => Promise<number>;
  /** Language of the human messages. Default English. */
  text?: CliText;
}

/** The command-line option each form field comes from, for messages. */
const OPTION_OF: Record<GenerateField, string> = {
  promptText: 'prompt',
  model: '--model',
  pikaffect: '--effect',
  aspectRatio: '--aspect',
  frameRate: '--frame-rate',
  motion: '--motion',
  guidanceScale: '--guidance',
  negativePrompt: '--negative',
  image: '--image',
  video: '--extend',
};

const isUrl = (text: string) => /^https?:\/\//i.test(text.trim());

export async function runGenerate(
  argv: string[],
  deps: GenerateDeps,
  sharedOptions: Parameters<typeof parseGenerateArgs>[1] = {},
): Promise<number> {
  const text = deps.text ?? cliText('en');
  const t = text.t.generate;
  const u = text.t.usage;
  const say = (message: string) => deps.err(text.t.main.prefixed('generate', message));
  const parsed = parseGenerateArgs(argv, sharedOptions, text);
  if (parsed.ok === 'help') {
    deps.out(generateHelp(text));
    return EXIT_OK;
  }
  if (!parsed.ok) {
    say(parsed.error);
    deps.err(text.t.main.runOptionsHelp('generate'));
    return EXIT_USAGE;
  }
  const args = parsed.args;
  if (args.watch && !deps.watch) {
    say(u.watchUnavailable);
    return EXIT_USAGE;
  }
  if (args.image !== null && args.extend !== null) {
    say(u.imageAndExtend);
    return EXIT_USAGE;
  }

  let client: PikaClient;
  try {
    client = deps.client(args.shared, args.timeoutMs);
  } catch (err) {
    say(textOf(err, text.locale));
    return EXIT_USAGE;
  }

  const form = args.form;
  if (args.image !== null) {
    const image = isUrl(args.image) ? imageFromUrl(args.image) : await imageFromFile(args.image);
    if (!image.ok) {
      say(u.problem('--image', textOf(image.error, text.locale)));
      return EXIT_USAGE;
    }
    form.image = image.value;
  }
  if (args.extend !== null) {
    if (isUrl(args.extend)) {
      form.extendVideo = args.extend.trim();
    } else {
      // A task id: extend its finished video. Reading the feed is free, so it may fail loudly.
      try {
        const task = await client.getTask(args.extend.trim());
        const url = extendableUrl(task);
        if (url === null) {
          say(u.extendNotFinished(task.id));
          return EXIT_FAILED;
        }
        form.extendVideo = url;
      } catch (err) {
        const why = textOf(err, text.locale);
        say(u.problem('--extend', why));
        return EXIT_FAILED;
      }
    }
  }

  const built = buildGenerateRequest(form);
  if (!built.ok) {
    reportFieldErrors(built.errors, deps.err, text);
    return EXIT_USAGE;
  }

  let id: string;
  try {
    ({ id } = await client.generate(built.request));
  } catch (error) {
    const failure = generateFailureOf(error);
    if (failure.outcome === 'rejected') {
      const field = fieldFromServer(failure.field);
      deps.err(t.refused(field ? nameOf(field, text) : null, textOf(failure, text.locale)));
      deps.err(t.nothingStarted);
      if (failure.kind === 'token-rejected' || failure.kind === 'forbidden') return EXIT.auth;
    } else if (failure.outcome === 'not-sent') {
      say(textOf(failure, text.locale));
    } else {
      deps.err(t.unknownOutcome);
      deps.err(t.unknownDetail);
      if (error instanceof Error) deps.err(`(${error.message})`);
    }
    return EXIT_FAILED;
  }

  deps.out(args.json ? JSON.stringify({ id }) : id);
  if (args.watch && deps.watch) return deps.watch(id, args);
  if (!args.json) deps.err(t.started(id));
  return EXIT_OK;
}

/** The command table's entry point. */
export async function run(argv: string[], ctx: CliContext): Promise<number> {
  return runGenerate(
    argv,
    {
      client: (shared, timeoutMs) =>
        timeoutMs === null ? ctx.client(shared) : clientFrom(shared, ctx.env, timeoutMs, ctx.text),
      out: ctx.out,
      err: ctx.err,
      watch: watchThrough(ctx),
      text: ctx.text,
    },
    ctx.sharedOptions,
  );
}

/** --watch: hands the id to the `watch` command when this build has one. */
function watchThrough(ctx: CliContext): GenerateDeps['watch'] {
  const entry = Object.hasOwn(COMMANDS, 'watch') ? COMMANDS['watch'] : undefined;
  if (!entry) return undefined;
  return async (taskId, args) => {
    const argv = [taskId, ...args.watchArgv];
    if (args.json) argv.push('--json');
    for (const key of Object.keys(SHARED_OPTIONS)) {
      const value = args.shared[key];
      if (typeof value === 'string') argv.push(`--${key}`, value);
    }
    const watch = await entry.load();
    try {
      return await watch.run(argv, ctx);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      ctx.err(ctx.text.t.main.prefixed('watch', err.message));
      return EXIT.usage;
    }
  };
}

function reportFieldErrors(errors: FieldErrors, err: (line: string) => void, text: CliText): void {
  err(text.t.generate.nothingSent);
  for (const [field, message] of Object.entries(errors) as [GenerateField, unknown][]) {
    // The form's rules are the core's (shared with the New video view): their words come with them.
    err(`  ${text.t.usage.problem(nameOf(field, text), textOf(message, text.locale))}`);
  }
}

/** The option a field comes from; the prompt is an argument, named in the reader's words. */
function nameOf(field: GenerateField, text: CliText): string {
  return field === 'promptText' ? text.t.usage.promptArgument : OPTION_OF[field];
}
