// Turns every way a request can go wrong into one PikaApiError with a message a person can
// act on, plus the server's own words. Every text that could echo a header is scrubbed of
// the token first (some gateways quote the key they refused).
import { PikaApiError, type PikaErrorKind } from './errors';
import { readServerMessage, shorten } from './server-message';
import type { HeaderReader } from '../http/header-reader';
import { ProxyError } from '../http/proxy-error';
import { ProxyUrlError } from '../http/network-config';
import { parseRetryAfter, readRateLimit } from './rate-limit-headers';

export { RETRY_AFTER_CAP_MS, parseRetryAfter } from './rate-limit-headers';

export interface RequestContext {
  /** 'credit': the gateway's billing routes (main/core/credit). */
  operation: 'feed' | 'generate' | 'credit';
  /** Host of the base URL, for messages ("could not reach api.gpt.ge"). */
  host: string;
  taskId?: string;
  /** Removed from every text that goes into an error. */
  token?: string | null;
}

const GENERATE_FIELDS = [
  'promptText',
  'model',
  'pikaffect',
  'options',
  'options.aspectRatio',
  'options.frameRate',
  'options.camera',
  'options.extend',
  'options.parameters',
  'options.parameters.guidanceScale',
  'options.parameters.motion',
  'options.parameters.negativePrompt',
  'aspectRatio',
  'frameRate',
  'camera',
  'extend',
  'parameters',
  'guidanceScale',
  'motion',
  'negativePrompt',
  'image',
  'video',
];

export function redact(text: string, token: string | null | undefined): string {
  let out = text;
  // Servers echo a token as they please: in other case, URL-encoded or JSON-escaped.
  const forms = token
    ? [...new Set([token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1)])]
    : [];
  for (const form of forms) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // A token this short would also match inside ordinary words: hide it where it stands alone.
    const pattern = form.length >= 4 ? escaped : `(?<![\\w-])${escaped}(?![\\w-])`;
    out = out.replace(new RegExp(pattern, 'gi'), '[token]');
  }
  return out.replace(/(bearer\s+)(?!\[token\])[^\s"',;]+/gi, '$1[hidden]');
}

function what(ctx: RequestContext): string {
  if (ctx.operation === 'credit') return "the token's credit";
  return ctx.operation === 'generate' ? 'the generate request' : `task ${ctx.taskId ?? ''}`.trim();
}

function withServer(summary: string, serverMessage: string | undefined): string {
  return serverMessage ? `${summary} The server said: "${serverMessage}"` : summary;
}

/** An HTTP answer with a status outside 2xx. */
export function httpError(
  status: number,
  body: string,
  headers: HeaderReader,
  ctx: RequestContext,
): PikaApiError {
  const says = readServerMessage(redact(body, ctx.token));
  const serverMessage = says.message;
  const code = says.code;
  const rateLimit = readRateLimit(headers);
  const base = { status, serverMessage, code, ...(rateLimit ? { rateLimit } : {}) };
  const make = (
    kind: PikaErrorKind,
    summary: string,
    extra: Partial<ConstructorParameters<typeof PikaApiError>[0]> = {},
  ) => new PikaApiError({ ...base, ...extra, kind, message: withServer(summary, serverMessage) });

  const quota = isQuota(code, says.type, serverMessage);
  if (status === 401) {
    return make(
      'token-rejected',
      `The Pika API rejected your token (HTTP 401). Check or replace the token.`,
    );
  }
  if (status === 402 || status === 403 || ((status === 429 || status < 300) && quota)) {
    if (quota) {
      return make(
        'forbidden',
        `Your Pika API account is out of quota (HTTP ${status}). Top it up, then try again.`,
      );
    }
    return make(
      'forbidden',
      `The Pika API refused access (HTTP ${status}): the account, this IP address or the model may not be allowed.`,
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    const wait =
      retryAfterMs === undefined
        ? 'Wait a little before trying again.'
        : `Wait ${Math.ceil(retryAfterMs / 1000)} s before trying again.`;
    return make('rate-limited', `Too many requests to the Pika API (HTTP 429). ${wait}`, {
      retryAfterMs,
    });
  }
  if (status === 404 && ctx.operation === 'generate') {
    return make(
      'bad-request',
      `The server has no /pika/generate route (HTTP 404). Check the API base URL.`,
    );
  }
  if ((status === 404 && !says.html) || code === 'task_not_exist') {
    return make(
      'unknown-task',
      `The server does not know ${what(ctx)} (HTTP ${status}). Check the task id.`,
    );
  }
  if (status === 404) {
    return make(
      'unknown-task',
      `The server answered with a web page saying "not found" (HTTP 404) for ${what(ctx)}. Check the task id and the API base URL.`,
    );
  }
  if (status >= 500) {
    // A 503 may say when to come back; the rest of the time the caller backs off on its own.
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    return make(
      'server',
      `The Pika API had a problem answering ${what(ctx)} (HTTP ${status}). It usually passes; try again shortly.`,
      { retryAfterMs },
    );
  }
  if (status >= 400) {
    const field = says.field ?? fieldNamedIn(serverMessage);
    const blame = field ? ` It blames the field "${field}".` : '';
    return make('bad-request', `The server refused ${what(ctx)} (HTTP ${status}).${blame}`, {
      field,
    });
  }
  if (status >= 300 && status < 400) {
    const location = headers.get('location');
    let where = '';
    if (location) {
      try {
        where = ` to ${new URL(location, 'https://x.invalid').host}`;
      } catch {
        where = '';
      }
    }
    return make(
      'bad-response',
      `The server redirected ${what(ctx)} (HTTP ${status})${where}; the token is not sent to redirects. Check the API base URL.`,
    );
  }
  return make(
    'bad-response',
    `The server gave an unexpected answer (HTTP ${status}) to ${what(ctx)}.`,
  );
}

export function isQuota(
  code: string | undefined,
  type: string | undefined,
  message: string | undefined,
): boolean {
  if (code === 'insufficient_user_quota' || type === 'insufficient_user_quota') return true;
  if (code === 'insufficient_quota' || type === 'insufficient_quota') return true;
  return message !== undefined && /\bquota\b|额度|余额/i.test(message);
}

function fieldNamedIn(message: string | undefined): string | undefined {
  if (!message) return undefined;
  let best: string | undefined;
  for (const field of GENERATE_FIELDS) {
    const re = new RegExp(`(^|[^A-Za-z0-9_.])${field.replace(/\./g, '\\.')}($|[^A-Za-z0-9_])`);
    if (re.test(message) && (best === undefined || field.length > best.length)) best = field;
  }
  return best;
}

/** A 200 answer that cannot be used. */
export function badResponse(
  summary: string,
  ctx: RequestContext,
  status: number,
  body?: string,
): PikaApiError {
  let serverMessage: string | undefined;
  let message = redact(summary, ctx.token);
  if (body !== undefined) {
    const says = readServerMessage(redact(body, ctx.token));
    if (says.html) {
      serverMessage = says.message;
      message = withServer(message, serverMessage);
    } else {
      // Not an error text but a broken answer: show how it began, not "the server said".
      const start = shorten(redact(body, ctx.token).replace(/\s+/g, ' ').trim(), 80);
      if (start !== '') message = `${message} The answer began: ${start}`;
    }
  }
  return new PikaApiError({ kind: 'bad-response', status, serverMessage, message });
}

/** The request failed: name the cause a person recognises (DNS, refused, reset, timeout). */
export function networkError(
  err: unknown,
  ctx: RequestContext,
  timing: { timedOut: boolean; timeoutMs: number; phase: 'connect' | 'body' },
): PikaApiError {
  const generateNote =
    ctx.operation === 'generate'
      ? ' The task may still have been created: check before generating again.'
      : '';
  if (timing.timedOut) {
    return new PikaApiError({
      kind: 'network',
      code: 'timeout',
      message: `${ctx.host} did not answer ${what(ctx)} within ${seconds(timing.timeoutMs)} (timed out).${generateNote}`,
    });
  }
  if (err instanceof ProxyError) {
    return new PikaApiError({
      kind: 'network',
      code: `proxy-${err.failure}`,
      message: `Could not get ${what(ctx)}: ${err.message}${generateNote}`,
      proxy: err.proxy,
      cause: err,
    });
  }
  if (err instanceof ProxyUrlError) {
    // The proxy setting (or what the system resolver answered) cannot be used.
    return new PikaApiError({
      kind: 'network',
      code: 'proxy-setting',
      message: `Could not get ${what(ctx)}: ${err.message}${generateNote}`,
      cause: err,
    });
  }
  const code = errorCode(err);
  let reason: string;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      reason = `could not find ${ctx.host} (DNS lookup failed); check the address and your connection`;
      break;
    case 'ECONNREFUSED':
      reason = `${ctx.host} refused the connection`;
      break;
    case 'ECONNRESET':
    case 'EPIPE':
      reason =
        timing.phase === 'body'
          ? `the connection to ${ctx.host} was reset in the middle of the answer`
          : `the connection to ${ctx.host} was reset`;
      break;
    case 'ETIMEDOUT':
      reason = `the connection to ${ctx.host} timed out`;
      break;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      reason = `${ctx.host} is unreachable from this network`;
      break;
    default:
      if (code !== undefined && /CERT|SSL|TLS|VERIFY/i.test(code))
        reason = `the secure connection to ${ctx.host} failed (${code})`;
      else reason = `the connection to ${ctx.host} failed${code ? ` (${code})` : ''}`;
  }
  return new PikaApiError({
    kind: 'network',
    code: code ?? 'network',
    message: `Could not get ${what(ctx)}: ${reason}.${generateNote}`,
    cause: err,
  });
}

/** The socket error's code, also where another error wraps it as its cause. */
function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 10_000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms / 1000)} s`;
}
