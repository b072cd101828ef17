// Every failure of the Pika API is one of these kinds, so callers decide by kind (stop, back
// off, ask for a token) and show `message`, which is written for a person and never holds
// the token.
import type { RateLimitInfo } from './types';
import type { MessageRef } from '../text/message-ref';

/** Every kind, for code that must check a kind read back from disk or another module. */
export const PIKA_ERROR_KINDS = [
  'token-rejected', // 401: missing, invalid, expired or exhausted token
  'forbidden', // 402/403: banned, IP or model not allowed, out of quota
  'unknown-task', // 404, or 400 task_not_exist
  'bad-request', // other 4xx: the request itself was refused (e.g. generate validation)
  'rate-limited', // 429
  'server', // 5xx
  'network', // DNS, refused, reset, timeout
  'bad-response', // not JSON, an HTML page, or JSON of the wrong shape
] as const;

export type PikaErrorKind = (typeof PIKA_ERROR_KINDS)[number];

export interface PikaErrorInit {
  kind: PikaErrorKind;
  /** English: logs, `--json`, and readers that know no ref. */
  message: string;
  /** The same words as data, rendered in the reader's language (window, CLI, notices). */
  ref?: MessageRef;
  status?: number;
  /** The server's own message, when it sent one. */
  serverMessage?: string;
  /** The server's error code (`task_not_exist`, `insufficient_user_quota`, ...). */
  code?: string;
  /** Milliseconds to wait before retrying, from Retry-After (already capped). */
  retryAfterMs?: number;
  /** The field the server blamed, when it said (generate validation). */
  field?: string;
  /** Set when the proxy failed, not the gateway: the proxy as scheme://host:port (no
   * password). Still kind 'network' (polling backs off); the app says "proxy unreachable". */
  proxy?: string;
  /** What the answer's headers said about the rate limit, when they said anything. */
  rateLimit?: RateLimitInfo;
  cause?: unknown;
}

export class PikaApiError extends Error {
  readonly kind: PikaErrorKind;
  /** What `message` says, as data: rendered in the reader's language (window, CLI, notice). */
  readonly ref: MessageRef | undefined;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly field: string | undefined;
  readonly proxy: string | undefined;
  readonly rateLimit: RateLimitInfo | undefined;

  constructor(init: PikaErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PikaApiError';
    this.kind = init.kind;
    this.ref = init.ref;
    this.status = init.status;
    this.serverMessage = init.serverMessage;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.field = init.field;
    this.proxy = init.proxy;
    this.rateLimit = init.rateLimit;
  }

  /** Worth asking again later without the user doing anything. */
  get retryable(): boolean {
    return (
      this.kind === 'rate-limited' ||
      this.kind === 'server' ||
      this.kind === 'network' ||
      this.kind === 'bad-response'
    );
  }
}
