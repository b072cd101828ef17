// The command line's English words for people, help and usage errors included (see README:
// the CLI speaks English or 简体中文 after LC_ALL / LC_MESSAGES / LANG). `--json` output never
// goes through a catalog: its keys and values are stable English.
import { defineCatalog } from '../../core/i18n';
import { helpEn } from './help-en';

export const en = defineCatalog({
  help: helpEn,
  state: {
    queued: 'queued',
    running: 'running',
    finished: 'finished',
    failed: 'failed',
    stalled: 'stalled',
  },
  main: {
    unknownCommand: (name: string, list: string) =>
      `pika-tray: unknown command "${name}". Commands: ${list}.`,
    runHelp: 'Run "pika-tray --help" for usage.',
    runCommandHelp: (name: string) => `Run "pika-tray ${name} --help" for usage.`,
    unexpected: (name: string, why: string) => `pika-tray ${name}: unexpected error: ${why}`,
    /** A command's message, prefixed with the command as every error line is. */
    prefixed: (name: string, message: string) => `pika-tray ${name}: ${message}`,
    runOptionsHelp: (name: string) => `Run "pika-tray ${name} --help" for the options.`,
  },
  /** Mistakes in how a command was called (exit 2). Option names stay literal. */
  usage: {
    unknownOption: (option: string) =>
      `Unknown option '${option}'. A task id or prompt that starts with '-' goes at the end, after '--', as in: -- "${option}"`,
    missingValue: (option: string) => `${option} needs a value.`,
    noValue: (option: string) => `${option} does not take a value.`,
    ambiguousValue: (option: string) =>
      `${option} needs a value; to give one that starts with "-", write ${option}=-…`,
    /** The prompt, where it is named beside options in a list of problems. */
    promptArgument: 'prompt',
    /** Where a value came from (option or environment variable) and what is wrong with it. */
    problem: (from: string, why: string) => `${from}: ${why}`,
    noToken: 'No API token: set the environment variable PIKA_TOKEN (or pass --token).',
    tokenSpaces: 'The API token must not contain spaces or line breaks.',
    inputProblem: (input: string, why: string) => `"${input}": ${why}`,
    getNeedsTask: 'get needs a task id: pika-tray get <task>',
    notTaskId: (input: string, why: string) => `not a task id: ${input}: ${why}`,
    getOneTask: 'get takes exactly one task.',
    retries: '--retries must be a whole number from 0 to 10.',
    creditNoArgs: (got: string) => `credit takes no arguments (got "${got}").`,
    watchNeedsTask: 'Give at least one task id to watch.',
    seconds: (option: string, raw: string) => `${option} takes a number of seconds, not "${raw}".`,
    secondsAtLeast: (option: string, min: string, raw: string) =>
      `${option} takes a number of seconds of at least ${min}, not "${raw}".`,
    capBelowFloor: '--max-interval cannot be shorter than --interval.',
    dirEmpty: '--download-dir needs a folder.',
    maxRate: (raw: string) =>
      `--max-rate takes a whole number of requests per minute of at least 1, not "${raw}".`,
    generateTimeout: '--timeout must be a number of seconds above 0, at most 600.',
    watchOnly:
      '--download-dir, --no-notify, --interval and --watch-timeout only apply with --watch.',
    watchUnavailable: '--watch is not available in this build; run "pika-tray watch <id>".',
    imageAndExtend: '--image and --extend cannot be used together.',
    extendNotFinished: (id: string) => `--extend: task ${id} has no finished video yet.`,
  },
  /** The download folder as `watch` checks it on disk before anything is tracked. */
  folder: {
    notFolder: (dir: string) => `The download folder ${dir} is not a folder.`,
    missing: (dir: string) => `The download folder ${dir} does not exist. Create it first.`,
    noWrite: (dir: string) => `Cannot write to the download folder ${dir} (permission denied).`,
    unusable: (dir: string, why: string) => `The download folder ${dir} cannot be used: ${why}`,
  },
  /** --image FILE, read from disk. */
  notify: {
    noAnswer: (ms: string) => `the notification service did not answer within ${ms} ms`,
  },
  server: {
    /** How the server's own words are marked, whatever language they are in. */
    said: (words: string) => `The server said: "${words}"`,
  },
  /** Per error kind; English output keeps the core's fuller message, these are the summary. */
  apiError: {
    'token-rejected': (status: string) => `The API token was rejected${status}.`,
  },
  get: {
    task: 'Task',
    prompt: 'Prompt',
    status: 'Status',
    video: 'Video',
    videoOf: (i: number, n: number) => `Video ${i}/${n}`,
    noVideosYet: '(no videos yet)',
    serverStatus: (raw: string) => `(server says "${raw}")`,
    seed: 'Seed',
    duration: 'Duration',
    videoUrl: 'Video URL',
    shareUrl: 'Share URL',
    poster: 'Poster',
    thumbnail: 'Thumbnail',
    error: 'Error',
    unknownAgain: (wait: string, n: number, of: number) =>
      `A task created moments ago can be unknown for a few seconds: asking again in ${wait} (answer ${n} of ${of})…`,
    unknownTimes: (n: number) => `The server said ${n} times in a row that it has no such task.`,
    gaveUp: (n: number) => `Gave up after ${n} attempts.`,
    retryingIn: (wait: string) => `Retrying in ${wait}…`,
    tokenHint: 'Set PIKA_TOKEN (or pass --token) to a valid API token.',
  },
  credit: {
    limit: 'Limit',
    used: 'Used',
    remaining: 'Remaining',
    unlimited: 'unlimited',
    unknown: 'not reported',
    notOffered: (host: string, reason: string) =>
      `${host} does not report the token's credit (${reason}).`,
  },
  generate: {
    nothingSent: 'pika-tray generate: nothing was sent:',
    refused: (option: string | null, why: string) =>
      `pika-tray generate: refused${option ? ` (${option})` : ''}: ${why}`,
    nothingStarted: 'Nothing was started.',
    unknownOutcome: 'pika-tray generate: unknown outcome — check before resending.',
    unknownDetail:
      'No answer came, so the video may or may not have started (and been billed). ' +
      'Look at your Pika tasks before running this again.',
    started: (id: string) => `Started. Follow it with: pika-tray watch ${id}`,
  },
  watch: {
    retrying: (why: string) => `retrying: ${why}`,
    finishedLine: (prompt: string, videos: string) => `finished ${prompt} (${videos})`,
    videos: { one: '# video', other: '# videos' },
    failed: (error: string) => `failed: ${error}`,
    stalledLine: (state: string, after: string) =>
      `stalled: still ${state} after ${after}; stopped waiting`,
    stalledAfter: (after: string) => `stalled after ${after}`,
    timedOutWhile: (state: string) => `timed out while ${state}`,
    timedOut: 'timed out',
    generationFailed: 'The generation failed.',
    saved: 'saved',
    alreadySaved: 'already saved',
    downloadFailed: (videoId: string, error: string) =>
      `download of video ${videoId} failed: ${error}`,
    barSaved: '↓ saved',
    barAlreadySaved: '= already saved',
    barFailed: (error: string) => `↓ failed: ${error}`,
    perSecond: (size: string) => `${size}/s`,
    savedPath: (path: string) => `Saved ${path}`,
    notifyFailed: (why: string) => `pika-tray watch: could not show a notification (${why}).`,
    interrupted: 'pika-tray watch: interrupted; partial downloads are kept and resume next time.',
  },
});

export type CliCatalog = typeof en;
