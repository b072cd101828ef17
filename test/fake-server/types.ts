// The fake Pika server's control surface, shared by tests, benchmarks and `npm run mock-api`.
// Durations are real milliseconds: tests pick small ones, mock-api realistic ones.

export interface FakeTaskSpec {
  /** Defaults to a fresh UUID. */
  id?: string;
  prompt?: string;
  /** Time spent `queued` (videos empty for the first half of it). Default 1000. */
  queuedMs?: number;
  /** Time spent `pending` with progress rising 0 -> 99. Default 3000. */
  runMs?: number;
  /** How the generation ends. Default 'finished'. */
  outcome?: 'finished' | 'error';
  /** Reason reported when outcome is 'error'. */
  errorMessage?: string;
  /** How progress moves while pending (added for issue 19; default 'linear', 0 -> 99):
   * 'stall-then-jump' sits at 0 % for the first 70 % of the run, then jumps to 60 % and
   * rises; 'none' never reports progress; 'race-then-crawl' reaches 90 % in the first 20 %
   * of the run and crawls after; 'step-back' rises, falls back by 30 points at mid-run
   * (a retried stage), and rises again. */
  progress?: ProgressCurve;
  /** Videos in the task; the first has the task's id. Default 1. */
  videos?: number;
  /** Size of the served MP4; default: the real small playable fixture. Larger sizes serve
   * deterministic synthetic bytes (for download tests and benchmarks). */
  mediaBytes?: number;
}

export type ProgressCurve = 'linear' | 'stall-then-jump' | 'none' | 'race-then-crawl' | 'step-back';

/** A fault applies to matching requests while `count` lasts (default: until cleared). */
export type FakeFault = { count?: number; taskId?: string } & (
  | { kind: 'rate-limit'; retryAfter?: string; body?: 'empty' | 'json' }
  | { kind: 'server-error'; status?: number; body?: 'json' | 'text' }
  | { kind: 'html-error'; status?: number }
  | { kind: 'malformed-json' }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'unknown-status'; value: string }
  | { kind: 'empty-videos' }
  | { kind: 'finished-without-url' }
  | { kind: 'task-not-exist' }
  | { kind: 'extra-fields' }
  // Added by H1 (backward compatible): any status/body/headers, e.g. 402/403 quota, 404, 3xx.
  | { kind: 'http-status'; status: number; body?: string; headers?: Record<string, string> }
  // Added by H1: merge fields into the feed answer (`task`) and each of its videos (`video`).
  | { kind: 'patch-answer'; task?: Record<string, unknown>; video?: Record<string, unknown> }
  // Faults on the media (result URL) routes:
  | { kind: 'media-reset'; afterBytes: number }
  | { kind: 'media-no-range' }
  | { kind: 'media-expired'; status?: 403 | 404 | 410 }
  | { kind: 'media-slow'; bytesPerSecond: number }
  // Hostile CDN answers (issue 14). media-swap: the first request it hits is cut after
  // `afterBytes`, then the video's content becomes another file (new ETag and Last-Modified)
  // whose ranges are served whatever If-Range says. media-encoded: the whole file compressed
  // although the client asked for identity. media-empty: 200 with Content-Length: 0.
  | { kind: 'media-swap'; afterBytes: number }
  | { kind: 'media-encoded'; encoding?: 'gzip' }
  | { kind: 'media-empty' }
);

export interface FakeRequestLog {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Status sent; 0 for a request the 'hang' fault never answers (logged when it arrives). */
  status: number;
  /** Epoch ms when the answer started. */
  at: number;
  range?: string;
  /** The If-Range header, when there was one (added for issue 14). */
  ifRange?: string;
  /** The query string without '?', when there was one (added by H1). */
  query?: string;
  /** The Authorization header as received, when there was one (issue 16: where the token went). */
  authorization?: string;
}

/**
 * What the billing routes answer (issue 21). `limit` is api.gpt.ge's shape (hard limit in the
 * subscription, usage in hundredths of a dollar); `unlimited` sends the 100000000 marker;
 * `balance` adds used_usd and balance_usd as some gateways do; the rest are gateways without
 * credit (a plain 404, a web page with 200, JSON of another shape) or one failing (5xx).
 */
export type FakeCredit =
  | { kind: 'limit'; limitUsd: number; usedUsd: number }
  | { kind: 'unlimited'; usedUsd?: number }
  | { kind: 'balance'; limitUsd: number; usedUsd: number; balanceUsd: number }
  | { kind: 'not-found' }
  | { kind: 'html' }
  | { kind: 'odd-shape' }
  | { kind: 'server-error'; status?: number }
  /** The subscription with this limit, but no usage route (404). */
  | { kind: 'no-usage'; limitUsd: number }
  /** Any status and body on both routes (an error envelope, a quota refusal). */
  | { kind: 'answer'; status: number; body: string };

export interface FakePikaOptions {
  /** Accepted bearer token. Default 'test-token'. */
  token?: string;
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
  /** Rate limit: at most `max` feed requests per fixed window of `windowMs` (it starts at the
   * first request after the last one ended), 429 beyond. `headers` (added for issue 19): say
   * the limit on every feed answer as X-RateLimit-* or IETF RateLimit-* headers; default none,
   * like most gateways. */
  rateLimit?: { max: number; windowMs: number; headers?: 'x-ratelimit' | 'ratelimit' };
  /** Default spec for tasks created by POST /pika/generate. */
  generatedTask?: Omit<FakeTaskSpec, 'id'>;
  /**
   * The shape a refused generate body is answered in (added for issue 8, backward compatible):
   * the task routes' `{code, message, data}` (default) or OpenAI's `{error: {message, type,
   * code, param}}`, which names the field in `param`.
   */
  generateErrors?: 'task-route' | 'openai';
  /** The billing routes' answers; default `{kind: 'limit', limitUsd: 5, usedUsd: 1.39}`. */
  credit?: FakeCredit;
  /** Serve https with this key and certificate instead of plain http (issue 13). */
  tls?: { key: string; cert: string };
  /** Base of the media links in feed answers (e.g. https://cdn.pika.test, reached through a
   * test proxy); default the server's own URL (issue 13). */
  mediaBase?: string;
}

export interface FakePika {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  token: string;
  /** Creates a task that starts its life now; returns its id. */
  addTask(spec?: FakeTaskSpec): string;
  /** The instant (epoch ms) the task turned finished/error on the server, or null. */
  endedAt(taskId: string): number | null;
  /** The exact bytes served for a video's resultUrl (for byte-for-byte comparisons). */
  mediaBytes(videoId: string): Buffer;
  fault(fault: FakeFault): void;
  /** Changes what the billing routes answer from now on (a top-up, a spend, a 404). */
  setCredit(credit: FakeCredit): void;
  clearFaults(): void;
  /** Every request answered so far. */
  readonly requests: readonly FakeRequestLog[];
  /** Bodies received by POST /pika/generate, in order. */
  readonly generateBodies: readonly unknown[];
  close(): Promise<void>;
}
