// The HTTP client for the Pika gateway: GET /pika/feed/{id} and POST /pika/generate. It sends
// the token, bounds every request with a timeout, and returns either a typed answer or a
// classified PikaApiError. It never retries: the tracker decides about feed retries, and a
// generate call is billed, so it is never repeated behind the user's back.
import { normalizeBaseUrl } from './base-url';
import { apiError, badResponse, httpError, networkError, type RequestContext } from './classify';
import { say, type MessageRef } from '../text/message-ref';
import { FeedShapeError, parseFeedTask } from './feed-schema';
import { AnswerTooLarge, sendHttp, type HttpAnswer } from './http-send';
import { readRateLimit } from './rate-limit-headers';
import type { FeedRequestOptions, FeedSource, FeedTask, GenerateRequest } from './types';
import { isValidTaskId } from '../tasks/task-id';
import type { HttpLayer } from '../http/http-layer';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Larger answers are not a feed answer; refuse them rather than buffer them. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export interface PikaClientOptions {
  /** Default https://api.gpt.ge; checked with normalizeBaseUrl (throws on a bad one). */
  baseUrl?: string;
  /** Read before every request, so a changed token applies at once. */
  getToken: () => string | null;
  timeoutMs?: number;
  /** The network configuration's HTTP layer (proxy, trust); default: proxy variables. */
  http?: HttpLayer;
}

/** A raw answer from another route of the gateway, with the context to classify it in. */
export interface RouteAnswer {
  status: number;
  text: string;
  headers: HttpAnswer['headers'];
  ctx: RequestContext;
}

export interface PikaClient extends FeedSource {
  getTask(taskId: string, opts?: FeedRequestOptions): Promise<FeedTask>;
  /** Creates a task (billed). Resolves with the id to poll. */
  generate(body: GenerateRequest, opts?: { signal?: AbortSignal }): Promise<{ id: string }>;
  /**
   * GETs another route of the same gateway with the token (the billing routes of
   * core/credit): the answer as it came, whatever its status, for the caller to read with
   * classify's functions. Network failures and timeouts are PikaApiErrors as for the feed.
   */
  getRoute(path: string, opts?: { signal?: AbortSignal }): Promise<RouteAnswer>;
  readonly baseUrl: string;
  /** The HTTP layer it sends through, so downloads of its videos share the network setup. */
  readonly http?: HttpLayer;
}

export function createPikaClient(options: PikaClientOptions): PikaClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const host = new URL(baseUrl).host;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function send(
    method: 'GET' | 'POST',
    path: string,
    ctx: RequestContext,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<HttpAnswer> {
    if (signal?.aborted) throw abortReason(signal);
    const token = ctx.token;
    if (!token) {
      throw apiError({ kind: 'token-rejected', ref: say('api.noToken') });
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    let phase: 'connect' | 'body' = 'connect';
    try {
      // Redirects are not followed: the token must never go on to another host.
      return await sendHttp(new URL(`${baseUrl}${path}`), {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          // As in the documented examples, GET included; some gateways route on it.
          'Content-Type': 'application/json',
          'User-Agent': 'PikaTray',
        },
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
        maxBytes: MAX_ANSWER_BYTES,
        ...(options.http === undefined ? {} : { http: options.http }),
        onHeaders: () => {
          phase = 'body';
        },
      });
    } catch (err) {
      if (signal?.aborted) throw abortReason(signal);
      if (err instanceof AnswerTooLarge) {
        throw apiError({
          kind: 'bad-response',
          status: err.status,
          ref: say('api.tooLarge', MAX_ANSWER_BYTES / 1024 / 1024),
        });
      }
      throw networkError(err, ctx, { timedOut, timeoutMs, phase });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  function decodeJson(answer: HttpAnswer, ctx: RequestContext, what: MessageRef): unknown {
    const text = answer.text.trim();
    if (text === '') throw badResponse(say('api.emptyAnswer', what), ctx, answer.status);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const html = /^<!doctype html|^<html|<\/(html|body|title)>/i.test(text);
      throw badResponse(
        html ? say('api.webPage', what) : say('api.notJson', what),
        ctx,
        answer.status,
        answer.text,
      );
    }
  }

  return {
    baseUrl,
    ...(options.http === undefined ? {} : { http: options.http }),

    async getTask(taskId, opts) {
      if (!isValidTaskId(taskId)) {
        throw apiError({ kind: 'bad-request', ref: say('api.invalidTaskId') });
      }
      const ctx: RequestContext = { operation: 'feed', host, taskId, token: options.getToken() };
      const answer = await send(
        'GET',
        `/pika/feed/${encodeURIComponent(taskId)}`,
        ctx,
        undefined,
        opts?.signal,
      );
      if (opts?.onRateLimit) {
        const info = readRateLimit(answer.headers);
        if (info) opts.onRateLimit(info);
      }
      if (answer.status < 200 || answer.status >= 300)
        throw httpError(answer.status, answer.text, answer.headers, ctx);
      const json = decodeJson(answer, ctx, say('api.subjectTask', taskId));
      const envelope = errorEnvelope(json);
      if (envelope) throw httpError(answer.status, answer.text, answer.headers, ctx);
      try {
        return parseFeedTask(json);
      } catch (err) {
        if (err instanceof FeedShapeError) throw badResponse(err.ref, ctx, answer.status);
        throw err;
      }
    },

    async getRoute(path, opts) {
      const ctx: RequestContext = { operation: 'credit', host, token: options.getToken() };
      const answer = await send('GET', path, ctx, undefined, opts?.signal);
      return { status: answer.status, text: answer.text, headers: answer.headers, ctx };
    },

    async generate(request, opts) {
      const ctx: RequestContext = { operation: 'generate', host, token: options.getToken() };
      const answer = await send(
        'POST',
        '/pika/generate',
        ctx,
        JSON.stringify(request),
        opts?.signal,
      );
      if (answer.status < 200 || answer.status >= 300)
        throw httpError(answer.status, answer.text, answer.headers, ctx);
      const json = decodeJson(answer, ctx, say('api.subjectGenerate'));
      const id = createdTaskId(json);
      if (id === undefined) {
        const envelope = errorEnvelope(json);
        if (envelope) throw httpError(answer.status, answer.text, answer.headers, ctx);
        throw badResponse(say('api.noTaskId'), ctx, answer.status, answer.text);
      }
      return { id };
    },
  };
}

/** `{id}` as documented; `{data: {id}}` and `{task_id}` as some gateways wrap it. */
function createdTaskId(json: unknown): string | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  const obj = json as Record<string, unknown>;
  const data = obj['data'];
  const candidates = [
    obj['id'],
    obj['task_id'],
    data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['id'] : undefined,
    data !== null && typeof data === 'object'
      ? (data as Record<string, unknown>)['task_id']
      : undefined,
    typeof data === 'string' ? data : undefined,
  ];
  return candidates.find((c): c is string => isValidTaskId(c));
}

/**
 * Some gateways answer HTTP 200 with a task-route error body `{code, message, data: null}`.
 * Returns the code when the JSON is such an error rather than a task.
 */
function errorEnvelope(json: unknown): string | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const obj = json as Record<string, unknown>;
  if ('id' in obj || 'videos' in obj) return undefined;
  if (obj['data'] !== null && obj['data'] !== undefined) return undefined;
  const code = obj['code'];
  if (typeof code === 'string' && code !== '' && code !== 'success') return code;
  if (obj['error'] !== undefined && obj['error'] !== null) return 'error';
  return undefined;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
