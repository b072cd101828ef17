// `pika-tray generate "<prompt>" [options] [--watch]`: builds the body with the same rules as
// the app's "New video" form, sends it ONCE (each call is billed; nothing here retries), and
// prints the new task id on stdout so scripts can capture it. When no answer comes, the
// outcome is unknown: say so plainly and exit 1, so nobody resends blindly.
import { PikaApiError } from '../../core/api/errors';
import { cliText, type CliText } from '../i18n';
import { apiErrorText } from '../i18n/api-error-text';
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
import { renderMessage, say, type MessageRef } from '../../core/text/message-ref';
import type { CliContext } from '../command';
import { EXIT } from '../exit-codes';
import { clientFrom, SHARED_HELP, SHARED_OPTIONS, UsageError } from '../options';
import { COMMANDS } from './index';
import { parseGenerateArgs, GENERATE_HELP, type GenerateArgs } from './generate-args';
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
  const parsed = parseGenerateArgs(argv, sharedOptions);
  if (parsed.ok === 'help') {
    deps.out(`${GENERATE_HELP}\n${SHARED_HELP}\n\n${EXIT_HELP}`);
    return EXIT_OK;
  }
  if (!parsed.ok) {
    deps.err(`pika-tray generate: ${parsed.error}`);
    deps.err('Run "pika-tray generate --help" for the options.');
    return EXIT_USAGE;
  }
  const args = parsed.args;
  if (args.watch && !deps.watch) {
    deps.err(
      'pika-tray generate: --watch is not available in this build; run "pika-tray watch <id>".',
    );
    return EXIT_USAGE;
  }
  if (args.image !== null && args.extend !== null) {
    deps.err('pika-tray generate: --image and --extend cannot be used together.');
    return EXIT_USAGE;
  }

  let client: PikaClient;
  try {
    client = deps.client(args.shared, args.timeoutMs);
  } catch (err) {
    deps.err(`pika-tray generate: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_USAGE;
  }

  const form = args.form;
  const text = deps.text ?? cliText('en');
  if (args.image !== null) {
    const image = isUrl(args.image) ? imageFromUrl(args.image) : await imageFromFile(args.image);
    if (!image.ok) {
      deps.err(`pika-tray generate: --image: ${renderMessage(image.error, text.locale)}`);
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
          const why = renderMessage(say('generateFile.extendTaskUnfinished', task.id), text.locale);
          deps.err(`pika-tray generate: --extend: ${why}`);
          return EXIT_FAILED;
        }
        form.extendVideo = url;
      } catch (err) {
        deps.err(
          `pika-tray generate: --extend: ${err instanceof Error ? err.message : String(err)}`,
        );
        return EXIT_FAILED;
      }
    }
  }

  const t = text.t.generate;
  const built = buildGenerateRequest(form);
  if (!built.ok) {
    reportFieldErrors(built.errors, deps.err, t.nothingSent, text);
    return EXIT_USAGE;
  }

  let id: string;
  try {
    ({ id } = await client.generate(built.request));
  } catch (error) {
    const failure = generateFailureOf(error);
    if (failure.outcome === 'rejected') {
      const field = fieldFromServer(failure.field);
      const why = error instanceof PikaApiError ? apiErrorText(error, text) : failure.message;
      deps.err(
        t.refused(field ? OPTION_OF[field] : null, text.locale === 'en' ? failure.message : why),
      );
      deps.err(t.nothingStarted);
      if (failure.kind === 'token-rejected' || failure.kind === 'forbidden') return EXIT.auth;
    } else if (failure.outcome === 'not-sent') {
      deps.err(`pika-tray generate: ${failure.message}`);
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

const EXIT_HELP = `Exit codes: 0 started, 1 refused or unknown outcome (check before resending),
2 bad usage (nothing sent), 3 token rejected or account not allowed.`;

/** The command table's entry point. */
export async function run(argv: string[], ctx: CliContext): Promise<number> {
  return runGenerate(
    argv,
    {
      client: (shared, timeoutMs) =>
        timeoutMs === null ? ctx.client(shared) : clientFrom(shared, ctx.env, timeoutMs),
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
      ctx.err(`pika-tray watch: ${err.message}`);
      return EXIT.usage;
    }
  };
}

function reportFieldErrors(
  errors: FieldErrors,
  err: (line: string) => void,
  heading: string,
  text: CliText,
): void {
  err(heading);
  for (const [field, problem] of Object.entries(errors) as [GenerateField, MessageRef][]) {
    err(`  ${OPTION_OF[field]}: ${renderMessage(problem, text.locale)}`);
  }
}
