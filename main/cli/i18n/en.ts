// The command line's English words for people (help stays English, see README). `--json`
// output never goes through a catalog: its keys and values are stable English.
import { defineCatalog } from '../../core/i18n';

export const en = defineCatalog({
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
  },
});

export type CliCatalog = typeof en;
