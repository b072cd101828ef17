// Turns every way a request can go wrong into one PikaApiError with a message a person can
// act on, plus the server's own words. Every text that could echo a header is scrubbed of
// the token first (some gateways quote the key they refused).
import { PikaApiError, type PikaErrorKind } from './errors';
import { readServerMessage, shorten } from './server-message';
import type { HeaderReader } from '../http/header-reader';
import { ProxyError } from '../http/proxy-error';
import { ProxyUrlError } from '../http/network-config';
import { parseRetryAfter, readRateLimit } from './rate-limit-headers';
import { readMessageRef, renderMessage, say, type MessageRef } from '../text/message-ref';

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

function what(ctx: RequestContext): MessageRef {
  if (ctx.operation === 'credit') return say('api.subjectCredit');
  return ctx.operation === 'generate'
    ? say('api.subjectGenerate')
    : say('api.subjectTask', ctx.taskId ?? '');
}

function withServer(summary: MessageRef, serverMessage: string | undefined): MessageRef {
  return serverMessage
    ? say('api.withServer', summary, say('common.serverSaid', serverMessage))
    : summary;
}

/** The message with every text argument scrubbed of the token (nested messages too). */
export function redactRef(ref: MessageRef, token: string | null | undefined): MessageRef {
  const args = ref.args.map((a) =>
    typeof a === 'string' ? redact(a, token) : typeof a === 'object' ? redactRef(a, token) : a,
  );
  return { key: ref.key, args };
}

/** A PikaApiError whose English message is its ref's English words. */
export function apiError(
  init: Omit<ConstructorParameters<typeof PikaApiError>[0], 'message'> & { ref: MessageRef },
): PikaApiError {
  return new PikaApiError({ ...init, message: renderMessage(init.ref, 'en') });
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
  const subject = what(ctx);
  const make = (
    kind: PikaErrorKind,
    summary: MessageRef,
    extra: Partial<ConstructorParameters<typeof PikaApiError>[0]> = {},
  ) =>
    apiError({
      ...base,
      ...extra,
      kind,
      ref: redactRef(withServer(summary, serverMessage), ctx.token),
    });

  const quota = isQuota(code, says.type, serverMessage);
  if (status === 401) return make('token-rejected', say('api.tokenRejected'));
  if (status === 402 || status === 403 || ((status === 429 || status < 300) && quota)) {
    if (quota) return make('forbidden', say('api.outOfQuota', status));
    return make('forbidden', say('api.accessRefused', status));
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    const summary =
      retryAfterMs === undefined
        ? say('api.rateLimited')
        : say('api.rateLimitedWait', retryAfterMs);
    return make('rate-limited', summary, { retryAfterMs });
  }
  if (status === 404 && ctx.operation === 'generate') {
    return make('bad-request', say('api.noGenerateRoute'));
  }
  if ((status === 404 && !says.html) || code === 'task_not_exist') {
    return make('unknown-task', say('api.unknownTask', subject, status));
  }
  if (status === 404) return make('unknown-task', say('api.notFoundPage', subject));
  if (status >= 500) {
    // A 503 may say when to come back; the rest of the time the caller backs off on its own.
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    return make('server', say('api.serverProblem', subject, status), { retryAfterMs });
  }
  if (status >= 400) {
    const field = says.field ?? fieldNamedIn(serverMessage);
    const summary = field
      ? say('api.refusedField', subject, status, field)
      : say('api.refused', subject, status);
    return make('bad-request', summary, { field });
  }
  if (status >= 300 && status < 400) {
    const location = headers.get('location');
    let where = '';
    if (location) {
      try {
        where = new URL(location, 'https://x.invalid').host;
      } catch {
        where = '';
      }
    }
    return make('bad-response', say('api.redirected', subject, status, where));
  }
  return make('bad-response', say('api.unexpected', status, subject));
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
  summary: MessageRef,
  ctx: RequestContext,
  status: number,
  body?: string,
): PikaApiError {
  let serverMessage: string | undefined;
  let ref = summary;
  if (body !== undefined) {
    const says = readServerMessage(redact(body, ctx.token));
    if (says.html) {
      serverMessage = says.message;
      ref = withServer(ref, serverMessage);
    } else {
      // Not an error text but a broken answer: show how it began, not "the server said".
      const start = shorten(redact(body, ctx.token).replace(/\s+/g, ' ').trim(), 80);
      if (start !== '') ref = say('api.answerBegan', ref, start);
    }
  }
  return apiError({
    kind: 'bad-response',
    status,
    serverMessage,
    ref: redactRef(ref, ctx.token),
  });
}

/** The request failed: name the cause a person recognises (DNS, refused, reset, timeout). */
export function networkError(
  err: unknown,
  ctx: RequestContext,
  timing: { timedOut: boolean; timeoutMs: number; phase: 'connect' | 'body' },
): PikaApiError {
  const subject = what(ctx);
  // After a generate request without an answer the task may exist: say so.
  const noted = (ref: MessageRef): MessageRef =>
    redactRef(ctx.operation === 'generate' ? say('api.mayBeCreated', ref) : ref, ctx.token);
  if (timing.timedOut) {
    return apiError({
      kind: 'network',
      code: 'timeout',
      ref: noted(say('api.timedOut', ctx.host, subject, timing.timeoutMs)),
    });
  }
  if (err instanceof ProxyError) {
    return apiError({
      kind: 'network',
      code: `proxy-${err.failure}`,
      ref: noted(say('api.couldNotGet', subject, err.ref)),
      proxy: err.proxy,
      cause: err,
    });
  }
  if (err instanceof ProxyUrlError) {
    // The proxy setting (or what the system resolver answered) cannot be used; its words as
    // data when it carries them.
    return apiError({
      kind: 'network',
      code: 'proxy-setting',
      ref: noted(say('api.couldNotGet', subject, refOrMessage(err))),
      cause: err,
    });
  }
  const code = errorCode(err);
  let reason: MessageRef;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      reason = say('api.dnsFailed', ctx.host);
      break;
    case 'ECONNREFUSED':
      reason = say('api.connRefused', ctx.host);
      break;
    case 'ECONNRESET':
    case 'EPIPE':
      reason =
        timing.phase === 'body' ? say('api.resetMidAnswer', ctx.host) : say('api.reset', ctx.host);
      break;
    case 'ETIMEDOUT':
      reason = say('api.connTimedOut', ctx.host);
      break;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      reason = say('api.unreachable', ctx.host);
      break;
    default:
      if (code !== undefined && /CERT|SSL|TLS|VERIFY/i.test(code))
        reason = say('api.tlsFailed', ctx.host, code);
      else reason = say('api.connFailed', ctx.host, code ?? '');
  }
  return apiError({
    kind: 'network',
    code: code ?? 'network',
    ref: noted(say('api.couldNotGetBecause', subject, reason)),
    cause: err,
  });
}

/** An error's words as data when it carries them (duck-typed), else its English message. */
function refOrMessage(err: Error): MessageRef | string {
  const ref = readMessageRef((err as { ref?: unknown }).ref);
  return ref ?? err.message;
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
