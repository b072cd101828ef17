// What a gateway says about its rate limit, read from any of the header families in use:
// `Retry-After` (seconds or an HTTP date), `X-RateLimit-Limit/-Remaining/-Reset` (GitHub,
// many proxies; Reset as seconds from now or an epoch time in seconds), the IETF drafts'
// `RateLimit-Limit/-Remaining/-Reset` with `RateLimit-Policy: 100;w=60`, and the newer single
// `RateLimit: limit=100, remaining=10, reset=5`. Most gateways of this family send none of
// them (a bare 429): then this says nothing and the tracker learns from the 429s alone.
import type { HeaderReader } from '../http/header-reader';
import type { RateLimitInfo } from './types';

export type { RateLimitInfo } from './types';

/** Longest wait taken from a Retry-After header; a gateway asking for more is capped. */
export const RETRY_AFTER_CAP_MS = 10 * 60_000;

/** Seconds or an HTTP date, as milliseconds from now, capped; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, Math.round(ms)));
}

/** Epoch seconds after this are read as a time, smaller numbers as seconds from now. */
const EPOCH_SECONDS_FROM = 1_000_000_000;

function count(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  // A list (several policies) starts with the one that applies now.
  const first = value.split(',')[0]!.trim();
  if (!/^\d+(\.\d+)?$/.test(first)) return undefined;
  return Math.floor(Number(first));
}

function resetIn(value: string | null | undefined, now: number): number | undefined {
  const n = count(value);
  if (n === undefined) return undefined;
  const ms = n >= EPOCH_SECONDS_FROM ? n * 1000 - now : n * 1000;
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, Math.round(ms)));
}

/** `100;w=60` (or `100;w=60, 1000;w=3600`): the first policy's window, ms. */
function policyWindow(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const w = /;\s*w\s*=\s*(\d+)/i.exec(value.split(',')[0]!)?.[1];
  return w === undefined ? undefined : Number(w) * 1000;
}

/** `limit=100, remaining=10, reset=5` (structured-field draft), or `"default";r=10;t=5`. */
function combined(value: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value) return out;
  for (const part of value.split(/[,;]/)) {
    const m = /^\s*([a-z]+)\s*=\s*"?([^"]*)"?\s*$/i.exec(part);
    if (m) out[m[1]!.toLowerCase()] = m[2]!;
  }
  return out;
}

/** Everything the answer's headers say about the limit; undefined when they say nothing. */
export function readRateLimit(headers: HeaderReader, now = Date.now()): RateLimitInfo | undefined {
  const single = combined(headers.get('ratelimit'));
  const info: RateLimitInfo = {};
  const limit =
    count(headers.get('ratelimit-limit')) ??
    count(headers.get('x-ratelimit-limit')) ??
    count(single['limit']) ??
    count(headers.get('ratelimit-policy')) ??
    count(headers.get('x-ratelimit-limit-requests'));
  const remaining =
    count(headers.get('ratelimit-remaining')) ??
    count(headers.get('x-ratelimit-remaining')) ??
    count(single['remaining'] ?? single['r']) ??
    count(headers.get('x-ratelimit-remaining-requests'));
  const resetMs =
    resetIn(headers.get('ratelimit-reset'), now) ??
    resetIn(headers.get('x-ratelimit-reset'), now) ??
    resetIn(single['reset'] ?? single['t'], now) ??
    parseDuration(headers.get('x-ratelimit-reset-requests'));
  const windowMs = policyWindow(headers.get('ratelimit-policy')) ?? policyWindow(single['policy']);
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
  if (limit !== undefined && limit > 0) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (resetMs !== undefined) info.resetMs = resetMs;
  if (windowMs !== undefined && windowMs > 0) info.windowMs = windowMs;
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  return Object.keys(info).length === 0 ? undefined : info;
}

/** OpenAI's `x-ratelimit-reset-requests: 1m6s` / `250ms` / `6s`. */
function parseDuration(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(text)) return undefined;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    const v = Number(n);
    ms += unit === 'ms' ? v : unit === 's' ? v * 1000 : unit === 'm' ? v * 60_000 : v * 3_600_000;
  }
  return Math.min(RETRY_AFTER_CAP_MS, Math.round(ms));
}
