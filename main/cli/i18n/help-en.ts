// `pika-tray --help` and each command's --help, in English: the source of keys for
// help-zh-Hans.ts. Option names, command names, environment variables and example values
// stay literal in every language; the words around them are translated. Rows are laid out
// by ../help-layout.ts (columns and wrapping in terminal columns), so no text here is padded
// or broken by hand; "\n" forces a break.
import { defineCatalog } from '../../core/i18n';

export const helpEn = defineCatalog({
  usage: (synopsis: string) => `Usage: ${synopsis}`,
  options: 'Options:',
  commands: 'Commands:',
  shared: 'Options for every command:',
  /** The exit codes of a command, as one paragraph: "0 answered, 1 …". */
  exitCodes: (codes: string) => `Exit codes: ${codes}.`,
  exitSeparator: ', ',
  /** Between exit codes whose meanings have commas of their own. */
  exitSeparatorLong: '; ',
  /** Between items of a list of literal values (effect names, ratios). */
  separator: ', ',
  main: {
    synopsis: 'pika-tray <command> [options]',
    more: 'Run "pika-tray <command> --help" for a command\'s options.',
  },
  summary: {
    get: 'Ask the API once about a task and print it',
    generate: 'Start one video generation (billed) and print its task id',
    watch: 'Follow tasks until they end; notify; download',
    credit: 'Print what the API token has left (limit, used, remaining)',
  },
  sharedRows: {
    baseUrlHead: '--base-url <url>',
    baseUrl: (fallback: string) => `API base URL (or env PIKA_BASE_URL; default ${fallback})`,
    tokenHead: '--token <token>',
    token: 'API token (or env PIKA_TOKEN, which keeps it out of the process list)',
    proxyHead: '--proxy <url>',
    proxy:
      'proxy for every request: http://host:port, https://…, socks5://…, user:pass@ allowed ' +
      '(or env PIKA_PROXY); "direct" ignores every proxy variable. ' +
      'Default: HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY',
    help: 'show help',
  },
  get: {
    synopsis: 'pika-tray get <task> [--json] [--retries <n>]',
    intro:
      'Asks the Pika API once about a task and prints its status, progress, seed, duration, ' +
      'links and error. <task> is a task id, a feed link (…/pika/feed/<id>) or a pasted feed answer.',
    json: 'print the task as JSON (the normalised form the app uses)',
    retriesHead: '--retries <n>',
    retries: 'retries for rate limits, server and network errors (default 3, max 10)',
    unknownNote:
      'A task created moments ago can be unknown to the gateway for a few seconds. Like the ' +
      'app, get calls a task unknown only after 3 "no such task" answers in a row: it asks ' +
      'again after 1 s and 2 s (saying so on stderr), so an unknown id costs about 3 s before exit 1.',
    exit0: 'answered',
    exit1: 'task unknown or the server kept failing',
  },
  credit: {
    synopsis: 'pika-tray credit [--json]',
    intro:
      'Asks the gateway what the API token has left: its limit, what was used and what ' +
      'remains (GET /v1/dashboard/billing/subscription and …/usage). A token with unlimited ' +
      'quota shows "unlimited".',
    json:
      'print {"limitUsd", "usedUsd", "remainingUsd", "unlimited"} (dollars; null where the ' +
      'gateway did not say)',
    exit0: 'answered',
    exit1: 'the gateway does not report credit (or kept failing)',
  },
  generate: {
    synopsis: 'pika-tray generate "<prompt>" [options]',
    intro:
      'Starts one video generation (billed by Pika) and prints its task id. The request is ' +
      'sent once and never retried: if no answer comes, the outcome is unknown and you ' +
      'should check your tasks before sending again.',
    model: 'Pika model (default 2.0)',
    effectHead: '--effect NAME',
    effect: (names: string) => `Pikaffect: ${names}`,
    aspectHead: '--aspect W:H',
    aspect: (ratios: string) =>
      `${ratios} (ignored with --image or --extend: the frame comes from them)`,
    aspectDefault: (ratio: string) => `${ratio} (default)`,
    frameRate: '8-24 frames per second (default 24)',
    motion: '0-4 (default 1)',
    guidance: '8-24, how closely to follow the prompt (default 12)',
    negativeHead: '--negative TEXT',
    negative: 'what the video should avoid',
    imageHead: '--image FILE|URL',
    image: 'start from an image: a PNG/JPEG/WebP file (up to 10\u00a0MB) or https URL',
    extendHead: '--extend TASK|URL',
    extend: 'continue a finished video: its task id or its video URL',
    json: 'print {"id": ...} as JSON',
    watch:
      'follow the new task until it ends (as "pika-tray watch"); with --json its events ' +
      'follow the id as JSON lines',
    downloadDirHead: '--download-dir DIR',
    downloadDir: 'with --watch: save the video in DIR',
    noNotify: 'with --watch: no desktop notification',
    intervalHead: '--interval SECONDS',
    interval: 'with --watch: shortest gap between checks (default 5)',
    watchTimeoutHead: '--watch-timeout SECONDS',
    watchTimeout: 'with --watch: stop waiting after this long (exit 1)',
    timeoutHead: '--timeout SECONDS',
    timeout:
      "how long to wait for the server's answer (default 30); the request is not resent after it",
    exit0: 'started',
    exit1: 'refused or unknown outcome (check before resending)',
    exit2: 'bad usage (nothing sent)',
  },
  watch: {
    synopsis: 'pika-tray watch <task...> [options]',
    intro:
      'Follows Pika tasks until each has finished or failed, showing progress. A task is a ' +
      'task id, a .../pika/feed/<id> link or a feed answer (JSON).',
    downloadDirHead: '--download-dir DIR',
    downloadDir:
      'Save every video of each finished task in DIR (it must exist). Interrupted downloads ' +
      'resume next time.',
    json: (types: string) =>
      `Print one JSON object per line per event instead of progress bars: {"type", "taskId", …}, type being ${types}.`,
    noNotify: 'No desktop notification when a task finishes or fails.',
    timeoutHead: '--timeout SECONDS',
    timeout: 'Stop waiting after SECONDS (exit 1 if a task is still running).',
    intervalHead: '--interval SECONDS',
    interval: 'Shortest gap between two checks of a task (default 5).',
    maxIntervalHead: '--max-interval SECONDS',
    maxInterval: 'Longest gap between two checks of a task (default 60).',
    stalledAfterHead: '--stalled-after SECONDS',
    stalledAfter:
      'Report a task still running after this long as stalled and stop waiting for it ' +
      '(default 3600).',
    maxRateHead: '--max-rate N',
    maxRate:
      'At most N requests per minute (default: no cap). The rate is learnt from the gateway ' +
      'anyway: generous at first, cut on a 429 (at once to what Retry-After / RateLimit ' +
      'headers say), raised slowly while clean; this run only remembers it in memory. ' +
      '--max-rate bounds it; each running task is still asked at least once per --max-interval.',
    exit0: 'every task finished (and was saved, with --download-dir)',
    exit1: 'a task failed, stalled or timed out, or a download failed',
    exit2: 'bad arguments or configuration',
    exit3: 'the API token was rejected or the account refused (quota, ban, IP)',
    exit130: 'interrupted (Ctrl-C): partial downloads stay as .part files and resume',
  },
  exit: {
    usage: 'bad usage or configuration',
    auth: 'token rejected or account not allowed',
  },
});

export type HelpCatalog = typeof helpEn;
